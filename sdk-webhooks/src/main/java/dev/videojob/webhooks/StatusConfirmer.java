package dev.videojob.webhooks;

import dev.videojob.core.VideoJob;

/**
 * Asks the provider's API for a job's current state, so that a callback from a provider that signs
 * nothing is trusted only once the provider confirms what it claims. Typically
 * {@code ref -> client.status(ref)}.
 *
 * <p>Called on the pipeline's executor, before the handler.
 */
@FunctionalInterface
public interface StatusConfirmer {

  /**
   * Fetches the job's current state from the provider.
   *
   * @param event the event whose claim is to be confirmed; its {@link WebhookEvent#snapshot()} is present
   * @return the job as the provider's API reports it now
   * @throws Exception if the provider cannot be asked; the event is then released for redelivery
   */
  VideoJob confirm(WebhookEvent event) throws Exception;
}
