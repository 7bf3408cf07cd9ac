package dev.videojob.webhooks;

/**
 * The application's code for a verified, de-duplicated event.
 *
 * <p>It runs on the pipeline's executor, never on the request thread. Returning normally marks the
 * event done; throwing releases it, so the provider's redelivery is processed again. It may run
 * again for the same event after a crash, so make its effects idempotent where you can.
 */
@FunctionalInterface
public interface WebhookHandler {

  /**
   * Handles one event.
   *
   * @param event the verified event
   * @throws Exception to have the event released and processed again on redelivery
   */
  void handle(WebhookEvent event) throws Exception;
}
