package dev.videojob.core.internal.http;

import dev.failsafe.Failsafe;
import dev.failsafe.Policy;
import dev.failsafe.RetryPolicy;
import dev.videojob.core.Sleeper;
import dev.videojob.core.internal.Futures;
import dev.videojob.core.internal.SleeperScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SDK's one retry engine, for any asynchronous call (an API call, a media download or upload): it
 * runs attempts through Failsafe, waits through the caller's {@link Sleeper}, and asks a {@link Decision}
 * after every attempt whether to try again and after what wait. The decision owns the whole rule (which
 * failures and statuses, how many retries, the deadline); {@link dev.videojob.core.internal.RetryRule} is
 * the shared rule decisions build on.
 *
 * <p>Cancelling the future {@link #run} returns cancels the attempt in flight (through what it registered on
 * its {@link Cancellation}) and any pending wait; an attempt that starts after the cancel is cancelled as soon
 * as it registers. One engine runs one logical call:
 *
 * <pre>{@code
 * CompletableFuture<T> f = RetryEngine.<T>with(sleeper)
 *     .retryWhen((result, failure) -> failure instanceof IOException ? Optional.of(wait) : Optional.empty())
 *     .onRetry((attempt, delay, result, failure) -> log...)
 *     .run(cancel -> { Call call = ...; cancel.onCancel(call::cancel); return future; },
 *          (result, failure, cancelled) -> { if (failure != null) throw map(failure); return result; });
 * }</pre>
 *
 * <p>Internal: not part of the public API. Not thread-safe while being configured; {@link #run} once.
 *
 * @param <T> the result of one attempt
 */
public final class RetryEngine<T> {
  private final Sleeper sleeper;
  private final List<Policy<T>> limits = new ArrayList<>();
  private Decision<T> decision = (r, f) -> Optional.empty();
  private RetryObserver<T> observer = (a, d, r, f) -> {};
  private volatile Duration nextDelay = Duration.ZERO;
  private int attemptsMade;
  private Duration firstWait = Duration.ZERO;

  private RetryEngine(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
  }

  /**
   * Starts an engine for one logical call.
   *
   * @param sleeper every wait between attempts goes through it
   * @param <T> the result of one attempt
   * @return the engine; by default it never retries
   */
  public static <T> RetryEngine<T> with(Sleeper sleeper) {
    return new RetryEngine<>(sleeper);
  }

  /**
   * @param decision asked once after every attempt, success or failure
   * @return this
   */
  public RetryEngine<T> retryWhen(Decision<T> decision) {
    this.decision = Objects.requireNonNull(decision, "decision == null");
    return this;
  }

  /**
   * @param observer hears each retry before its wait (a failure in it is the observer's to handle)
   * @return this
   */
  public RetryEngine<T> onRetry(RetryObserver<T> observer) {
    this.observer = Objects.requireNonNull(observer, "observer == null");
    return this;
  }

  /**
   * Adds policies every attempt passes through inside the retries, such as a rate limiter or a bulkhead;
   * their rejections reach the decision as failures.
   *
   * @param policies the policies, outermost first
   * @return this
   */
  public RetryEngine<T> limitedBy(List<? extends Policy<T>> policies) {
    limits.addAll(policies);
    return this;
  }

  /**
   * Continues a call whose first attempts were made elsewhere (on the caller's thread): the engine first waits,
   * then numbers its attempts after those.
   *
   * @param attemptsMade how many attempts were made already; default 0
   * @param wait the wait before the engine's first attempt; default none
   * @return this
   */
  public RetryEngine<T> after(int attemptsMade, Duration wait) {
    this.attemptsMade = attemptsMade;
    this.firstWait = Objects.requireNonNull(wait, "wait == null");
    return this;
  }

  /**
   * Runs the attempts.
   *
   * @param attempt starts one attempt
   * @param finisher turns the last attempt's outcome into the caller's result
   * @return the result; cancelling it cancels the attempt in flight and any pending retry
   */
  public CompletableFuture<T> run(Attempt<T> attempt, Finisher<T> finisher) {
    if (firstWait.isZero()) return runNow(attempt, finisher);
    CompletableFuture<Void> wait = sleeper.sleep(firstWait);
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<T>> inner = new AtomicReference<>();
    wait.whenComplete((v, e) -> {
      if (e != null) {
        if (!result.isDone()) result.completeExceptionally(e);
        return;
      }
      CompletableFuture<T> f = runNow(attempt, finisher);
      inner.set(f);
      if (result.isCancelled()) f.cancel(true);
      f.whenComplete((r, x) -> {
        if (x != null) result.completeExceptionally(Futures.unwrap(x));
        else result.complete(r);
      });
    });
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        wait.cancel(true);
        CompletableFuture<T> f = inner.get();
        if (f != null) f.cancel(true);
      }
    });
    return result;
  }

  private CompletableFuture<T> runNow(Attempt<T> attempt, Finisher<T> finisher) {
    int offset = attemptsMade;
    RetryPolicy<T> retry = RetryPolicy.<T>builder()
        .handleIf(this::decide)
        .withMaxRetries(-1)
        .withDelayFn(c -> nextDelay)
        .onRetryScheduled(e -> observer.retrying(offset + e.getAttemptCount(), e.getDelay(), e.getLastResult(),
            e.getLastException() == null ? null : Futures.unwrap(e.getLastException())))
        .build();
    List<Policy<T>> policies = new ArrayList<>();
    policies.add(retry);
    policies.addAll(limits);
    AtomicBoolean cancelled = new AtomicBoolean();
    // The current attempt's cancel action, so a cancel reaches it even before Failsafe has registered its own hook.
    AtomicReference<Runnable> current = new AtomicReference<>();
    CompletableFuture<T> failsafe = Failsafe.with(policies)
        .with(new SleeperScheduler(sleeper))
        .getStageAsync(c -> attempt.start(action -> {
          current.set(action);
          c.onCancel(action::run);
          if (cancelled.get()) action.run();
        }));
    CompletableFuture<T> result = failsafe.handle((r, e) ->
        finisher.finish(r, e == null ? null : Futures.unwrap(e), cancelled.get()));
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        cancelled.set(true);
        Runnable action = current.get();
        if (action != null) action.run();
        failsafe.cancel(true);
      }
    });
    return result;
  }

  private boolean decide(T result, Throwable failure) {
    Optional<Duration> wait = decision.retryAfter(result, failure == null ? null : Futures.unwrap(failure));
    if (wait.isEmpty()) return false;
    nextDelay = wait.get();
    return true;
  }

  /** Decides, after one attempt, whether to try again. */
  @FunctionalInterface
  public interface Decision<T> {
    /**
     * @param result the attempt's result, or null when it failed
     * @param failure the attempt's failure (unwrapped from completion wrappers), or null when it succeeded
     * @return the wait before the next attempt, or empty to end with this outcome
     */
    Optional<Duration> retryAfter(T result, Throwable failure);
  }

  /** Hears each retry before its wait. */
  @FunctionalInterface
  public interface RetryObserver<T> {
    /**
     * @param attempt the number of the attempt that failed, from 1
     * @param delay the wait before the next attempt
     * @param result the failed attempt's result, or null
     * @param failure its failure, or null
     */
    void retrying(int attempt, Duration delay, T result, Throwable failure);
  }

  /** Starts one attempt. */
  @FunctionalInterface
  public interface Attempt<T> {
    /**
     * @param cancellation where the attempt registers how to cancel its work (such as {@code call::cancel})
     * @return the attempt's outcome
     */
    CompletableFuture<T> start(Cancellation cancellation);
  }

  /** Where an attempt registers how to cancel what it started. */
  @FunctionalInterface
  public interface Cancellation {
    /**
     * @param action cancels the attempt's work; may run more than once, so it must be idempotent and quick
     */
    void onCancel(Runnable action);
  }

  /** Turns the last attempt's outcome into the caller's result. */
  @FunctionalInterface
  public interface Finisher<T> {
    /**
     * @param result the last result, or null
     * @param failure the last failure (unwrapped), or null
     * @param cancelledByCaller whether the caller cancelled the future {@link #run} returned
     * @return the caller's result
     * @throws RuntimeException the caller's failure
     */
    T finish(T result, Throwable failure, boolean cancelledByCaller);
  }
}
