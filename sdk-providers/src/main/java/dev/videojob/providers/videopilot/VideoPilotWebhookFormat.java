package dev.videojob.providers.videopilot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.core.ProviderResponseException;
import dev.videojob.core.VideoJob;
import dev.videojob.providers.internal.Json;
import dev.videojob.providers.internal.JsonWebhookFormat;
import dev.videojob.providers.internal.WebhookBodies;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookParseException;
import java.time.Instant;

/**
 * VideoPilot's webhooks: {@code {event, data:{video_id, render_job_id?, status, ...}, timestamp}}, signed
 * with {@code X-VideoPilot-Signature: sha256=<hex>} = HMAC-SHA256 of the raw body keyed by the webhook
 * secret.
 *
 * <p>The six documented events become job updates whose phase follows script_ready → media_ready →
 * rendering → completed ({@link VideoPilotStatuses}). A render event's snapshot id is
 * {@code <videoId>~<renderJobId>}, the id {@link VideoPilot#submit} returned, so it completes a pending
 * wait; a {@code video.*} event names only the video, so its snapshot id is the bare video id (match it
 * with {@link VideoPilotJobId#parse}). The document advises de-duplicating on an event id but its payloads
 * carry none: a top-level {@code id} is used as the delivery id when present, else events are
 * de-duplicated on (job id, event, status). An event this format does not know is of kind UNKNOWN. A body
 * without an {@code event}, a known event without {@code data.video_id}, or an id this SDK cannot represent
 * is a {@link WebhookParseException}.
 * Immutable.
 */
public final class VideoPilotWebhookFormat extends JsonWebhookFormat {
  /** The signature header. */
  public static final String SIGNATURE_HEADER = "X-VideoPilot-Signature";
  /** The prefix before the hex signature. */
  public static final String SIGNATURE_PREFIX = "sha256=";

  private VideoPilotWebhookFormat() {
    super(VideoPilot.ID, SignatureScheme.hmacSha256Hex(SIGNATURE_HEADER, SIGNATURE_PREFIX));
  }

  /** @return the format; its scheme is {@code X-VideoPilot-Signature: sha256=<hex HMAC-SHA256 of the body>} */
  public static VideoPilotWebhookFormat create() {
    return new VideoPilotWebhookFormat();
  }

  @Override
  protected WebhookEvent parse(JsonNode n, byte[] body, WebhookHeaders headers, Instant receivedAt) {
    String event = Json.text(n, VideoPilotApi.F_EVENT).orElseThrow(() -> refuse("the webhook body has no event"));
    JsonNode data = n.path(VideoPilotApi.F_DATA);
    String delivery = Json.text(n, VideoPilotApi.F_EVENT_ID).orElse(null);
    if (!VideoPilotStatuses.isKnownEvent(event)) {
      return WebhookEvent.builder(VideoPilot.ID, WebhookEvent.Kind.UNKNOWN, event).deliveryId(delivery)
          .jobId(Json.text(data, VideoPilotApi.F_VIDEO_ID).orElse(null)).receivedAt(receivedAt).rawBody(body).build();
    }
    if (Json.text(data, VideoPilotApi.F_VIDEO_ID).isEmpty()) throw refuse("the " + event + " webhook has no data.video_id");
    Instant timestamp = Json.instant(n, VideoPilotApi.F_TIMESTAMP).orElse(null);
    VideoJob snapshot;
    try {
      snapshot = VideoPilotJobs.fromEvent(event, data, timestamp, receivedAt, WebhookBodies.text(body));
    } catch (ProviderResponseException e) {
      // an id this SDK cannot represent (it contains the separator): the event cannot be matched to a job
      throw new WebhookParseException(VideoPilot.ID, e.getMessage(), e);
    }
    return WebhookEvent.builder(VideoPilot.ID, WebhookEvent.Kind.JOB_UPDATE, event).deliveryId(delivery)
        .snapshot(snapshot).receivedAt(receivedAt).rawBody(body).build();
  }
}
