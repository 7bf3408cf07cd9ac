package dev.videojob.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookFormat;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A made-up provider's webhook format, built the way the adapters build theirs: body
 * {@code {"event":"job.completed","job_id":"j1","status":"completed"}}, delivery id in {@code X-Shop-Delivery},
 * signature {@code X-Shop-Signature: sha256=<hex>}.
 */
final class ShopFormat implements WebhookFormat {
  static final String PROVIDER = "shop";
  static final String SECRET = "shop-signing-secret";
  static final SignatureScheme SCHEME = SignatureScheme.hmacSha256Hex("X-Shop-Signature", "sha256=");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, JobStatus> EVENTS = Map.of("job.running", JobStatus.RUNNING,
      "job.completed", JobStatus.SUCCEEDED, "job.failed", JobStatus.FAILED);

  static String body(String event, String jobId, String status) {
    return "{\"event\":\"" + event + "\",\"job_id\":\"" + jobId + "\",\"status\":\"" + status + "\"}";
  }

  /** @return the headers of a genuine delivery of this body */
  static Map<String, String> signedHeaders(byte[] body, String deliveryId) {
    Map<String, String> headers = new HashMap<>(dev.videojob.webhooks.WebhookSigner.of(SCHEME, SECRET).sign(body));
    if (deliveryId != null) headers.put("X-Shop-Delivery", deliveryId);
    return headers;
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public Optional<SignatureScheme> signatureScheme() {
    return Optional.of(SCHEME);
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
    String delivery = headers.first("X-Shop-Delivery").orElse(null);
    JobStatus status = EVENTS.get(event);
    if (status == null) {
      return WebhookEvent.builder(PROVIDER, WebhookEvent.Kind.UNKNOWN, event).deliveryId(delivery)
          .receivedAt(receivedAt).rawBody(body).build();
    }
    JsonNode jobId = root.get("job_id");
    if (jobId == null || !jobId.isTextual() || jobId.asText().isBlank()) {
      throw new WebhookParseException(PROVIDER, "Webhook body has no job_id", null);
    }
    VideoJob snapshot = VideoJob.builder(PROVIDER, jobId.asText(), status).rawStatus(root.path("status").asText(event))
        .observedAt(receivedAt).rawJson(new String(body, StandardCharsets.UTF_8)).build();
    return WebhookEvent.builder(PROVIDER, WebhookEvent.Kind.JOB_UPDATE, event).deliveryId(delivery)
        .snapshot(snapshot).receivedAt(receivedAt).rawBody(body).build();
  }
}
