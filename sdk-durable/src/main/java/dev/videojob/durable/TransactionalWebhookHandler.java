package dev.videojob.durable;

import dev.videojob.webhooks.WebhookEvent;

/**
 * The application's code for an event of the {@link JdbcWebhookInbox}, run inside the transaction that
 * marks the event done.
 *
 * <p>Writes made through {@link InboxTransaction#connection()} commit together with the done mark, or not at
 * all: a handler whose effect is in the inbox's database has an exactly-once effect, whatever crashes.
 * Effects elsewhere (an e-mail, another service's API) may happen more than once (after a crash, or when the
 * commit fails), so make them idempotent with {@link InboxTransaction#eventKey()}.
 *
 * <p>Runs on the inbox's scheduler threads, on whichever instance picked the event, while the event's row is
 * locked; keep it short. Throwing rolls the transaction back and schedules a retry (or, after the last
 * attempt, marks the event dead).
 */
@FunctionalInterface
public interface TransactionalWebhookHandler {

  /**
   * Handles one event.
   *
   * @param event the event, parsed again from the stored body with the provider's format
   * @param transaction the inbox's transaction: its connection, the event key, the attempt
   * @throws Exception to roll back and retry later
   */
  void handle(WebhookEvent event, InboxTransaction transaction) throws Exception;
}
