package dev.videojob.core.internal;

import dev.videojob.core.RetrySettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The SDK's one retry rule, shared by the API transport and media transfers: retry only 429, 5xx and
 * I/O failures; wait the full-jitter backoff of {@link RetrySettings}, or {@code Retry-After} when given
 * (a longer one than {@link RetrySettings#maxRetryAfter()} ends the retries); stop after
 * {@link RetrySettings#maxRetries()} retries or when the wait would reach the deadline. Each method
 * answers the wait before the next retry, or empty when none may be made.
 */
public final class RetryRule {
  private RetryRule() {}

  public static boolean isRetryableStatus(int status) {
    return status == 429 || status >= 500;
  }

  /** For an answer with a retryable status; {@code retryAfter} is the header's value, or null. */
  public static Optional<Duration> afterStatus(RetrySettings settings, int retriesSoFar, String retryAfter, Clock clock,
      Duration remaining) {
    Optional<Duration> after = RetryAfter.parse(retryAfter, clock);
    if (after.isPresent() && after.get().compareTo(settings.maxRetryAfter()) > 0) return Optional.empty();
    return bounded(settings, retriesSoFar, after.orElseGet(() -> settings.backoff(retriesSoFar + 1)), remaining);
  }

  public static Optional<Duration> afterIoFailure(RetrySettings settings, int retriesSoFar, Duration remaining) {
    return bounded(settings, retriesSoFar, settings.backoff(retriesSoFar + 1), remaining);
  }

  private static Optional<Duration> bounded(RetrySettings settings, int retriesSoFar, Duration delay, Duration remaining) {
    if (retriesSoFar >= settings.maxRetries() || delay.compareTo(remaining) >= 0) return Optional.empty();
    return Optional.of(delay);
  }
}
