package dev.videojob.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videojob.core.Cost;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A made-up provider's webhook format, built the way provider adapters build theirs: body
 * {@code {"event":"job.completed","job_id":"j1","status":"completed"}}, delivery id in
 * {@code X-Acme-Delivery}, signature {@code X-Acme-Signature: sha256=<hex>} (or none). Like the
 * adapters, it reads {@code completed_at} (epoch seconds) and {@code credits} with the JDK's own
 * conversions, which throw on values out of range.
 */
final class AcmeFormat implements WebhookFormat {
  static final String PROVIDER = "acme";
  static final SignatureScheme SCHEME = SignatureScheme.hmacSha256Hex("X-Acme-Signature", "sha256=");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, JobStatus> EVENTS = Map.of("job.queued", JobStatus.QUEUED,
      "job.running", JobStatus.RUNNING, "job.completed", JobStatus.SUCCEEDED, "job.failed", JobStatus.FAILED);

  private final boolean signed;
  private final boolean deliveryIdIdentifiesEvent;

  private AcmeFormat(boolean signed, boolean deliveryIdIdentifiesEvent) {
    this.signed = signed;
    this.deliveryIdIdentifiesEvent = deliveryIdIdentifiesEvent;
  }

  static AcmeFormat signed() {
    return new AcmeFormat(true, true);
  }

  static AcmeFormat unsigned() {
    return new AcmeFormat(false, true);
  }

  /** Like CreativeAI: the delivery id is the job id. */
  static AcmeFormat signedWithJobIdAsDeliveryId() {
    return new AcmeFormat(true, false);
  }

  static String body(String event, String jobId, String status) {
    return "{\"event\":\"" + event + "\",\"job_id\":\"" + jobId + "\",\"status\":\"" + status + "\"}";
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public Optional<SignatureScheme> signatureScheme() {
    return signed ? Optional.of(SCHEME) : Optional.empty();
  }

  @Override
  public boolean deliveryIdIdentifiesEvent() {
    return deliveryIdIdentifiesEvent;
  }

  @Override
  public WebhookEvent parse(byte[] body, WebhookHeaders headers, Instant receivedAt) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new WebhookParseException(PROVIDER, "Webhook body is not JSON", e);
    }
    if (root == null || !root.isObject()) throw new WebhookParseException(PROVIDER, "Webhook body is not a JSON object", null);
    String event = root.path("event").asText("");
    if (event.isEmpty()) throw new WebhookParseException(PROVIDER, "Webhook body has no event", null);
    String delivery = headers.first("X-Acme-Delivery").orElse(null);
    JobStatus status = EVENTS.get(event);
    if (status == null) {
      return WebhookEvent.builder(PROVIDER, WebhookEvent.Kind.UNKNOWN, event).deliveryId(delivery)
          .jobId(root.path("job_id").isTextual() ? root.get("job_id").asText() : null)
          .receivedAt(receivedAt).rawBody(body).build();
    }
    JsonNode jobId = root.get("job_id");
    if (jobId == null || !jobId.isTextual() || jobId.asText().isBlank()) {
      throw new WebhookParseException(PROVIDER, "Webhook body has no job_id", null);
    }
    VideoJob.Builder snapshot = VideoJob.builder(PROVIDER, jobId.asText(), status)
        .rawStatus(root.path("status").asText(event)).observedAt(receivedAt)
        .rawJson(new String(body, StandardCharsets.UTF_8));
    JsonNode completedAt = root.get("completed_at");
    if (completedAt != null && completedAt.isNumber()) snapshot.completedAt(Instant.ofEpochSecond(completedAt.asLong()));
    JsonNode credits = root.get("credits");
    if (credits != null && credits.isNumber()) snapshot.cost(Cost.credits(credits.decimalValue()));
    return WebhookEvent.builder(PROVIDER, WebhookEvent.Kind.JOB_UPDATE, event).deliveryId(delivery)
        .snapshot(snapshot.build()).receivedAt(receivedAt).rawBody(body).build();
  }
}
