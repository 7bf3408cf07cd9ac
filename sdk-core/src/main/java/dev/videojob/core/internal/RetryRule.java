package dev.videojob.core.internal;

import dev.videojob.core.RetrySettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The SDK's one retry rule, shared by the API transport and media transfers: retry only 429, 5xx and
 * I/O failures; wait the full-jitter backoff of {@link RetrySettings}, or {@code Retry-After} when given
 * (a longer one than {@link RetrySettings#maxRetryAfter()} ends the retries); stop after
 * {@link RetrySettings#maxRetries()} retries or when the wait would reach the deadline.
 */
public final class RetryRule {
  private RetryRule() {}

  /**
   * @param status an HTTP status
   * @return whether the rule ever retries it (429 and 5xx)
   */
  public static boolean isRetryableStatus(int status) {
    return status == 429 || status >= 500;
  }

  /**
   * The wait before retrying an answer with a retryable status.
   *
   * @param settings the retry settings
   * @param retriesSoFar retries already made
   * @param retryAfter the {@code Retry-After} header, or null
   * @param clock the clock an HTTP-date is measured against
   * @param remaining the time left before the deadline
   * @return the wait, or empty when no retry may be made
   */
  public static Optional<Duration> afterStatus(RetrySettings settings, int retriesSoFar, String retryAfter, Clock clock,
      Duration remaining) {
    Optional<Duration> after = RetryAfter.parse(retryAfter, clock);
    Duration delay;
    if (after.isPresent()) {
      if (after.get().compareTo(settings.maxRetryAfter()) > 0) return Optional.empty();
      delay = after.get();
    } else {
      delay = settings.backoff(retriesSoFar + 1);
    }
    return bounded(settings, retriesSoFar, delay, remaining);
  }

  /**
   * The wait before retrying an I/O failure.
   *
   * @param settings the retry settings
   * @param retriesSoFar retries already made
   * @param remaining the time left before the deadline
   * @return the wait, or empty when no retry may be made
   */
  public static Optional<Duration> afterIoFailure(RetrySettings settings, int retriesSoFar, Duration remaining) {
    return bounded(settings, retriesSoFar, settings.backoff(retriesSoFar + 1), remaining);
  }

  private static Optional<Duration> bounded(RetrySettings settings, int retriesSoFar, Duration delay, Duration remaining) {
    if (retriesSoFar >= settings.maxRetries()) return Optional.empty();
    if (delay.compareTo(remaining) >= 0) return Optional.empty();
    return Optional.of(delay);
  }
}
