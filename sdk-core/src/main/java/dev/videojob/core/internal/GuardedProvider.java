package dev.videojob.core.internal;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.OutcomeUnknownException;
import dev.videojob.core.ProviderResponseException;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoJobException;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.CallContext;
import dev.videojob.core.spi.ProviderCapabilities;
import dev.videojob.core.spi.VideoProvider;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The client's view of an adapter: whatever the adapter does, a call fails only with a
 * {@link VideoJobException} (or a {@link CancellationException} when it was canceled). An untyped
 * exception the adapter throws or completes its future with, typically from reading an answer it did
 * not expect, becomes a {@link ProviderResponseException}; for a submission, whose job may exist, an
 * {@link OutcomeUnknownException} carrying the idempotency key. A future that is missing or completes
 * with no snapshot is treated the same way. Cancelling a returned future cancels the adapter's.
 *
 * <p>Messages name the exception's type only: its own message (which may quote a presigned URL) stays in the cause.
 */
public final class GuardedProvider implements VideoProvider {
  private final VideoProvider delegate;

  private GuardedProvider(VideoProvider delegate) {
    this.delegate = delegate;
  }

  /**
   * @param provider the adapter
   * @return the adapter, guarded (the same object if it already is)
   */
  public static GuardedProvider of(VideoProvider provider) {
    Objects.requireNonNull(provider, "provider == null");
    return provider instanceof GuardedProvider ? (GuardedProvider) provider : new GuardedProvider(provider);
  }

  /** @return the adapter itself */
  public VideoProvider delegate() {
    return delegate;
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public ProviderCapabilities capabilities() {
    return delegate.capabilities();
  }

  /**
   * Checks the request with the adapter.
   *
   * @param request the request
   * @throws VideoJobException the adapter's typed error, or one wrapping its untyped failure
   */
  @Override
  public void validate(VideoRequest request) {
    try {
      delegate.validate(request);
    } catch (VideoJobException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new VideoJobException("the adapter failed while checking the request (" + e.getClass().getName()
          + "): a fault in the adapter; report it with the request", ErrorContext.of(id()), e);
    }
  }

  @Override
  public CompletableFuture<VideoJob> submit(VideoRequest request, CallContext context) {
    String key = context.idempotencyKey().orElse(null);
    // A typed error from reading the answer (ProviderResponseException) still means the job may exist.
    return guard(() -> delegate.submit(request, context), t -> t instanceof VideoJobException
        && !(t instanceof ProviderResponseException) ? (VideoJobException) t
        : new OutcomeUnknownException("the answer to the submission could not be read (" + describe(t) + "), so the"
            + " job may exist: look it up before submitting again with the same idempotency key",
            ErrorContext.of(id()), t, key));
  }

  @Override
  public CompletableFuture<VideoJob> status(String jobId, CallContext context) {
    return guard(() -> delegate.status(jobId, context), t -> unreadable("status", t));
  }

  @Override
  public CompletableFuture<VideoJob> result(String jobId, CallContext context) {
    return guard(() -> delegate.result(jobId, context), t -> unreadable("result", t));
  }

  @Override
  public CompletableFuture<VideoJob> cancel(String jobId, CallContext context) {
    return guard(() -> delegate.cancel(jobId, context), t -> unreadable("cancel", t));
  }

  @Override
  public Optional<Auth> assetCredentials(URI url) {
    return delegate.assetCredentials(url);
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }

  private VideoJobException unreadable(String operation, Throwable t) {
    if (t instanceof VideoJobException) return (VideoJobException) t;
    return new ProviderResponseException("the answer to " + operation + " could not be read (" + describe(t)
        + "); asking again will not help: report it to the adapter's maintainers with the provider's answer",
        ErrorContext.of(id()), null, t);
  }

  private static String describe(Throwable t) {
    if (t instanceof ProviderResponseException) return t.getMessage();
    return t.getClass().getName();
  }

  /** Runs the call; its failure, thrown or completed, goes through {@code typed} unless a cancellation or a JVM error. */
  private static CompletableFuture<VideoJob> guard(Supplier<CompletableFuture<VideoJob>> call,
      Function<Throwable, VideoJobException> typed) {
    CompletableFuture<VideoJob> source;
    try {
      source = call.get();
      if (source == null) source = CompletableFuture.failedFuture(new NullPointerException("the adapter returned no future"));
    } catch (RuntimeException e) {
      source = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<VideoJob> out = new CompletableFuture<>();
    CompletableFuture<VideoJob> s = source;
    s.whenComplete((job, err) -> {
      if (err == null && job == null) err = new NullPointerException("the adapter completed with no snapshot");
      if (err == null) {
        out.complete(job);
        return;
      }
      Throwable t = Futures.unwrap(err);
      out.completeExceptionally(t instanceof CancellationException || t instanceof Error ? t : typed.apply(t));
    });
    out.whenComplete((job, err) -> {
      if (out.isCancelled()) s.cancel(true);
    });
    return out;
  }
}
