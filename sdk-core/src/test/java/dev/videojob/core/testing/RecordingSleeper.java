package dev.videojob.core.testing;

import dev.videojob.core.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A sleeper that records every wait. In {@link #immediate} mode it advances the clock by the
 * wait and returns at once; in {@link #manual} mode it holds each wait until {@link #releaseNext()},
 * so tests can cancel a pending wait.
 */
public final class RecordingSleeper implements Sleeper {
  private final ManualClock clock;
  private final boolean hold;
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<CompletableFuture<Void>> pending = new ArrayList<>();

  private RecordingSleeper(ManualClock clock, boolean hold) {
    this.clock = clock;
    this.hold = hold;
  }

  /** @param clock advanced by each wait @return a sleeper that returns at once */
  public static RecordingSleeper immediate(ManualClock clock) {
    return new RecordingSleeper(clock, false);
  }

  /** @param clock advanced when a wait is released @return a sleeper that holds waits */
  public static RecordingSleeper manual(ManualClock clock) {
    return new RecordingSleeper(clock, true);
  }

  @Override
  public CompletableFuture<Void> sleep(Duration duration) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    synchronized (this) {
      // Zero waits are how Failsafe starts an attempt; they are not backoff.
      if (!duration.isZero()) sleeps.add(duration);
      if (hold && !duration.isZero()) {
        pending.add(f);
        notifyAll();
        return f;
      }
    }
    if (!duration.isZero()) clock.advance(duration);
    f.complete(null);
    return f;
  }

  /** @return the non-zero waits asked for, in order */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** @return the held waits, in order (manual mode) */
  public synchronized List<CompletableFuture<Void>> pending() {
    return List.copyOf(pending);
  }

  /**
   * Waits up to 10 s for the given number of held waits to exist (manual mode).
   *
   * @param count how many
   * @throws InterruptedException if interrupted
   */
  public synchronized void awaitPending(int count) throws InterruptedException {
    long end = System.currentTimeMillis() + 10_000;
    while (pending.size() < count && System.currentTimeMillis() < end) wait(100);
    if (pending.size() < count) throw new AssertionError("expected " + count + " pending waits, got " + pending.size());
  }

  /**
   * Waits up to 10 s for the held wait at an index to be canceled; the SDK cancels it on the thread
   * that set it up, which may finish just after the test's own action returns.
   *
   * @param index the wait's index in {@link #pending()}
   * @return whether it was canceled in time
   * @throws InterruptedException if interrupted
   */
  public boolean awaitCancelled(int index) throws InterruptedException {
    long end = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < end) {
      if (pending().get(index).isCancelled()) return true;
      Thread.sleep(5);
    }
    return false;
  }

  /** Releases the oldest held wait that is still pending, advancing the clock by it. */
  public void releaseNext() {
    CompletableFuture<Void> f;
    Duration d;
    synchronized (this) {
      int i = 0;
      while (i < pending.size() && pending.get(i).isDone()) i++;
      if (i == pending.size()) throw new AssertionError("no pending wait to release");
      f = pending.get(i);
      d = sleeps.get(sleeps.size() - pending.size() + i);
    }
    clock.advance(d);
    f.complete(null);
  }
}
