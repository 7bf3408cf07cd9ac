package dev.videojob.core.spi;

import dev.videojob.core.CapabilityNotSupportedException;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An adapter for one video provider: the only place that knows the provider's paths, field names
 * and status values. Register it with {@code VideoClient.builder().provider(...)}.
 *
 * <p>Methods return futures and must not block; they call the provider through an
 * {@link HttpTransport} with the given {@link CallContext}, which carries the client's clock,
 * sleeper, listener and per-call options. Before {@link #submit} is called, the client has
 * already checked the request against {@link #capabilities()} and {@link #validate}.
 * Implementations are thread-safe.
 */
public interface VideoProvider extends AutoCloseable {

  /** @return a short stable id such as {@code "creativeai"}, used in {@link dev.videojob.core.JobRef} */
  String id();

  /** @return what the provider can do */
  ProviderCapabilities capabilities();

  /**
   * Checks what the capabilities cannot express (value ranges, required combinations, URL rules).
   * The default checks nothing.
   *
   * @param request the request
   * @throws dev.videojob.core.InvalidRequestException naming the field at fault and this provider
   */
  default void validate(VideoRequest request) {}

  /**
   * Creates the job. The context's idempotency key is the same on every attempt.
   *
   * @param request the checked request
   * @param context the call's context
   * @return the first snapshot of the job
   */
  CompletableFuture<VideoJob> submit(VideoRequest request, CallContext context);

  /**
   * Fetches the job's current status.
   *
   * @param jobId the job id as in the snapshots this adapter returns
   * @param context the call's context
   * @return the snapshot
   */
  CompletableFuture<VideoJob> status(String jobId, CallContext context);

  /**
   * Fetches the job's full result (outputs with all their details), for providers whose status
   * call returns less. The default is {@link #status}.
   *
   * @param jobId the job id
   * @param context the call's context
   * @return the snapshot with outputs
   */
  default CompletableFuture<VideoJob> result(String jobId, CallContext context) {
    return status(jobId, context);
  }

  /**
   * Cancels the job. The default fails with {@link CapabilityNotSupportedException} without a
   * network call; an adapter whose provider can cancel overrides it and sets
   * {@link ProviderCapabilities#cancel()}.
   *
   * @param jobId the job id
   * @param context the call's context
   * @return the snapshot after canceling
   */
  default CompletableFuture<VideoJob> cancel(String jobId, CallContext context) {
    return CompletableFuture.failedFuture(new CapabilityNotSupportedException(id(), "cancel",
        id() + " has no cancel operation; let the job finish, or ignore its result"));
  }

  /**
   * The credentials to fetch an output URL that {@linkplain dev.videojob.core.Asset#needsAuth() needs them}
   * (VidBuilder's {@code /api/download/{id}}). Only for URLs on the provider's own origin: a CDN or
   * presigned URL gets none. The default is none; an adapter whose outputs need its key returns
   * {@code http.assetCredentials(url)} ({@link HttpTransport#assetCredentials(URI)}).
   *
   * @param url the output's absolute URL
   * @return the credentials, or empty
   */
  default Optional<Auth> assetCredentials(URI url) {
    return Optional.empty();
  }

  /** Releases what the adapter holds. The default does nothing. */
  @Override
  default void close() {}
}
