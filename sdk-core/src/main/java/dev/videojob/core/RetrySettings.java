package dev.videojob.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How outbound calls are retried: exponential backoff with full jitter, only on 429, 5xx and I/O
 * errors, with {@code Retry-After} honoured up to a cap, bounded attempts and a total time budget.
 *
 * <p>The wait before retry {@code n} (1-based) is a random value in
 * {@code [0, min(maxBackoff, initialBackoff * 2^(n-1))]} ("full jitter"); when the provider sent
 * {@code Retry-After}, the wait is that value capped at {@link #maxRetryAfter()}. A retry whose wait
 * would end past the call's deadline is not made. Immutable; build with {@link #builder()}.
 */
public final class RetrySettings {
  private static final RetrySettings DEFAULTS = builder().build();

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Duration totalTimeout;
  private final DoubleSupplier random;

  private RetrySettings(Builder b) {
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.totalTimeout = b.totalTimeout;
    this.random = b.random;
  }

  /** @return the defaults: 3 retries, 500 ms initial, 20 s max backoff, Retry-After capped at 60 s, 2 min in all */
  public static RetrySettings defaults() {
    return DEFAULTS;
  }

  /** @return a new builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return retries after the first attempt */
  public int maxRetries() {
    return maxRetries;
  }

  /** @return the backoff ceiling of the first retry */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** @return the largest backoff ceiling */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** @return the longest {@code Retry-After} wait honoured; a longer one ends the retries */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** @return the total time budget of one call, attempts and waits included */
  public Duration totalTimeout() {
    return totalTimeout;
  }

  /**
   * The backoff before retry {@code retry} (1-based), full jitter applied.
   *
   * @param retry the retry number, from 1
   * @return the wait
   */
  public Duration backoff(int retry) {
    long ceiling = initialBackoff.toMillis();
    for (int i = 1; i < retry && ceiling < maxBackoff.toMillis(); i++) ceiling *= 2;
    ceiling = Math.min(ceiling, maxBackoff.toMillis());
    double r = Math.max(0.0, Math.min(1.0, random.getAsDouble()));
    return Duration.ofMillis(Math.round(ceiling * r));
  }

  /** @return a builder holding these settings */
  public Builder toBuilder() {
    return new Builder().maxRetries(maxRetries).initialBackoff(initialBackoff).maxBackoff(maxBackoff)
        .maxRetryAfter(maxRetryAfter).totalTimeout(totalTimeout).random(random);
  }

  @Override
  public String toString() {
    return "RetrySettings{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff="
        + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + ", totalTimeout=" + totalTimeout + "}";
  }

  /** Builds {@link RetrySettings}; not thread-safe. */
  public static final class Builder {
    private int maxRetries = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(20);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Duration totalTimeout = Duration.ofMinutes(2);
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * @param maxRetries retries after the first attempt, 0 for none; default 3
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) throw new IllegalArgumentException("maxRetries < 0");
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * @param d the backoff ceiling of the first retry; default 500 ms
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder initialBackoff(Duration d) {
      this.initialBackoff = nonNegative(d, "initialBackoff");
      return this;
    }

    /**
     * @param d the largest backoff ceiling; default 20 s
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder maxBackoff(Duration d) {
      this.maxBackoff = nonNegative(d, "maxBackoff");
      return this;
    }

    /**
     * @param d the longest Retry-After honoured; default 60 s
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRetryAfter(Duration d) {
      this.maxRetryAfter = nonNegative(d, "maxRetryAfter");
      return this;
    }

    /**
     * @param d the total time budget of one call; default 2 min
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder totalTimeout(Duration d) {
      if (nonNegative(d, "totalTimeout").isZero()) throw new IllegalArgumentException("totalTimeout must be positive");
      this.totalTimeout = d;
      return this;
    }

    /**
     * The source of jitter, values in [0, 1]; for tests that assert an exact schedule.
     *
     * @param random the source; default {@link ThreadLocalRandom}
     * @return this
     */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative()) throw new IllegalArgumentException(name + " < 0");
      return d;
    }

    /**
     * @return the settings
     * @throws IllegalArgumentException if maxBackoff is below initialBackoff
     */
    public RetrySettings build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff " + maxBackoff + " < initialBackoff " + initialBackoff);
      }
      return new RetrySettings(this);
    }
  }
}
