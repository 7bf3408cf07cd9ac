package dev.videojob.providers.ssemble;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The last rate-limit headers ssemble sent ({@code X-RateLimit-Limit-Hour},
 * {@code X-RateLimit-Remaining-Hour}, the same for {@code -Day}, and {@code X-RateLimit-Reset}),
 * as read from {@link Ssemble#lastRateLimit()}.
 *
 * @param headers the headers as received, names lower-cased; unmodifiable
 * @param observedAt when the answer carrying them arrived
 */
public record SsembleRateLimit(Map<String, String> headers, Instant observedAt) {
  /**
   * Copies the headers.
   *
   * @param headers the headers as received, names lower-cased; unmodifiable
   * @param observedAt when the answer carrying them arrived
   * @throws NullPointerException if an argument is null
   */
  public SsembleRateLimit {
    headers = Map.copyOf(headers);
    java.util.Objects.requireNonNull(observedAt, "observedAt == null");
  }

  /** @return calls allowed per hour, if sent */
  public OptionalLong limitHour() {
    return number("x-ratelimit-limit-hour");
  }

  /** @return calls left this hour, if sent */
  public OptionalLong remainingHour() {
    return number("x-ratelimit-remaining-hour");
  }

  /** @return calls allowed per day, if sent */
  public OptionalLong limitDay() {
    return number("x-ratelimit-limit-day");
  }

  /** @return calls left today, if sent */
  public OptionalLong remainingDay() {
    return number("x-ratelimit-remaining-day");
  }

  /**
   * When the limits reset. The header's unit is not documented: a value of 1e9 or more is read as
   * Unix seconds (1e12 or more as milliseconds), a smaller one as seconds after {@link #observedAt()}.
   *
   * @return the reset time, if sent, numeric, not negative and a representable instant
   */
  public Optional<Instant> reset() {
    OptionalLong n = number("x-ratelimit-reset");
    if (n.isEmpty() || n.getAsLong() < 0) return Optional.empty();
    long v = n.getAsLong();
    try {
      if (v >= 1_000_000_000_000L) return Optional.of(Instant.ofEpochMilli(v));
      if (v >= 1_000_000_000L) return Optional.of(Instant.ofEpochSecond(v));
      return Optional.of(observedAt.plus(Duration.ofSeconds(v)));
    } catch (DateTimeException | ArithmeticException e) {
      // observedAt is the application's clock: near the end of time, a delay overflows.
      return Optional.empty();
    }
  }

  private OptionalLong number(String name) {
    String v = headers.get(name);
    if (v == null) return OptionalLong.empty();
    try {
      return OptionalLong.of(Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
