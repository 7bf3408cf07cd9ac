package dev.videojob.core.internal;

import dev.failsafe.spi.Scheduler;
import dev.videojob.core.Sleeper;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs Failsafe's scheduled work through the client's {@link Sleeper}, so retry waits are injectable. */
public final class SleeperScheduler implements Scheduler {
  private static final Logger log = LoggerFactory.getLogger(SleeperScheduler.class);

  private final Sleeper sleeper;

  /** @param sleeper the sleeper every wait goes through */
  public SleeperScheduler(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  @Override
  public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
    long nanos = unit.toNanos(delay);
    CompletableFuture<Void> sleep = sleeper.sleep(Duration.ofNanos(nanos));
    Task task = new Task(sleep, System.nanoTime() + nanos);
    Runnable run = () -> {
      if (task.cancelled) return;
      try {
        callable.call();
      } catch (Throwable t) {
        log.warn("scheduled retry work failed", t);
      }
    };
    // The work must never run inside this call. Failsafe cancels the previous attempt's dependencies
    // right after schedule returns; an attempt already started here would be among them and be
    // cancelled, reporting a cancelled call while its request goes on. A wait can end at any moment,
    // even between a check and the registration below (a zero wait, a Retry-After date already past),
    // so what decides is whether schedule has returned, not whether the wait looked finished.
    sleep.whenComplete((v, e) -> {
      if (e != null) return;
      if (task.returned) run.run();
      else ForkJoinPool.commonPool().execute(run);
    });
    task.returned = true;
    return task;
  }

  private static final class Task implements ScheduledFuture<Object> {
    private final CompletableFuture<Void> sleep;
    private final long dueNanos;
    private volatile boolean cancelled;
    private volatile boolean returned;

    Task(CompletableFuture<Void> sleep, long dueNanos) {
      this.sleep = sleep;
      this.dueNanos = dueNanos;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      cancelled = true;
      return sleep.cancel(false);
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return cancelled || sleep.isDone();
    }

    @Override
    public Object get() throws InterruptedException, ExecutionException {
      return sleep.get();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
      return sleep.get(timeout, unit);
    }
  }
}
