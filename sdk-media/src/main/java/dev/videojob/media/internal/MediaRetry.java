package dev.videojob.media.internal;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.RetryEvent;
import dev.videojob.core.RetrySettings;
import dev.videojob.core.Sleeper;
import dev.videojob.core.VideoJobException;
import dev.videojob.core.internal.RetryRule;
import dev.videojob.core.internal.http.RetryEngine;
import dev.videojob.media.TransferException;
import dev.videojob.media.TransferListener;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one transfer's attempts on the SDK's {@link RetryEngine} (the one API calls use) with the SDK's
 * {@link RetryRule}: an attempt that fails with {@link RetryableStatus} or an {@link IOException} is
 * retried, anything else ends the transfer. An attempt that got further than any before it calls
 * {@link #progressed()}, which restarts the retry count, so a long download survives many broken
 * connections as long as each makes progress; the deadline bounds the whole.
 */
public final class MediaRetry {
  private static final Logger log = LoggerFactory.getLogger(MediaRetry.class);

  private final String operation;
  private final String what;
  private final RetrySettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Instant deadline;
  private final TransferListener listener;
  private final AtomicInteger retries = new AtomicInteger();
  private final AtomicInteger attempts = new AtomicInteger();

  /**
   * @param operation the operation name for retry events ({@code download}, {@code upload part 3})
   * @param what the redacted URL, for messages
   * @param settings the retry settings
   * @param clock the clock
   * @param sleeper the sleeper every wait goes through
   * @param timeout the time budget of the whole transfer
   * @param listener hears retries
   */
  public MediaRetry(String operation, String what, RetrySettings settings, Clock clock, Sleeper sleeper,
      Duration timeout, TransferListener listener) {
    this.operation = operation;
    this.what = what;
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
    this.deadline = clock.instant().plus(timeout);
    this.listener = listener;
  }

  /** Restarts the retry count: the attempt in flight got further than any before it. */
  public void progressed() {
    retries.set(0);
  }

  /** @return attempts started so far */
  public int attempts() {
    return attempts.get();
  }

  /** @return the time left before the deadline, never negative */
  public Duration remaining() {
    Duration d = Duration.between(clock.instant(), deadline);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /**
   * Runs the attempts.
   *
   * @param attempt starts one attempt; it registers the cancellation of its call on the engine's cancellation
   * @param <T> the result type
   * @return the first successful result; failures mapped to {@link TransferException} unless already a
   *     {@link VideoJobException} or a cancellation; cancelling it cancels the attempt in flight and any wait
   */
  public <T> CompletableFuture<T> run(Function<RetryEngine.Cancellation, CompletableFuture<T>> attempt) {
    return RetryEngine.<T>with(sleeper)
        .retryWhen((r, failure) -> retryAfter(failure))
        .onRetry((n, delay, r, failure) -> scheduled(n, delay, failure))
        .run(c -> {
          attempts.incrementAndGet();
          if (remaining().isZero()) {
            return CompletableFuture.failedFuture(new TransferException("the transfer of " + what
                + " ran out of time; raise MediaTransfer.Builder.transferTimeout or try again", ErrorContext.none(), null));
          }
          return attempt.apply(c);
        }, (r, failure, cancelled) -> {
          if (failure != null) throw map(failure);
          return r;
        });
  }

  private Optional<Duration> retryAfter(Throwable t) {
    Optional<Duration> delay;
    int n = retries.get();
    if (t instanceof RetryableStatus) {
      delay = RetryRule.afterStatus(settings, n, ((RetryableStatus) t).retryAfter(), clock, remaining());
    } else if (t instanceof IOException) {
      delay = RetryRule.afterIoFailure(settings, n, remaining());
    } else {
      return Optional.empty();
    }
    if (delay.isPresent()) retries.incrementAndGet();
    return delay;
  }

  private void scheduled(int attempt, Duration delay, Throwable t) {
    int status = t instanceof RetryableStatus ? ((RetryableStatus) t).status() : 0;
    String reason = String.valueOf(t.getMessage());
    log.info("{} {}: attempt {} failed ({}), retrying in {} ms", operation, what, attempt, reason, delay.toMillis());
    try {
      listener.onRetry(new RetryEvent("media", operation, attempt, delay, status, reason));
    } catch (RuntimeException e) {
      log.warn("transfer listener failed", e);
    }
  }

  private RuntimeException map(Throwable t) {
    if (t instanceof CancellationException || t instanceof VideoJobException) return (RuntimeException) t;
    int n = attempts.get();
    if (t instanceof RetryableStatus) {
      int s = ((RetryableStatus) t).status();
      return new TransferException(what + " answered HTTP " + s + " after " + n + " attempt(s); try again later",
          ErrorContext.none().withHttpStatus(s), null);
    }
    if (t instanceof ShortBodyException) {
      return new TransferException("the transfer of " + what + " failed after " + n + " attempt(s): " + t.getMessage()
          + DownloadSession.SHORT_BODY_ADVICE, ErrorContext.none(), t);
    }
    if (t instanceof IOException) {
      return new TransferException("the transfer of " + what + " failed after " + n + " attempt(s): " + t.getMessage()
          + "; check the network and try again", ErrorContext.none(), t);
    }
    return new TransferException("the transfer of " + what + " failed: " + t, ErrorContext.none(), t);
  }
}
