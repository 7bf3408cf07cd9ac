package dev.videojob.core.internal;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.JobFailedException;
import dev.videojob.core.JobRef;
import dev.videojob.core.JobStatus;
import dev.videojob.core.JobTimeoutException;
import dev.videojob.core.ProviderUnavailableException;
import dev.videojob.core.RateLimitedException;
import dev.videojob.core.Sleeper;
import dev.videojob.core.VideoJob;
import dev.videojob.core.WaitSettings;
import dev.videojob.core.spi.CallContext;
import dev.videojob.core.spi.VideoProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for jobs to finish, in the manner of the AWS SDK's waiters: acceptors decide success
 * (SUCCEEDED), failure (FAILED, CANCELED, EXPIRED) or keep polling (everything else, UNKNOWN
 * included); the deadline is required; a timeout carries the last snapshot. Polls run on the
 * shared {@link Sleeper}, never a thread per job. Webhook snapshots offered through
 * {@link #offer(VideoJob)} complete a matching wait at once.
 */
public final class JobWaiter {
  private static final Logger log = LoggerFactory.getLogger(JobWaiter.class);

  private final Clock clock;
  private final Sleeper sleeper;
  private final WaitSettings settings;
  private final DoubleSupplier random;
  private final Listeners listeners;
  private final BiFunction<VideoProvider, Instant, CallContext> pollContext;
  private final ConcurrentHashMap<JobRef, Set<Wait>> waits = new ConcurrentHashMap<>();

  /**
   * @param clock the clock
   * @param sleeper the sleeper polling intervals go through
   * @param settings the polling intervals
   * @param random jitter source, values in [0, 1]
   * @param listeners the client's listeners
   * @param pollContext makes the context of one poll from the provider and the wait's deadline
   */
  public JobWaiter(Clock clock, Sleeper sleeper, WaitSettings settings, DoubleSupplier random, Listeners listeners,
      BiFunction<VideoProvider, Instant, CallContext> pollContext) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.settings = settings;
    this.random = random;
    this.listeners = listeners;
    this.pollContext = pollContext;
  }

  /**
   * Starts waiting for a job.
   *
   * @param provider the job's provider
   * @param ref the job
   * @param timeout how long to wait at most; positive
   * @return a future of the final snapshot of a SUCCEEDED job; it fails with {@link JobFailedException},
   *     {@link JobTimeoutException} or the error of a poll that cannot be retried; cancelling it stops the wait
   */
  public CompletableFuture<VideoJob> await(VideoProvider provider, JobRef ref, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("a wait needs a positive timeout, got " + timeout);
    }
    Wait w = new Wait(provider, ref, clock.instant(), clock.instant().plus(timeout));
    waits.computeIfAbsent(ref, k -> ConcurrentHashMap.newKeySet()).add(w);
    w.result.whenComplete((job, err) -> {
      CompletableFuture<?> step = w.step;
      if (step != null) step.cancel(true);
      waits.computeIfPresent(ref, (k, set) -> {
        set.remove(w);
        return set.isEmpty() ? null : set;
      });
    });
    if (provider.capabilities().polling()) {
      firstPoll(w, timeout);
    } else {
      // Webhook-only provider: nothing to poll; the deadline still ends the wait.
      CompletableFuture<Void> sleep = sleeper.sleep(timeout);
      w.step = sleep;
      sleep.thenRun(() -> timeOut(w));
    }
    return w.result;
  }

  /**
   * Offers a snapshot that arrived outside polling (a verified webhook) to the waits for its job.
   *
   * @param job the snapshot
   * @return whether a wait for the job was pending
   */
  public boolean offer(VideoJob job) {
    Set<Wait> set = waits.get(job.ref());
    if (set == null || set.isEmpty()) return false;
    for (Wait w : set) accept(w, job, false);
    return true;
  }

  /** @return how many waits are pending */
  public int pending() {
    return waits.values().stream().mapToInt(Set::size).sum();
  }

  private void poll(Wait w) {
    if (w.result.isDone()) return;
    if (!clock.instant().isBefore(w.deadline)) {
      timeOut(w);
      return;
    }
    CompletableFuture<VideoJob> call;
    try {
      CallContext ctx = pollContext.apply(w.provider, w.deadline);
      call = ctx.link(w.provider.status(w.ref.jobId(), ctx));
    } catch (RuntimeException e) {
      w.result.completeExceptionally(e);
      return;
    }
    w.step = call;
    w.polls++;
    if (w.result.isDone()) call.cancel(true);
    call.whenComplete((job, err) -> {
      if (w.result.isDone()) return;
      if (err != null) {
        Throwable t = Futures.unwrap(err);
        if (t instanceof CancellationException) return;
        if (t instanceof ProviderUnavailableException || t instanceof RateLimitedException) {
          Duration delay = t instanceof RateLimitedException
              ? ((RateLimitedException) t).retryAfter().orElse(nextDelay(w)) : nextDelay(w);
          log.debug("poll of {} failed ({}); polling again in {} ms", w.ref, t.getMessage(), delay.toMillis());
          scheduleNext(w, delay);
        } else {
          w.result.completeExceptionally(t);
        }
        return;
      }
      if (!accept(w, job, true)) scheduleNext(w, nextDelay(w));
    });
  }

  /**
   * Starts polling after a random part of the first interval (capped at half the timeout, so a short wait
   * still polls before its deadline): many waits started together then spread their first polls over the
   * interval instead of all polling in the same instant. A jitter value of 1.0 polls at once.
   */
  private void firstPoll(Wait w, Duration timeout) {
    Duration delay = firstDelay(timeout);
    if (delay.isZero()) {
      poll(w);
    } else {
      scheduleNext(w, delay);
    }
  }

  /** The wait before the first poll: between none and all of min(first interval, half the timeout). */
  Duration firstDelay(Duration timeout) {
    long window = Math.min(settings.initialInterval().toMillis(), timeout.toMillis() / 2);
    double r = Math.max(0.0, Math.min(1.0, random.getAsDouble()));
    return Duration.ofMillis(Math.round(window * (1.0 - r)));
  }

  private void scheduleNext(Wait w, Duration delay) {
    Duration remaining = Duration.between(clock.instant(), w.deadline);
    if (remaining.isNegative() || remaining.isZero()) {
      timeOut(w);
      return;
    }
    CompletableFuture<Void> sleep = sleeper.sleep(delay.compareTo(remaining) < 0 ? delay : remaining);
    w.step = sleep;
    // A webhook may have finished the wait while the sleep was being set up.
    if (w.result.isDone()) sleep.cancel(true);
    sleep.thenRun(() -> poll(w));
  }

  /**
   * The interval after a poll: the provider's estimate if given, else exponential growth; jittered between
   * half and all (a jitter value of 1.0 gives all of it).
   */
  Duration nextDelay(Wait w) {
    long min = settings.initialInterval().toMillis();
    long max = settings.maxInterval().toMillis();
    double base = min * Math.pow(settings.multiplier(), Math.max(0, w.polls - 1));
    VideoJob last = w.last;
    if (last != null && last.estimatedTimeRemaining().isPresent()) {
      base = last.estimatedTimeRemaining().get().toMillis();
    }
    long ceiling = (long) Math.max(min, Math.min(max, base));
    double r = Math.max(0.0, Math.min(1.0, random.getAsDouble()));
    return Duration.ofMillis(Math.round(ceiling * (0.5 + 0.5 * r)));
  }

  /** Takes a snapshot in; returns true when the wait is over or being finished (no further poll). */
  private boolean accept(Wait w, VideoJob job, boolean fromPoll) {
    if (!job.ref().equals(w.ref)) return w.result.isDone();
    VideoJob previous;
    synchronized (w) {
      if (w.result.isDone()) return true;
      previous = w.last;
      w.last = job;
    }
    if (previous != null && changed(previous, job)) listeners.fire(l -> l.statusChanged(previous, job));
    if (!job.isTerminal()) return false;
    if (job.status() == JobStatus.SUCCEEDED) {
      if (job.outputs().isEmpty() && fromPoll) {
        CompletableFuture<VideoJob> full;
        try {
          CallContext ctx = pollContext.apply(w.provider, w.deadline);
          full = ctx.link(w.provider.result(job.id(), ctx));
        } catch (RuntimeException e) {
          // Thrown here, inside a future's callback, it would be lost and the wait would never end.
          w.result.completeExceptionally(e);
          return true;
        }
        w.step = full;
        full.whenComplete((r, e) -> {
          if (e != null) {
            if (!(Futures.unwrap(e) instanceof CancellationException)) w.result.completeExceptionally(Futures.unwrap(e));
          } else {
            succeed(w, r);
          }
        });
      } else {
        succeed(w, job);
      }
    } else if (w.finishing.compareAndSet(false, true)) {
      // Listeners hear of the end before the caller does, so what the caller sees next is consistent.
      listeners.fire(l -> l.failed(job));
      w.result.completeExceptionally(new JobFailedException(job));
    }
    return true;
  }

  private void succeed(Wait w, VideoJob job) {
    if (w.finishing.compareAndSet(false, true)) {
      listeners.fire(l -> l.completed(job));
      w.result.complete(job);
    }
  }

  private static boolean changed(VideoJob a, VideoJob b) {
    return a.status() != b.status() || !a.rawStatus().equals(b.rawStatus()) || !a.phase().equals(b.phase())
        || !a.progress().equals(b.progress());
  }

  private void timeOut(Wait w) {
    Duration waited = Duration.between(w.started, clock.instant());
    VideoJob last = w.last;
    w.result.completeExceptionally(new JobTimeoutException("job " + w.ref.jobId() + " did not finish within "
        + Duration.between(w.started, w.deadline) + (last == null ? "" : "; last seen " + last.status()
        + " (" + last.rawStatus() + ")") + "; it may still finish: await it again or wait for its webhook",
        ErrorContext.of(w.ref.provider()), last, waited));
  }

  /** One pending wait. */
  static final class Wait {
    final VideoProvider provider;
    final JobRef ref;
    final Instant started;
    final Instant deadline;
    final CompletableFuture<VideoJob> result = new CompletableFuture<>();
    volatile VideoJob last;
    volatile CompletableFuture<?> step;
    volatile int polls;
    final java.util.concurrent.atomic.AtomicBoolean finishing = new java.util.concurrent.atomic.AtomicBoolean();

    Wait(VideoProvider provider, JobRef ref, Instant started, Instant deadline) {
      this.provider = provider;
      this.ref = ref;
      this.started = started;
      this.deadline = deadline;
    }
  }
}
