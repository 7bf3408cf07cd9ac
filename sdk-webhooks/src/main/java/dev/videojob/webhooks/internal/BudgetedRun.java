package dev.videojob.webhooks.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One handler run that the request thread waits for within a budget (the pipeline's synchronous mode).
 *
 * <p>A run that is still queued when the budget runs out is {@link #abandon() abandoned}: it will never
 * start, so its claim can be released at once. A run that has started is left to finish; its result still
 * counts (a success marks the event done, a failure releases it).
 *
 * @param <T> the run's result
 */
public final class BudgetedRun<T> implements Runnable {
  private static final int QUEUED = 0;
  private static final int RUNNING = 1;
  private static final int ABANDONED = 2;

  private final Supplier<T> work;
  private final T onError;
  private final AtomicInteger state = new AtomicInteger(QUEUED);
  private final CompletableFuture<T> result = new CompletableFuture<>();

  /**
   * @param work what to run; should not throw
   * @param onError the result if it throws anyway
   */
  public BudgetedRun(Supplier<T> work, T onError) {
    this.work = Objects.requireNonNull(work, "work == null");
    this.onError = onError;
  }

  @Override
  public void run() {
    if (!state.compareAndSet(QUEUED, RUNNING)) return;
    T value = onError;
    try {
      value = work.get();
    } finally {
      result.complete(value);
    }
  }

  /**
   * Waits for the run to finish.
   *
   * @param budget how long to wait
   * @return its result, or empty if the budget ran out first
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public Optional<T> await(Duration budget) throws InterruptedException {
    try {
      return Optional.ofNullable(result.get(budget.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.ofNullable(onError);
    }
  }

  /**
   * Makes a run that has not started never start.
   *
   * @return true if it had not started (and now never will); false if it is running or done
   */
  public boolean abandon() {
    return state.compareAndSet(QUEUED, ABANDONED);
  }
}
