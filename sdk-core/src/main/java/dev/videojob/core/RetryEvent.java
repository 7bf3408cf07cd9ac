package dev.videojob.core;

import java.time.Duration;
import java.util.Objects;

/**
 * A retry that was scheduled, passed to {@link JobListener#retryScheduled}.
 *
 * @param provider the provider id
 * @param operation what was being done: {@code submit}, {@code status}, {@code cancel}, {@code result} or an adapter's own step
 * @param attempt the attempt that failed, from 1
 * @param delay how long until the next attempt
 * @param httpStatus the HTTP status of the failed attempt, or 0 for an I/O error
 * @param reason a short description of the failure (never a secret)
 */
public record RetryEvent(String provider, String operation, int attempt, Duration delay, int httpStatus, String reason) {
  /**
   * Creates the event.
   *
   * @param provider the provider id
   * @param operation what was being done: {@code submit}, {@code status}, {@code cancel}, {@code result} or an adapter's own step
   * @param attempt the attempt that failed, from 1
   * @param delay how long until the next attempt
   * @param httpStatus the HTTP status of the failed attempt, or 0 for an I/O error
   * @param reason a short description of the failure (never a secret)
   * @throws NullPointerException if provider, operation, delay or reason is null
   */
  public RetryEvent {
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(operation, "operation == null");
    Objects.requireNonNull(delay, "delay == null");
    Objects.requireNonNull(reason, "reason == null");
  }
}
