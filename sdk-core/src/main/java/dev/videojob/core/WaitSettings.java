package dev.videojob.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link VideoClient#await} polls: the first interval grows by {@link #multiplier()} up to
 * {@link #maxInterval()}; a provider's estimate of the time left is followed instead when it
 * gives one; every interval is jittered (between half and all of it) so many waiting jobs do not
 * poll in lock step. The first poll is jittered too: it waits a random part of the first interval,
 * from none of it to all of it (at most half the wait's timeout, so even a short wait polls before its
 * deadline), so ten thousand jobs awaited together spread their first polls over the whole first
 * interval instead of sending them in the same instant. Immutable; build with {@link #builder()}.
 */
public final class WaitSettings {
  private static final WaitSettings DEFAULTS = builder().build();

  private final Duration initialInterval;
  private final Duration maxInterval;
  private final double multiplier;

  private WaitSettings(Builder b) {
    this.initialInterval = b.initialInterval;
    this.maxInterval = b.maxInterval;
    this.multiplier = b.multiplier;
  }

  /** @return the defaults: 2 s first interval, growing 1.5 times up to 30 s */
  public static WaitSettings defaults() {
    return DEFAULTS;
  }

  /** @return a new builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the first polling interval, and the shortest; the first poll comes at a random point within it */
  public Duration initialInterval() {
    return initialInterval;
  }

  /** @return the longest polling interval */
  public Duration maxInterval() {
    return maxInterval;
  }

  /** @return how much each interval grows */
  public double multiplier() {
    return multiplier;
  }

  @Override
  public String toString() {
    return "WaitSettings{initialInterval=" + initialInterval + ", maxInterval=" + maxInterval + ", multiplier="
        + multiplier + "}";
  }

  /** Builds {@link WaitSettings}; not thread-safe. */
  public static final class Builder {
    private Duration initialInterval = Duration.ofSeconds(2);
    private Duration maxInterval = Duration.ofSeconds(30);
    private double multiplier = 1.5;

    private Builder() {}

    /**
     * @param d the first interval; default 2 s
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder initialInterval(Duration d) {
      this.initialInterval = positive(d, "initialInterval");
      return this;
    }

    /**
     * @param d the longest interval; default 30 s
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxInterval(Duration d) {
      this.maxInterval = positive(d, "maxInterval");
      return this;
    }

    /**
     * @param m growth per poll, at least 1.0; default 1.5
     * @return this
     * @throws IllegalArgumentException if below 1
     */
    public Builder multiplier(double m) {
      if (!(m >= 1.0)) throw new IllegalArgumentException("multiplier must be >= 1.0, got " + m);
      this.multiplier = m;
      return this;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isZero() || d.isNegative()) throw new IllegalArgumentException(name + " must be positive");
      return d;
    }

    /**
     * @return the settings
     * @throws IllegalArgumentException if maxInterval is below initialInterval
     */
    public WaitSettings build() {
      if (maxInterval.compareTo(initialInterval) < 0) {
        throw new IllegalArgumentException("maxInterval < initialInterval");
      }
      return new WaitSettings(this);
    }
  }
}
