package dev.videojob.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits without holding a thread: every retry backoff and every polling interval in the SDK goes
 * through one {@code Sleeper}, so tests can inject one that records the schedule and returns at
 * once (together with a {@link java.time.Clock} that it advances).
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Returns a future completed after the duration. Cancelling it cancels the wait.
   *
   * @param duration how long; zero or negative completes at once
   * @return a future completed (with null) when the time has passed
   */
  CompletableFuture<Void> sleep(Duration duration);

  /**
   * A sleeper backed by a scheduler; the future is completed on a scheduler thread.
   *
   * @param scheduler the scheduler, not shut down by the sleeper
   * @return the sleeper
   */
  static Sleeper scheduled(ScheduledExecutorService scheduler) {
    Objects.requireNonNull(scheduler, "scheduler == null");
    return duration -> {
      CompletableFuture<Void> done = new CompletableFuture<>();
      long nanos = Math.max(0, duration.toNanos());
      ScheduledFuture<?> task = scheduler.schedule(() -> done.complete(null), nanos, TimeUnit.NANOSECONDS);
      done.whenComplete((v, e) -> {
        if (done.isCancelled()) task.cancel(false);
      });
      return done;
    };
  }
}
