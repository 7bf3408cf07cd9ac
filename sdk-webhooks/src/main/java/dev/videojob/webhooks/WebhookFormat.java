package dev.videojob.webhooks;

import java.time.Instant;
import java.util.Optional;

/**
 * The service-provider interface a provider adapter implements so the webhook pipeline can receive
 * its callbacks: who it is, how it signs (if at all), and how to read its body.
 *
 * <p>This module knows no provider; adapters in {@code videojob-providers} implement this.
 * Implementations are immutable and thread-safe, and {@link #parse} does no I/O.
 */
public interface WebhookFormat {

  /** @return the provider id, the same as the adapter's {@code VideoProvider#id()} */
  String provider();

  /**
   * How the provider signs its webhooks.
   *
   * @return the scheme; empty for a provider that signs nothing, whose callbacks are then
   *     authenticated by a per-job {@link CallbackTokens token} in the callback URL
   */
  Optional<SignatureScheme> signatureScheme();

  /**
   * Whether the delivery id the format reports names one event, so that a redelivery carries the
   * same id and a new event a new one. Answer true only when that id is covered by the signature
   * (Standard Webhooks signs {@code webhook-id}; a top-level body field is signed with the body): a
   * replay with an unsigned id changed would otherwise be handled again. CreativeAI's delivery id is
   * the job id, so its format answers false and events are de-duplicated on (job id, status) instead.
   *
   * @return true by default
   */
  default boolean deliveryIdIdentifiesEvent() {
    return true;
  }

  /**
   * Reads a verified body.
   *
   * <p>The pipeline de-duplicates a job update on its job id, event type and normalized status, so
   * take those only from what the signature covers (the body), never from an unsigned header, and
   * give a job update an event type from a fixed vocabulary the format checked. A runtime exception
   * other than {@link WebhookParseException} is also answered 400 by the pipeline, but throw the typed
   * one where you can: its message is what gets logged.
   *
   * @param body the raw body bytes
   * @param headers the request headers (event type and delivery id headers live here for some providers)
   * @param receivedAt when the request arrived: the event's and snapshot's time
   * @return the event; an event type the format does not know is an event of kind {@link WebhookEvent.Kind#UNKNOWN}
   * @throws WebhookParseException if the body is not JSON, or lacks what the format needs (the job id)
   */
  WebhookEvent parse(byte[] body, WebhookHeaders headers, Instant receivedAt);
}
