package dev.videojob.webhooks;

import java.util.List;
import java.util.Map;

/**
 * A durable inbox the {@link WebhookPipeline} stores verified events in before it answers the provider: the
 * service-provider interface of the pipeline's durable mode ({@link WebhookPipeline.Builder#inbox(WebhookInbox)}).
 *
 * <p>The pipeline verifies and parses a delivery, then calls {@link #accept}; only once {@code accept} has
 * returned {@link Acceptance#STORED} (the event is committed to durable storage) does the provider get its 2xx.
 * The inbox then runs the application's handler itself, on any instance, as often as it takes. So an event
 * that was acknowledged is never lost, whatever happens to this instance afterwards.
 *
 * <p>The implementation in {@code videojob-durable} ({@code dev.videojob.durable.JdbcWebhookInbox}) keeps the
 * inbox in the application's database and processes it with db-scheduler. Implementations are thread-safe.
 */
public interface WebhookInbox {

  /** What {@link #accept} did with an event. */
  enum Acceptance {
    /** The event was new and is now durably stored: answer 2xx. */
    STORED,
    /** An event with the same key was stored before (whatever became of it since): answer 2xx and drop. */
    DUPLICATE
  }

  /**
   * Whether this inbox can process a provider's events, that is, knows its {@link WebhookFormat} and has a
   * handler for it. The pipeline asks once, when it is built.
   *
   * @param provider the provider id, as {@link WebhookFormat#provider()}
   * @return whether {@link #accept} takes this provider's events
   */
  boolean supports(String provider);

  /**
   * Stores a verified event durably, keyed by its event key, before the pipeline answers the provider.
   *
   * <p>What is stored must let any instance re-create the event later with the provider's
   * {@link WebhookFormat#parse}: the provider, the key, {@link WebhookEvent#rawBody() the raw body},
   * {@link WebhookEvent#receivedAt() the time it arrived} and the headers the format read.
   *
   * @param eventKey the key the event is de-duplicated on (the same one the idempotency store would use:
   *     {@code provider:delivery:<id>}, {@code provider:job:<jobId>:<event>:<JobStatus>} or {@code provider:body:<sha256>})
   * @param event the verified, parsed event
   * @param headersRead the request headers the provider's format read while parsing, by lower-case name, with
   *     their values in the order received; passing them to {@link WebhookHeaders#ofMulti(Map)} gives the format
   *     all it reads
   * @return whether the event was new or a duplicate
   * @throws WebhookInboxException if the event could not be stored; the pipeline answers 503 so the provider
   *     delivers it again
   */
  Acceptance accept(String eventKey, WebhookEvent event, Map<String, List<String>> headersRead);
}
