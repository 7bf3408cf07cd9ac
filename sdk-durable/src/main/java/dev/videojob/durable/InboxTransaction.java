package dev.videojob.durable;

import java.sql.Connection;
import java.util.Objects;

/**
 * What a {@link TransactionalWebhookHandler} gets besides the event: the inbox's open transaction, and the
 * event's key and attempt number. Valid only during the handler call.
 */
public final class InboxTransaction {
  private final Connection connection;
  private final String eventKey;
  private final int attempt;

  InboxTransaction(Connection connection, String eventKey, int attempt) {
    this.connection = Objects.requireNonNull(connection, "connection == null");
    this.eventKey = Objects.requireNonNull(eventKey, "eventKey == null");
    this.attempt = attempt;
  }

  /**
   * The connection of the transaction that will mark the event done: write through it for an exactly-once
   * effect. Do not commit, roll back or close it (those calls throw {@link java.sql.SQLException}); throw from
   * the handler to roll back.
   *
   * @return the connection, auto-commit off
   */
  public Connection connection() {
    return connection;
  }

  /**
   * The event's key as the inbox stores it ({@code provider:delivery:<id>}, {@code provider:job:<jobId>:<event>:<JobStatus>},
   * or {@code sha256:<hex>} for a key over 100 characters): the same on every attempt and every instance, so
   * use it to make effects outside the database idempotent.
   *
   * @return the key
   */
  public String eventKey() {
    return eventKey;
  }

  /** @return which attempt this is, from 1 */
  public int attempt() {
    return attempt;
  }

  @Override
  public String toString() {
    return "InboxTransaction{" + eventKey + ", attempt " + attempt + "}";
  }
}
