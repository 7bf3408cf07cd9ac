package dev.videojob.providers.creativeai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videojob.providers.internal.Json;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookFormat;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookParseException;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * CreativeAI's webhooks: the body is the generation object, {@code X-CreativeAI-Event} names the event
 * ({@code video.generation.completed}, ...), {@code X-CreativeAI-Delivery-Id} carries the generation id and
 * {@code X-CreativeAI-Signature: sha256=<hex>} is the HMAC-SHA256 of the raw body keyed by the API key
 * (so the pipeline's secret is the API key).
 *
 * <p>The delivery id equals the job id, so it does not tell a redelivery from the next event:
 * {@link #deliveryIdIdentifiesEvent()} is false and events are de-duplicated on (job id, status), which is
 * also CreativeAI's own de-duplication key. Without the event header the event type is
 * {@code video.generation.<status>}. A body that is not a generation (no {@code id} and {@code status})
 * under an event type this format does not know is an event of kind UNKNOWN. Immutable.
 */
public final class CreativeAiWebhookFormat implements WebhookFormat {
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

  private static final SignatureScheme SCHEME = SignatureScheme.hmacSha256Hex(SIGNATURE_HEADER, SIGNATURE_PREFIX);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CreativeAiWebhookFormat() {}

  /** @return the format */
  public static CreativeAiWebhookFormat create() {
    return new CreativeAiWebhookFormat();
  }

  @Override
  public String provider() {
    return CreativeAi.ID;
  }

  /** @return {@code X-CreativeAI-Signature: sha256=<hex HMAC-SHA256 of the body>}, keyed by the API key */
  @Override
  public Optional<SignatureScheme> signatureScheme() {
    return Optional.of(SCHEME);
  }

  /** @return false: the delivery id is the generation id */
  @Override
  public boolean deliveryIdIdentifiesEvent() {
    return false;
  }

  /**
   * Reads a verified body.
   *
   * @param body the raw body
   * @param headers the request headers
   * @param receivedAt when it arrived
   * @return the event
   * @throws WebhookParseException if the body is not a JSON object, or is a generation without an id
   */
  @Override
  public WebhookEvent parse(byte[] body, WebhookHeaders headers, Instant receivedAt) {
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(headers, "headers == null");
    JsonNode n;
    try {
      n = Json.object(MAPPER, body);
    } catch (IOException e) {
      throw new WebhookParseException(CreativeAi.ID, "the webhook body is not a JSON object", e);
    }
    Optional<String> header = headers.first(EVENT_HEADER).filter(s -> !s.isBlank()).map(String::trim);
    Optional<String> status = Json.text(n, CreativeAiJobs.F_STATUS);
    String type = header.orElse(status.map(s -> EVENT_PREFIX + s).orElse("unknown"));
    String delivery = headers.first(DELIVERY_ID_HEADER).orElse(null);
    boolean generation = status.isPresent() && (type.startsWith(EVENT_PREFIX) || n.has(CreativeAiJobs.F_ID));
    if (!generation) {
      return WebhookEvent.builder(CreativeAi.ID, WebhookEvent.Kind.UNKNOWN, type).deliveryId(delivery)
          .jobId(Json.text(n, CreativeAiJobs.F_ID).orElse(null)).receivedAt(receivedAt).rawBody(body).build();
    }
    String id = CreativeAiJobs.id(n).or(() -> Optional.ofNullable(delivery))
        .orElseThrow(() -> new WebhookParseException(CreativeAi.ID, "the webhook body has no generation id", null));
    return WebhookEvent.builder(CreativeAi.ID, WebhookEvent.Kind.JOB_UPDATE, type).deliveryId(delivery)
        .snapshot(CreativeAiJobs.toJob(n, id, receivedAt)).receivedAt(receivedAt).rawBody(body).build();
  }

  @Override
  public String toString() {
    return "CreativeAiWebhookFormat{" + SCHEME.name() + "}";
  }
}
