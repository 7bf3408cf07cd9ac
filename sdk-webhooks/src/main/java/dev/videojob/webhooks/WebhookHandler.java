package dev.videojob.webhooks;

/**
 * The application's code for a verified, de-duplicated event.
 *
 * <p>In the pipeline's synchronous mode (the default) it runs on the pipeline's executor while the
 * delivery waits: returning normally marks the event done and answers 200; throwing releases the event and
 * answers 503, so the provider delivers it again. With a durable inbox it runs on the inbox's threads, on any
 * instance, and throwing schedules a retry. Either way it may run more than once for the same event (a crash
 * between the handler and the done mark, a handler slower than the budget), so make its effects idempotent:
 * key them on the event (its delivery id, or its job id and status), or, with the inbox, write them through
 * the inbox's transaction for an exactly-once effect.
 */
@FunctionalInterface
public interface WebhookHandler {

  /**
   * Handles one event.
   *
   * @param event the verified event
   * @throws Exception to have the event released and processed again (redelivery, or the inbox's retry)
   */
  void handle(WebhookEvent event) throws Exception;
}
