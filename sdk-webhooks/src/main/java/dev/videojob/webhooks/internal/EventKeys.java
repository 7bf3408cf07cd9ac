package dev.videojob.webhooks.internal;

import dev.videojob.webhooks.WebhookEvent;

/**
 * The key under which an event is claimed in the idempotency store.
 *
 * <p>A key is built only from what the format read out of the verified body (or, for a delivery id, what
 * the format vouches is signed), never from a header the signature does not cover, and never from a raw
 * spelling an unsigned provider could vary: a job update is keyed on the normalized
 * {@link dev.videojob.core.JobStatus}, not on the provider's raw status text.
 */
public final class EventKeys {
  private EventKeys() {}

  /**
   * {@code provider:delivery:<id>} when the provider names deliveries and its delivery ids identify
   * events; else, for a {@link WebhookEvent.Kind#JOB_UPDATE}, {@code provider:job:<jobId>:<eventType>:<JobStatus>};
   * else (an event the format does not know, whose meaning only its whole body carries)
   * {@code provider:body:<sha256 of the body>}.
   *
   * <p>Where a {@code StatusConfirmer} is configured, the handler runs only when the provider confirms the
   * same {@code JobStatus}, so the status in the key is then also the provider-confirmed one.
   *
   * @param event the event
   * @param deliveryIdIdentifiesEvent whether the format's delivery ids name one event each
   * @return the key
   */
  public static String of(WebhookEvent event, boolean deliveryIdIdentifiesEvent) {
    String p = event.provider();
    if (deliveryIdIdentifiesEvent && event.deliveryId().isPresent()) {
      return p + ":delivery:" + event.deliveryId().get();
    }
    if (event.kind() == WebhookEvent.Kind.JOB_UPDATE && event.jobId().isPresent() && event.snapshot().isPresent()) {
      return p + ":job:" + event.jobId().get() + ":" + event.eventType() + ":" + event.snapshot().get().status();
    }
    return p + ":body:" + Hmacs.sha256Hex(event.rawBody());
  }
}
