package dev.videojob.providers.creativeai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.providers.internal.Json;
import dev.videojob.providers.internal.JsonWebhookFormat;
import dev.videojob.providers.internal.WebhookBodies;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookHeaders;
import java.time.Instant;
import java.util.Optional;

/**
 * CreativeAI's webhooks: the body is the generation object, {@code X-CreativeAI-Event} names the event
 * ({@code video.generation.completed}, ...), {@code X-CreativeAI-Delivery-Id} carries the generation id and
 * {@code X-CreativeAI-Signature: sha256=<hex>} is the HMAC-SHA256 of the raw body keyed by the API key
 * (so the pipeline's secret is the API key).
 *
 * <p>Only the body is signed; the two other headers are not, so nothing this format trusts comes from
 * them. A generation (a body with a {@code status} and an {@code id}, or with
 * {@code "object":"video.generation"}) is a job update whose job id is the body's {@code id} and whose
 * event type is {@code video.generation.<status>} from the body, whatever {@code X-CreativeAI-Event} says
 * (it says the same for a genuine delivery); a generation without an {@code id} is a
 * {@link dev.videojob.webhooks.WebhookParseException}, never completed under the id an unsigned header names. The delivery id
 * equals the job id, so it does not tell a redelivery from the next event: {@link #deliveryIdIdentifiesEvent()}
 * is false and events are de-duplicated on (job id, status) from the signed body, which is also
 * CreativeAI's own de-duplication key. The delivery id is reported on the event for information only; a
 * blank {@code X-CreativeAI-Delivery-Id} is treated as absent. A body that is not a generation is an event of
 * kind UNKNOWN typed by the event header (or {@code unknown}), de-duplicated on its signed bytes. Immutable.
 */
public final class CreativeAiWebhookFormat extends JsonWebhookFormat {
  /** The header naming the event. */
  public static final String EVENT_HEADER = "X-CreativeAI-Event";
  /** The header carrying the delivery (generation) id. */
  public static final String DELIVERY_ID_HEADER = "X-CreativeAI-Delivery-Id";
  /** The signature header. */
  public static final String SIGNATURE_HEADER = "X-CreativeAI-Signature";
  /** The prefix before the hex signature. */
  public static final String SIGNATURE_PREFIX = "sha256=";
  /** The prefix of the generation events. */
  public static final String EVENT_PREFIX = "video.generation.";

  private CreativeAiWebhookFormat() {
    super(CreativeAi.ID, SignatureScheme.hmacSha256Hex(SIGNATURE_HEADER, SIGNATURE_PREFIX));
  }

  /** @return the format; its scheme is {@code X-CreativeAI-Signature: sha256=<hex HMAC-SHA256 of the body>}, keyed by the API key */
  public static CreativeAiWebhookFormat create() {
    return new CreativeAiWebhookFormat();
  }

  /** @return false: the delivery id is the generation id */
  @Override
  public boolean deliveryIdIdentifiesEvent() {
    return false;
  }

  @Override
  protected WebhookEvent parse(JsonNode n, byte[] body, WebhookHeaders headers, Instant receivedAt) {
    String delivery = headers.first(DELIVERY_ID_HEADER).filter(s -> !s.isBlank()).map(String::trim).orElse(null);
    Optional<String> status = Json.text(n, CreativeAiApi.F_STATUS);
    Optional<String> id = CreativeAiJobs.id(n);
    boolean generation = status.isPresent()
        && (id.isPresent() || n.path(CreativeAiApi.F_OBJECT).asText("").equals(CreativeAiApi.GENERATION_OBJECT));
    if (!generation) {
      String type = headers.first(EVENT_HEADER).filter(s -> !s.isBlank()).map(String::trim).orElse("unknown");
      return WebhookEvent.builder(CreativeAi.ID, WebhookEvent.Kind.UNKNOWN, type).deliveryId(delivery)
          .jobId(id.orElse(null)).receivedAt(receivedAt).rawBody(body).build();
    }
    String jobId = id.orElseThrow(() -> refuse("the webhook body is a generation without an id; the"
        + " X-CreativeAI-Delivery-Id header is not signed, so it cannot stand in for it"));
    return WebhookEvent.builder(CreativeAi.ID, WebhookEvent.Kind.JOB_UPDATE, EVENT_PREFIX + status.get())
        .deliveryId(delivery).snapshot(CreativeAiJobs.toJob(n, WebhookBodies.text(body), jobId, receivedAt)).receivedAt(receivedAt)
        .rawBody(body).build();
  }
}
