package dev.videojob.core;

import dev.videojob.core.internal.Futures;
import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.CallContext;
import dev.videojob.core.spi.ProviderCapabilities;
import dev.videojob.core.spi.VideoProvider;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The client's view of an adapter, and the one place that decides what a failed call says: whatever the
 * adapter does, a call fails only with a {@link VideoJobException} (or a {@link CancellationException}). An
 * untyped failure, thrown or in the future, a missing future or a null snapshot is a {@link ProviderResponseException};
 * for a submission it is an {@link OutcomeUnknownException}, since the job may exist, and every submission failure
 * carries the idempotency key and what the context's create calls recorded ({@link #settle}). Cancelling a returned
 * future cancels the adapter's. Messages name an untyped exception's class only: its message (which may quote a
 * presigned URL) stays in the cause.
 */
final class GuardedProvider implements VideoProvider {
  private final VideoProvider delegate;

  GuardedProvider(VideoProvider delegate) {
    this.delegate = delegate;
  }

  VideoProvider delegate() {
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
    return guard(() -> delegate.submit(request, context), t -> settle(t, context));
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

  private Throwable unreadable(String operation, Throwable t) {
    if (t instanceof VideoJobException || t instanceof Error) return t;
    return new ProviderResponseException("the answer to " + operation + " could not be read (" + describe(t)
        + "); asking again will not help: report it to the adapter's maintainers with the provider's answer",
        ErrorContext.of(id()), null, t);
  }

  /**
   * What a failed submission reports: the key, and whether a job may exist. A failure to read the answer
   * (untyped, or the SDK's {@link ProviderResponseException}) is an {@link OutcomeUnknownException}; so is a
   * failure that does not say what went wrong (a plain {@link VideoJobException}, or a 2xx body the transport
   * could not read) once the provider had accepted a create call.
   */
  private VideoJobException settle(Throwable t, CallContext context) {
    String key = context.idempotencyKey().orElse(null);
    VideoJobException failure;
    if (t instanceof VideoJobException && !(t instanceof ProviderResponseException)) {
      failure = (VideoJobException) t;
    } else if (t instanceof Error) {
      failure = new VideoJobException("submission failed: " + t, ErrorContext.of(id()), t);
    } else {
      failure = new OutcomeUnknownException("the answer to the submission could not be read (" + describe(t)
          + "), so the job may exist: look it up before submitting again with the same idempotency key",
          ErrorContext.of(id()), t, key);
    }
    int status = failure.httpStatus().orElse(0);
    boolean unexplained = failure.getClass() == VideoJobException.class
        || failure instanceof ProviderUnavailableException && status >= 200 && status < 300;
    if (context.createAnswered() && unexplained) {
      return new OutcomeUnknownException("the provider accepted the create call, but what followed could not be"
          + " read (" + t + "); the job may exist: look it up before submitting again",
          failure.context().withIdempotencyKey(key), failure, key);
    }
    failure.forSubmission(key, context.jobMayExist());
    return failure;
  }

  private static String describe(Throwable t) {
    return t instanceof ProviderResponseException ? t.getMessage() : t.getClass().getName();
  }

  /** Runs the call; its failure, thrown or completed, goes through {@code typed} unless it is a cancellation. */
  private static CompletableFuture<VideoJob> guard(Supplier<CompletableFuture<VideoJob>> call,
      Function<Throwable, Throwable> typed) {
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
      out.completeExceptionally(t instanceof CancellationException ? t : typed.apply(t));
    });
    out.whenComplete((job, err) -> {
      if (out.isCancelled()) s.cancel(true);
    });
    return out;
  }
}
