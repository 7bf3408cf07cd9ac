package dev.videojob.durable;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The inbox's depth at one moment, for dashboards and alerts: alert on {@link #dead()} above zero and on an
 * {@link #oldestPendingAge()} well above your handlers' usual time.
 *
 * @param pending events waiting for their handler or their next attempt
 * @param done handled events still kept for de-duplication
 * @param dead events that failed every attempt
 * @param oldestPendingAge how long the oldest pending event has waited; empty when none is pending
 */
public record InboxStats(long pending, long done, long dead, Optional<Duration> oldestPendingAge) {

  /**
   * Creates the stats.
   *
   * @param pending events waiting for their handler or their next attempt
   * @param done handled events still kept for de-duplication
   * @param dead events that failed every attempt
   * @param oldestPendingAge how long the oldest pending event has waited; empty when none is pending
   * @throws NullPointerException if oldestPendingAge is null
   */
  public InboxStats {
    Objects.requireNonNull(oldestPendingAge, "oldestPendingAge == null");
  }
}
