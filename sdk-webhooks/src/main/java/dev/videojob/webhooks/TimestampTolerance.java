package dev.videojob.webhooks;

import dev.videojob.webhooks.WebhookVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How far a signed timestamp may be from now, in either direction, for schemes that sign one
 * (Standard Webhooks). The check can only be turned off with {@link #disabled()}; there is no
 * tolerance that means "off".
 */
public final class TimestampTolerance {
  /** The default window: 5 minutes either way, as the Standard Webhooks libraries use. */
  public static final Duration DEFAULT = Duration.ofMinutes(5);

  private static final TimestampTolerance DISABLED = new TimestampTolerance(null, null);

  private final Duration window;
  private final Clock clock;

  private TimestampTolerance(Duration window, Clock clock) {
    this.window = window;
    this.clock = clock;
  }

  /**
   * A window checked against a clock.
   *
   * @param window how far a timestamp may be from the clock's now, each way; positive
   * @param clock the clock that says now; inject a fixed one in tests
   * @return the tolerance
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the window is zero or negative (use {@link #disabled()} to turn the check off)
   */
  public static TimestampTolerance of(Duration window, Clock clock) {
    Objects.requireNonNull(window, "window == null");
    Objects.requireNonNull(clock, "clock == null");
    if (window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("timestamp window must be positive; call TimestampTolerance.disabled() "
          + "to turn the check off");
    }
    return new TimestampTolerance(window, clock);
  }

  /** @return the {@link #DEFAULT} window against the system UTC clock */
  public static TimestampTolerance defaults() {
    return of(DEFAULT, Clock.systemUTC());
  }

  /** @return a tolerance that accepts any timestamp: replays are then stopped only by de-duplication */
  public static TimestampTolerance disabled() {
    return DISABLED;
  }

  /** @return whether timestamps are checked */
  public boolean enabled() {
    return window != null;
  }

  /**
   * Checks a signed timestamp.
   *
   * @param signedAt the timestamp the sender signed
   * @throws WebhookVerificationException with {@link Reason#TIMESTAMP_TOO_OLD} or {@link Reason#TIMESTAMP_TOO_NEW}
   */
  public void check(Instant signedAt) {
    Objects.requireNonNull(signedAt, "signedAt == null");
    if (!enabled()) return;
    Instant now = clock.instant();
    if (signedAt.isBefore(now.minus(window))) {
      throw new WebhookVerificationException(Reason.TIMESTAMP_TOO_OLD, "Webhook timestamp is older than the "
          + window.toSeconds() + " s tolerance: a replay, or the server clock is behind (check NTP)");
    }
    if (signedAt.isAfter(now.plus(window))) {
      throw new WebhookVerificationException(Reason.TIMESTAMP_TOO_NEW, "Webhook timestamp is more than "
          + window.toSeconds() + " s in the future: check the server clock (NTP)");
    }
  }

  @Override
  public String toString() {
    return enabled() ? "TimestampTolerance{±" + window + "}" : "TimestampTolerance{disabled}";
  }
}
