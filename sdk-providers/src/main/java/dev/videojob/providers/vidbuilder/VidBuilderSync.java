package dev.videojob.providers.vidbuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.core.ErrorContext;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.OutcomeUnknownException;
import dev.videojob.core.ProviderResponseException;
import dev.videojob.core.ProviderUnavailableException;
import dev.videojob.core.RetrySettings;
import dev.videojob.core.Sleeper;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoJobException;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.AdapterSupport;
import dev.videojob.core.spi.ApiRequest;
import dev.videojob.core.spi.CallContext;
import dev.videojob.core.spi.HttpTransport;
import dev.videojob.core.spi.ProviderCapabilities;
import dev.videojob.core.spi.RequestField;
import dev.videojob.core.spi.VideoProvider;
import dev.videojob.providers.internal.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * VidBuilder's synchronous endpoint, {@code POST /api/generate-flexible-video}: the call stays open until the
 * video is made (3 to 15 minutes by the document) and answers with the finished job. Meant for tests and
 * scripts; production code should {@code submit} through the client and wait for the webhook. Get it from
 * {@link VidBuilder#sync()}; it shares the adapter's credentials and base URL, uses its own transport whose
 * timeouts are the {@linkplain VidBuilder.Builder#syncTimeout sync timeout} (default 20 min), and is closed
 * with the adapter.
 *
 * <p>The request is checked as the client checks an asynchronous one (the same extension and fields), except
 * that it must not have a callback URL (this endpoint calls none). The call is not retried once sent
 * (VidBuilder takes no idempotency key). The answer is read as a job: a missing {@code jobId} is taken from
 * {@code videoUrl} ({@code /api/download/{jobId}}), else the job is named {@code sync-<idempotency key>},
 * which the status call does not know; {@code success:false} is a failed job. A 2xx answer that cannot be read
 * (not JSON, not an object) is an {@link OutcomeUnknownException} carrying the idempotency key: the video may
 * have been made. Thread-safe.
 */
public final class VidBuilderSync {
  private static final Sleeper DELAYED = d -> CompletableFuture.runAsync(() -> { },
      CompletableFuture.delayedExecutor(Math.max(0, d.toNanos()), TimeUnit.NANOSECONDS));

  private final VidBuilder adapter;
  private final HttpTransport http;
  private final Duration timeout;
  private final Clock clock;
  private final VideoProvider endpoint = new Endpoint();

  VidBuilderSync(VidBuilder adapter, HttpTransport http, Duration timeout, Clock clock) {
    this.adapter = adapter;
    this.http = http;
    this.timeout = timeout;
    this.clock = clock;
  }

  /**
   * Makes the video and blocks until it is ready, up to the sync timeout.
   *
   * @param request what to make, with {@link VidBuilderOptions} and without a callback URL
   * @return the finished job with its outputs
   * @throws InvalidRequestException if the request is not valid for VidBuilder (before any call) or VidBuilder rejects it
   * @throws dev.videojob.core.OutcomeUnknownException if the answer was lost after the request was sent
   * @throws dev.videojob.core.VideoJobException for every other failure
   */
  public VideoJob generateNow(VideoRequest request) {
    Objects.requireNonNull(request, "request == null");
    CallContext context = CallContext.builder(VidBuilder.ID, "generateNow").clock(clock).sleeper(DELAYED)
        .retry(RetrySettings.defaults().toBuilder().totalTimeout(timeout).build())
        .idempotencyKey(request.idempotencyKey().orElseGet(() -> UUID.randomUUID().toString()))
        .build();
    return AdapterSupport.join(generateNow(request, context));
  }

  /**
   * Same as {@link #generateNow(VideoRequest)} under a context of the caller's (clock, sleeper, deadline),
   * without blocking.
   *
   * @param request what to make
   * @param context the call's context
   * @return a future of the finished job; failures as {@link #generateNow(VideoRequest)}
   */
  public CompletableFuture<VideoJob> generateNow(VideoRequest request, CallContext context) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(context, "context == null");
    try {
      AdapterSupport.validate(request, endpoint);
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    ObjectNode body = adapter.body(request);
    Json.putExtraFields(body, request, http.json());
    String fallbackId = "sync-" + context.idempotencyKey().orElseGet(() -> UUID.randomUUID().toString());
    return context.link(http.send(ApiRequest.post(VidBuilderApi.CREATE_SYNC).json(body).createsJob(true).build(),
            context)
        .thenApply(r -> {
          JsonNode root = r.json();
          if (!root.isObject()) {
            throw new ProviderResponseException("vidbuilder answered the synchronous request with JSON that is not"
                + " an object", ErrorContext.of(VidBuilder.ID).withHttpStatus(r.status()), null, null);
          }
          String fallbackStatus = Json.bool(root, VidBuilderApi.SUCCESS).orElse(true) ? "completed" : "failed";
          String id = Json.text(root, VidBuilderApi.JOB_ID).isPresent()
              || Json.text(root, VidBuilderApi.VIDEO_URL).filter(u -> u.startsWith(VidBuilderApi.DOWNLOAD_PREFIX))
                  .isPresent()
              ? null : fallbackId;
          return VidBuilderJobs.read(root, r.bodyString(), id, fallbackStatus, http.baseUrl(), context.clock().instant());
        })
        .handle((job, failure) -> {
          if (failure == null) return job;
          throw new CompletionException(answeredButUnreadable(AdapterSupport.unwrap(failure), context));
        }));
  }

  /**
   * A failure after VidBuilder answered 2xx (its answer unreadable) means the video was made and paid for: it is an
   * unknown outcome carrying the key, as {@code VideoClient} treats an unreadable create answer; others pass as they are.
   */
  private static Throwable answeredButUnreadable(Throwable t, CallContext context) {
    if (!context.createAnswered() || t instanceof OutcomeUnknownException || t instanceof CancellationException) {
      return t;
    }
    boolean unreadable = !(t instanceof VideoJobException) || t instanceof ProviderResponseException
        || t.getClass() == VideoJobException.class
        || t instanceof ProviderUnavailableException && ((VideoJobException) t).httpStatus().orElse(0) / 100 == 2;
    if (!unreadable) return t;
    String key = context.idempotencyKey().orElse(null);
    return new OutcomeUnknownException("vidbuilder answered the synchronous request, but its answer could not be"
        + " read (" + t.getMessage() + "); the video may have been made: look for it before generating again",
        ErrorContext.of(VidBuilder.ID), t, key);
  }

  void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "VidBuilderSync{" + http + "}";
  }

  /** The endpoint's view of the provider, so the client's request checks apply to it too. */
  private final class Endpoint implements VideoProvider {
    private final ProviderCapabilities caps = ProviderCapabilities.builder()
        .supports(RequestField.QUALITY, RequestField.EXTRA_FIELDS).extensionType(VidBuilderOptions.class).build();

    @Override
    public String id() {
      return VidBuilder.ID;
    }

    @Override
    public ProviderCapabilities capabilities() {
      return caps;
    }

    @Override
    public void validate(VideoRequest request) {
      adapter.validate(request);
    }

    @Override
    public CompletableFuture<VideoJob> submit(VideoRequest request, CallContext context) {
      return generateNow(request, context);
    }

    @Override
    public CompletableFuture<VideoJob> status(String jobId, CallContext context) {
      return adapter.status(jobId, context);
    }
  }
}
