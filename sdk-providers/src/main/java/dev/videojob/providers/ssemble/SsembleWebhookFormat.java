package dev.videojob.providers.ssemble;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.core.JobStatus;
import dev.videojob.providers.internal.Json;
import dev.videojob.providers.internal.JsonWebhookFormat;
import dev.videojob.providers.internal.WebhookBodies;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookHeaders;
import java.time.Instant;
import java.util.Optional;

/**
 * ssemble's webhook: a POST of {@code {event, requestId, status, timestamp, data}} with
 * {@code event} {@code shorts.completed} (with {@code data.shorts[]}) or {@code shorts.failed}.
 *
 * <p>ssemble signs nothing, so {@link #signatureScheme()} is empty and the webhook pipeline insists
 * on a per-job {@link dev.videojob.webhooks.CallbackTokens callback token} in the URL; add
 * {@link Ssemble#statusConfirmer} to trust the claimed status only once ssemble's API confirms it.
 * ssemble sends no delivery id: duplicates (its retries after 0, 1 and 3 s) are recognised by job,
 * event and normalized {@link JobStatus}, never by the raw {@code status} text, which nothing signs (a
 * completion re-sent as {@code "COMPLETED"} is a duplicate). An event the document does not list is an event of kind
 * {@link WebhookEvent.Kind#UNKNOWN}; a body without an {@code event}, or a listed event without a
 * {@code requestId}, is a {@link dev.videojob.webhooks.WebhookParseException}. Immutable and thread-safe.
 */
public final class SsembleWebhookFormat extends JsonWebhookFormat {
  private SsembleWebhookFormat() {
    super(Ssemble.ID, null);
  }

  /** @return the format; it holds no configuration and has no signature scheme */
  public static SsembleWebhookFormat create() {
    return new SsembleWebhookFormat();
  }

  @Override
  protected WebhookEvent parse(JsonNode root, byte[] body, WebhookHeaders headers, Instant receivedAt) {
    String event = Json.text(root, SsembleApi.EVENT).orElseThrow(() -> refuse("webhook body has no event"));
    Optional<String> jobId = Json.text(root, SsembleApi.REQUEST_ID);
    Optional<JobStatus> status = SsembleStatuses.event(event);
    if (status.isEmpty()) {
      return WebhookEvent.builder(Ssemble.ID, WebhookEvent.Kind.UNKNOWN, event).jobId(jobId.orElse(null))
          .receivedAt(receivedAt).rawBody(body).build();
    }
    String id = jobId.orElseThrow(() -> refuse("webhook body has no requestId"));
    return WebhookEvent.builder(Ssemble.ID, WebhookEvent.Kind.JOB_UPDATE, event)
        .snapshot(SsembleJobs.fromWebhook(root, WebhookBodies.text(body), id, status.get(), receivedAt))
        .receivedAt(receivedAt).rawBody(body).build();
  }
}
