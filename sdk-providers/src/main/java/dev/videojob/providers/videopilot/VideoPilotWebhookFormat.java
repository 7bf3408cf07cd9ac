package dev.videojob.providers.videopilot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.core.ProviderResponseException;
import dev.videojob.core.VideoJob;
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
 * de-duplicated on (job id, event, status). An event this format does not know is of kind UNKNOWN.
 * Immutable.
 */
public final class VideoPilotWebhookFormat implements WebhookFormat {
  /** The signature header. */
  public static final String SIGNATURE_HEADER = "X-VideoPilot-Signature";
  /** The prefix before the hex signature. */
  public static final String SIGNATURE_PREFIX = "sha256=";

  private static final SignatureScheme SCHEME = SignatureScheme.hmacSha256Hex(SIGNATURE_HEADER, SIGNATURE_PREFIX);

  private VideoPilotWebhookFormat() {}

  /** @return the format */
  public static VideoPilotWebhookFormat create() {
    return new VideoPilotWebhookFormat();
  }

  @Override
  public String provider() {
    return VideoPilot.ID;
  }

  /** @return {@code X-VideoPilot-Signature: sha256=<hex HMAC-SHA256 of the body>} */
  @Override
  public Optional<SignatureScheme> signatureScheme() {
    return Optional.of(SCHEME);
  }

  /**
   * Reads a verified body.
   *
   * @param body the raw body
   * @param headers the request headers (unused: the payload carries everything)
   * @param receivedAt when it arrived
   * @return the event
   * @throws WebhookParseException if the body is not one JSON object (nothing but whitespace may follow it), has
   *     no {@code event}, or a known event has no {@code data.video_id}
   */
  @Override
  public WebhookEvent parse(byte[] body, WebhookHeaders headers, Instant receivedAt) {
    Objects.requireNonNull(body, "body == null");
    JsonNode n = WebhookBodies.object(VideoPilot.ID, body);
    String event = Json.text(n, VideoPilotApi.F_EVENT)
        .orElseThrow(() -> new WebhookParseException(VideoPilot.ID, "the webhook body has no event", null));
    JsonNode data = n.path(VideoPilotApi.F_DATA);
    String delivery = Json.text(n, "id").orElse(null);
    if (!VideoPilotStatuses.isKnownEvent(event)) {
      return WebhookEvent.builder(VideoPilot.ID, WebhookEvent.Kind.UNKNOWN, event).deliveryId(delivery)
          .jobId(Json.text(data, VideoPilotApi.F_VIDEO_ID).orElse(null)).receivedAt(receivedAt).rawBody(body).build();
    }
    if (Json.text(data, VideoPilotApi.F_VIDEO_ID).isEmpty()) {
      throw new WebhookParseException(VideoPilot.ID, "the " + event + " webhook has no data.video_id", null);
    }
    Instant timestamp = Json.instant(n, VideoPilotApi.F_TIMESTAMP).orElse(null);
    VideoJob snapshot;
    try {
      snapshot = VideoPilotApi.fromEvent(event, data, timestamp, receivedAt, n.toString());
    } catch (ProviderResponseException e) {
      // an id this SDK cannot represent (it contains the separator): the event cannot be matched to a job
      throw new WebhookParseException(VideoPilot.ID, e.getMessage(), e);
    }
    return WebhookEvent.builder(VideoPilot.ID, WebhookEvent.Kind.JOB_UPDATE, event).deliveryId(delivery)
        .snapshot(snapshot).receivedAt(receivedAt).rawBody(body).build();
  }

  @Override
  public String toString() {
    return "VideoPilotWebhookFormat{" + SCHEME.name() + "}";
  }
}
