package dev.videojob.webhooks.internal;

import dev.videojob.webhooks.WebhookEvent;

/** The key under which an event is claimed in the idempotency store. */
public final class EventKeys {
  private EventKeys() {}

  /**
   * {@code provider:delivery:<id>} when the provider names deliveries and its delivery ids identify
   * events; else {@code provider:job:<jobId>:<eventType>:<rawStatus>}; else (no job id either)
   * {@code provider:body:<sha256 of the body>}.
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
    if (event.jobId().isPresent()) {
      String status = event.snapshot().map(s -> s.rawStatus()).orElse("-");
      return p + ":job:" + event.jobId().get() + ":" + event.eventType() + ":" + status;
    }
    return p + ":body:" + Hmacs.sha256Hex(event.rawBody());
  }
}
