package dev.videojob.providers.higgsfield;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The Higgsfield-like webhook: body {@code {job_id, status, assets:[{type,url,bitrate}], metadata}},
 * signed with {@code x-api-signature} = lower-case hex HMAC-SHA256 keyed by the webhook secret.
 *
 * <p>The guide's handler signs {@code JSON.stringify(req.body)}, the re-serialised body; this format
 * verifies the raw bytes, which are the same bytes whenever the provider sends compact JSON (as
 * {@code JSON.stringify} writes it). The payload names no event and no delivery id, so the event
 * type is the status, and events are de-duplicated on (job id, status). A status this SDK does not
 * know gives a job update whose status is UNKNOWN. Immutable.
 */
public final class HiggsfieldWebhookFormat implements WebhookFormat {
  /** The signature header. */
  public static final String SIGNATURE_HEADER = "x-api-signature";

  private static final SignatureScheme SCHEME = SignatureScheme.hmacSha256Hex(SIGNATURE_HEADER);

  private HiggsfieldWebhookFormat() {}

  /** @return the format */
  public static HiggsfieldWebhookFormat create() {
    return new HiggsfieldWebhookFormat();
  }

  @Override
  public String provider() {
    return Higgsfield.ID;
  }

  /** @return {@code x-api-signature: <hex HMAC-SHA256 of the body>} */
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
   * @return a job update
   * @throws WebhookParseException if the body is not one JSON object (nothing but whitespace may follow it), or
   *     has no {@code job_id}
   */
  @Override
  public WebhookEvent parse(byte[] body, WebhookHeaders headers, Instant receivedAt) {
    Objects.requireNonNull(body, "body == null");
    JsonNode n = WebhookBodies.object(Higgsfield.ID, body);
    String jobId = Json.text(n, HiggsfieldApi.F_JOB_ID)
        .orElseThrow(() -> new WebhookParseException(Higgsfield.ID, "the webhook body has no job_id", null));
    String type = Json.text(n, HiggsfieldApi.F_STATUS).orElse("unknown");
    return WebhookEvent.builder(Higgsfield.ID, WebhookEvent.Kind.JOB_UPDATE, type)
        .snapshot(HiggsfieldApi.toJob(n, jobId, receivedAt)).receivedAt(receivedAt).rawBody(body).build();
  }

  @Override
  public String toString() {
    return "HiggsfieldWebhookFormat{" + SCHEME.name() + "}";
  }
}
