package dev.videojob.core;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The provider answered 429 (or the client-side rate limit was reached) and the retries allowed
 * for the call ran out. The 429 itself created nothing: submit again after {@link #retryAfter()}
 * when {@link #nothingCreated()} is true (it is false when an earlier attempt or step may have
 * created a job).
 */
public class RateLimitedException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /** The wait the provider asked for, or null. */
  private final Duration retryAfter;
  private final transient Map<String, String> rateLimitHeaders;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param context where it came from
   * @param retryAfter how long the provider asked to wait, or null
   * @param rateLimitHeaders the provider's rate-limit headers ({@code X-RateLimit-Remaining-Hour} ...), may be empty
   */
  public RateLimitedException(String message, ErrorContext context, Duration retryAfter,
      Map<String, String> rateLimitHeaders) {
    this(message, context, retryAfter, rateLimitHeaders, null);
  }

  private RateLimitedException(String message, ErrorContext context, Duration retryAfter,
      Map<String, String> rateLimitHeaders, Throwable cause) {
    super(message, context, cause, true);
    this.retryAfter = retryAfter;
    this.rateLimitHeaders = Map.copyOf(rateLimitHeaders);
  }

  /** @return how long the provider asked to wait before the next call, if it said */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** @return the provider's rate-limit headers as received (names as sent), unmodifiable */
  public Map<String, String> rateLimitHeaders() {
    return rateLimitHeaders;
  }

  @Override
  VideoJobException reword(String message) {
    return getClass() == RateLimitedException.class
        ? new RateLimitedException(message, context(), retryAfter, rateLimitHeaders, this) : this;
  }
}
