package dev.videojob.providers.ssemble;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.core.JobStatus;
import dev.videojob.providers.internal.Json;
import dev.videojob.providers.internal.WebhookBodies;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookFormat;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookParseException;
import java.time.Instant;
import java.util.Objects;
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
 * {@link WebhookEvent.Kind#UNKNOWN}. Immutable and thread-safe.
 */
public final class SsembleWebhookFormat implements WebhookFormat {

  /** Creates the format; it holds no configuration. */
  public SsembleWebhookFormat() {}

  @Override
  public String provider() {
    return Ssemble.ID;
  }

  /** @return empty: ssemble signs no webhooks */
  @Override
  public Optional<SignatureScheme> signatureScheme() {
    return Optional.empty();
  }

  /**
   * Reads a callback body.
   *
   * @param body the raw body
   * @param headers the request headers (ssemble sends none the format needs)
   * @param receivedAt when it arrived
   * @return a {@code JOB_UPDATE} for {@code shorts.completed} and {@code shorts.failed}, else {@code UNKNOWN}
   * @throws WebhookParseException if the body is not one JSON object (nothing but whitespace may follow it), or
   *     has no event, or a listed event has no requestId
   */
  @Override
  public WebhookEvent parse(byte[] body, WebhookHeaders headers, Instant receivedAt) {
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(receivedAt, "receivedAt == null");
    JsonNode root = WebhookBodies.object(Ssemble.ID, body);
    String event = Json.text(root, SsembleApi.EVENT)
        .orElseThrow(() -> new WebhookParseException(Ssemble.ID, "webhook body has no event", null));
    Optional<String> jobId = Json.text(root, SsembleApi.REQUEST_ID);
    Optional<JobStatus> status = SsembleStatusTable.event(event);
    if (status.isEmpty()) {
      return WebhookEvent.builder(Ssemble.ID, WebhookEvent.Kind.UNKNOWN, event).jobId(jobId.orElse(null))
          .receivedAt(receivedAt).rawBody(body).build();
    }
    String id = jobId.orElseThrow(() -> new WebhookParseException(Ssemble.ID, "webhook body has no requestId", null));
    return WebhookEvent.builder(Ssemble.ID, WebhookEvent.Kind.JOB_UPDATE, event)
        .snapshot(SsembleJobs.fromWebhook(root, id, status.get(), receivedAt))
        .receivedAt(receivedAt).rawBody(body).build();
  }

  @Override
  public String toString() {
    return "SsembleWebhookFormat{unsigned}";
  }
}
