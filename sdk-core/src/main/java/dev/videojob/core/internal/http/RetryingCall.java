package dev.videojob.core.internal.http;

import dev.failsafe.Bulkhead;
import dev.failsafe.Policy;
import dev.failsafe.RateLimiter;
import dev.videojob.core.RetryEvent;
import dev.videojob.core.internal.Futures;
import dev.videojob.core.internal.RetryRule;
import dev.videojob.core.spi.ApiRequest;
import dev.videojob.core.spi.ApiResponse;
import dev.videojob.core.spi.CallContext;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an API call with the SDK's retries: each attempt built by the {@link RequestFactory} and made by the
 * {@link WireCall}, retried by the {@link RetryEngine} under {@link RetryRule} (429, 5xx and I/O only, backoff
 * with full jitter or {@code Retry-After}, bounded retries, the call's deadline) and the {@link SafeCreateRule},
 * inside the client-side {@link CallLimits}; the outcome mapped by the {@link StatusMapping}. A create call's
 * every attempt is recorded, so its failure can say whether a job may exist.
 *
 * <p>Internal: not part of the public API. Thread-safe.
 */
public final class RetryingCall {
  private static final Logger log = LoggerFactory.getLogger(RetryingCall.class);

  private final String provider;
  private final RequestFactory requests;
  private final WireCall wire;
  private final StatusMapping errors;
  private final SafeCreateRule rule;
  private final List<Policy<ApiResponse>> limits;

  /**
   * @param provider the provider id, for logs and retry events
   * @param requests builds each attempt's request
   * @param wire makes each attempt
   * @param errors maps the outcome
   * @param rule the safe-create rule
   * @param limits the client-side bounds, shared by every call of this provider key
   */
  public RetryingCall(String provider, RequestFactory requests, WireCall wire, StatusMapping errors,
      SafeCreateRule rule, CallLimits limits) {
    this.provider = provider;
    this.requests = requests;
    this.wire = wire;
    this.errors = errors;
    this.rule = rule;
    this.limits = limits.policies();
  }

  /**
   * Sends a call; see {@link dev.videojob.core.spi.HttpTransport#send} for what it fails with.
   *
   * @param request the call
   * @param rawBody its raw body (not copied), or null
   * @param context the logical call's context; cancelling it cancels the call
   * @param recorder records each attempt of a create call on the context
   * @return the 2xx response
   */
  public CompletableFuture<ApiResponse> send(ApiRequest request, byte[] rawBody, CallContext context,
      CreateRecorder recorder) {
    if (context.isCancelled()) {
      return CompletableFuture.failedFuture(new CancellationException("the call was canceled"));
    }
    Attempts attempts = new Attempts(request, context);
    Duration firstWait = Duration.ZERO;
    int attemptsMade = 0;
    if (CallerWaits.callerWillBlock()) {
      CompletableFuture<ApiResponse> first = attemptHere(request, rawBody, context, recorder);
      if (first != null) {
        ApiResponse response = first.isCompletedExceptionally() ? null : first.join();
        Throwable failure = response == null ? Futures.unwrap(first.handle((r, e) -> e).join()) : null;
        Optional<Duration> again = attempts.retryAfter(response, failure);
        if (again.isEmpty()) {
          try {
            return CompletableFuture.completedFuture(finish(response, failure, request, context, false));
          } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
          }
        }
        // The retries go the asynchronous way, on the sleeper, as any call's do.
        attempts.retrying(1, again.get(), response, failure);
        firstWait = again.get();
        attemptsMade = 1;
      }
    }
    CompletableFuture<ApiResponse> result = RetryEngine.<ApiResponse>with(context.sleeper())
        .retryWhen(attempts::retryAfter)
        .onRetry(attempts::retrying)
        .limitedBy(limits)
        .after(attemptsMade, firstWait)
        .run(cancel -> attempt(request, rawBody, context, recorder, cancel),
            (response, failure, cancelled) -> finish(response, failure, request, context, cancelled));
    // However the adapter chains its futures, cancelling the caller's future cancels the context, and so this call.
    context.onCancel(() -> result.cancel(true));
    return result;
  }

  private ApiResponse finish(ApiResponse response, Throwable failure, ApiRequest request, CallContext context,
      boolean cancelled) {
    if (failure != null) throw errors.failure(failure, request, context, cancelled);
    if (!response.isSuccessful()) throw errors.status(response, request, context);
    return response;
  }

  /**
   * The first attempt on the caller's thread, when nothing waits: the host below OkHttp's per-host limit with no
   * call queued, a place in the concurrency bound and a rate permit free at once. Otherwise null, and the call
   * goes the asynchronous way, where it waits its turn.
   */
  private CompletableFuture<ApiResponse> attemptHere(ApiRequest request, byte[] rawBody, CallContext context,
      CreateRecorder recorder) {
    Duration remaining = context.remaining();
    if (remaining.isZero()) return null;
    Request okRequest;
    try {
      okRequest = requests.build(request, rawBody, context);
    } catch (RuntimeException e) {
      return null; // the asynchronous path reports it, as it always has
    }
    if (!wire.tryReserve(okRequest)) return null;
    List<Bulkhead<ApiResponse>> held = new ArrayList<>();
    boolean permitted = true;
    for (Policy<ApiResponse> p : limits) {
      if (p instanceof Bulkhead) {
        Bulkhead<ApiResponse> b = (Bulkhead<ApiResponse>) p;
        if (!b.tryAcquirePermit()) {
          permitted = false;
          break;
        }
        held.add(b);
      }
    }
    // A rate permit cannot be given back, so it is taken last, once nothing else can refuse.
    for (Policy<ApiResponse> p : limits) {
      if (permitted && p instanceof RateLimiter && !((RateLimiter<ApiResponse>) p).tryAcquirePermit()) permitted = false;
    }
    if (!permitted) {
      held.forEach(Bulkhead::releasePermit);
      wire.unreserve(okRequest);
      return null;
    }
    try {
      CompletableFuture<ApiResponse> f = wire.executeHere(okRequest, remaining, context::onCancel,
          context.operation() + " " + request);
      return request.createsJob() ? record(f, recorder) : f;
    } finally {
      held.forEach(Bulkhead::releasePermit);
    }
  }

  private CompletableFuture<ApiResponse> attempt(ApiRequest request, byte[] rawBody, CallContext context,
      CreateRecorder recorder, RetryEngine.Cancellation cancel) {
    Duration remaining = context.remaining();
    if (remaining.isZero()) {
      return CompletableFuture.failedFuture(new AttemptFailure(new InterruptedIOException("deadline reached"), false));
    }
    Request okRequest;
    try {
      okRequest = requests.build(request, rawBody, context);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<ApiResponse> f = wire.execute(okRequest, remaining, cancel, context.operation() + " " + request);
    if (!request.createsJob()) return f;
    return record(f, recorder);
  }

  /** Records each attempt of a create call on its context, so its failure can say whether a job may exist. */
  private static CompletableFuture<ApiResponse> record(CompletableFuture<ApiResponse> f, CreateRecorder recorder) {
    return f.whenComplete((r, e) -> {
      if (r != null) {
        recorder.record(false, SafeCreateRule.mayHaveCreated(r.status()));
        if (r.isSuccessful()) recorder.record(true, true);
      } else if (e instanceof AttemptFailure) {
        AttemptFailure a = (AttemptFailure) e;
        if (a.status() > 0) recorder.record(false, SafeCreateRule.mayHaveCreated(a.status()));
        else if (a.requestSent()) recorder.record(false, true);
      }
    });
  }

  /** Records one attempt of a create call on its context. */
  @FunctionalInterface
  public interface CreateRecorder {
    /**
     * @param answered whether it was answered 2xx
     * @param mayExist whether it may have created something
     */
    void record(boolean answered, boolean mayExist);
  }

  /** Per-call retry bookkeeping: decides each retry and its wait against the call's deadline. */
  private final class Attempts {
    private final ApiRequest request;
    private final CallContext context;
    private int retries;

    Attempts(ApiRequest request, CallContext context) {
      this.request = request;
      this.context = context;
    }

    Optional<Duration> retryAfter(ApiResponse response, Throwable failure) {
      Optional<Duration> delay;
      if (failure != null) {
        if (!(failure instanceof AttemptFailure)) return Optional.empty();
        if (!rule.mayRetryFailure(request, ((AttemptFailure) failure).requestSent())) return Optional.empty();
        delay = RetryRule.afterIoFailure(context.retry(), retries, context.remaining());
      } else {
        int s = response.status();
        if (!RetryRule.isRetryableStatus(s) || !rule.mayRetryStatus(request, s)) return Optional.empty();
        delay = RetryRule.afterStatus(context.retry(), retries, response.header("Retry-After").orElse(null),
            context.clock(), context.remaining());
      }
      if (delay.isPresent()) retries++;
      return delay;
    }

    void retrying(int attempt, Duration delay, ApiResponse last, Throwable failure) {
      int status = last != null ? last.status() : 0;
      String reason = last != null ? "HTTP " + status : String.valueOf(failure.getMessage());
      log.info("{} {} {}: attempt {} failed ({}), retrying in {} ms", provider, context.operation(), request,
          attempt, reason, delay.toMillis());
      try {
        context.retryScheduled(new RetryEvent(provider, context.operation(), attempt, delay, status, reason));
      } catch (RuntimeException e) {
        log.warn("retry listener failed", e);
      }
    }
  }
}
