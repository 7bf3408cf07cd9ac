package dev.videojob.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Clock} that stands still until a test moves it, so leases, retention windows and
 * timestamps can expire without sleeping. Thread-safe; millisecond resolution; always UTC.
 */
public final class MutableClock extends Clock {
  private final AtomicLong millis;

  /** @param start the time the clock shows until it is moved */
  public MutableClock(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  /** @param duration how far to move the clock forward (or back, if negative) */
  public void advance(Duration duration) {
    millis.addAndGet(duration.toMillis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) return this;
    throw new UnsupportedOperationException("MutableClock is always UTC");
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }
}
