package dev.videojob.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told to; thread-safe. */
public final class ManualClock extends Clock {
  private volatile Instant now;

  /** @param start the initial time */
  public ManualClock(Instant start) {
    this.now = start;
  }

  /** @return a clock at 2026-01-01T00:00:00Z */
  public static ManualClock atEpochOfTests() {
    return new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** @param d how far to move */
  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
