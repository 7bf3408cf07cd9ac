package dev.videojob.providers.higgsfield;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.providers.internal.Json;
import dev.videojob.providers.internal.JsonWebhookFormat;
import dev.videojob.providers.internal.WebhookBodies;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookHeaders;
import java.time.Instant;

/**
 * The Higgsfield-like webhook: body {@code {job_id, status, assets:[{type,url,bitrate}], metadata}},
 * signed with {@code x-api-signature} = lower-case hex HMAC-SHA256 keyed by the webhook secret.
 *
 * <p>The guide's handler signs {@code JSON.stringify(req.body)}, the re-serialised body; this format
 * verifies the raw bytes, which are the same bytes whenever the provider sends compact JSON (as
 * {@code JSON.stringify} writes it). The payload names no event and no delivery id, so the event
 * type is the status, and events are de-duplicated on (job id, status). A status this SDK does not
 * know gives a job update whose status is UNKNOWN. A body without {@code job_id} is a
 * {@link dev.videojob.webhooks.WebhookParseException}. Immutable.
 */
public final class HiggsfieldWebhookFormat extends JsonWebhookFormat {
  /** The signature header. */
  public static final String SIGNATURE_HEADER = "x-api-signature";

  private HiggsfieldWebhookFormat() {
    super(Higgsfield.ID, SignatureScheme.hmacSha256Hex(SIGNATURE_HEADER));
  }

  /** @return the format; its scheme is {@code x-api-signature: <hex HMAC-SHA256 of the body>} */
  public static HiggsfieldWebhookFormat create() {
    return new HiggsfieldWebhookFormat();
  }

  @Override
  protected WebhookEvent parse(JsonNode n, byte[] body, WebhookHeaders headers, Instant receivedAt) {
    String jobId = Json.text(n, HiggsfieldApi.F_JOB_ID).orElseThrow(() -> refuse("the webhook body has no job_id"));
    String type = Json.text(n, HiggsfieldApi.F_STATUS).orElse("unknown");
    return WebhookEvent.builder(Higgsfield.ID, WebhookEvent.Kind.JOB_UPDATE, type)
        .snapshot(HiggsfieldJobs.toJob(n, WebhookBodies.text(body), jobId, receivedAt)).receivedAt(receivedAt).rawBody(body).build();
  }
}
