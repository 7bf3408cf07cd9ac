/**
 * Durable processing on db-scheduler over the application's own database (PostgreSQL, MariaDB/MySQL, H2).
 *
 * <p>{@link dev.videojob.durable.JdbcWebhookInbox} is the webhook pipeline's durable mode: every verified
 * event is committed to an inbox table before the provider gets its 2xx, and is processed on any instance,
 * with retries and backoff, a dead-letter state, and pickup of events whose instance died. A
 * {@link dev.videojob.durable.TransactionalWebhookHandler} that writes through the inbox's transaction has an
 * exactly-once effect. See {@code docs/durable-webhooks.md} for the guarantees of each mode.
 */
package dev.videojob.durable;
