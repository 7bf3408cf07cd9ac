package dev.videojob.durable;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the webhook inbox, as operations see it (the body is left out: it may hold signed URLs).
 *
 * @param eventKey the event's key as stored
 * @param provider the provider id
 * @param state where the event is
 * @param attempts how many times its handler ran (successful or not)
 * @param lastError the last failure's class and message, cut to 1,000 characters; empty if none
 * @param receivedAt when the delivery arrived
 * @param updatedAt when the row last changed
 */
public record InboxEntry(String eventKey, String provider, State state, int attempts, Optional<String> lastError,
    Instant receivedAt, Instant updatedAt) {

  /** Where an event is in the inbox. */
  public enum State {
    /** Stored and waiting for its handler (or for its next attempt). */
    PENDING,
    /** Handled; kept until the retention runs out, so a redelivery is a duplicate. */
    DONE,
    /** Failed on every attempt; kept until replayed ({@link JdbcWebhookInbox#replay}) or deleted by hand. */
    DEAD
  }

  /**
   * Creates an entry.
   *
   * @param eventKey the event's key as stored
   * @param provider the provider id
   * @param state where the event is
   * @param attempts how many times its handler ran (successful or not)
   * @param lastError the last failure's class and message, cut to 1,000 characters; empty if none
   * @param receivedAt when the delivery arrived
   * @param updatedAt when the row last changed
   * @throws NullPointerException if a value is null
   */
  public InboxEntry {
    Objects.requireNonNull(eventKey, "eventKey == null");
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(state, "state == null");
    Objects.requireNonNull(lastError, "lastError == null");
    Objects.requireNonNull(receivedAt, "receivedAt == null");
    Objects.requireNonNull(updatedAt, "updatedAt == null");
  }
}
