package dev.videojob.providers.creativeai;

import static dev.videojob.providers.support.AdapterHarness.fixtureBytes;
import static dev.videojob.providers.support.AdapterHarness.nodeHmacHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.AssetKind;
import dev.videojob.core.Cost;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookParseException;
import dev.videojob.webhooks.WebhookVerificationException;
import dev.videojob.webhooks.WebhookVerifier;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreativeAiWebhookFormatTest {
  static final String API_KEY = "cai_live_SECRET_1234";
  static final Instant NOW = Instant.parse("2026-03-10T14:23:02Z");
  final CreativeAiWebhookFormat format = CreativeAiWebhookFormat.create();

  static WebhookHeaders documentHeaders(byte[] body, String apiKey) {
    // The document's Node sample: createHmac('sha256', apiKey).update(rawBody).digest('hex'), sent as sha256=<hex>.
    return WebhookHeaders.of(Map.of(
        "Content-Type", "application/json",
        "X-CreativeAI-Event", "video.generation.completed",
        "X-CreativeAI-Delivery-Id", "vgen_abc123",
        "X-CreativeAI-Signature", "sha256=" + nodeHmacHex(apiKey, body)));
  }

  @Test
  void theDocumentsWebhookVerifiesWithTheApiKeyAndParsesToACompletedJob() {
    byte[] body = fixtureBytes("creativeai/webhook-completed.json");
    WebhookHeaders headers = documentHeaders(body, API_KEY);
    WebhookVerifier.builder(format.signatureScheme().orElseThrow()).secret(API_KEY).build().verify(body, headers);

    WebhookEvent event = format.parse(body, headers, NOW);

    assertThat(event.kind()).isEqualTo(WebhookEvent.Kind.JOB_UPDATE);
    assertThat(event.eventType()).isEqualTo("video.generation.completed");
    assertThat(event.deliveryId()).contains("vgen_abc123");
    assertThat(event.jobId()).contains("vgen_abc123");
    VideoJob job = event.snapshot().orElseThrow();
    assertThat(job.provider()).isEqualTo("creativeai");
    assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(job.rawStatus()).isEqualTo("completed");
    assertThat(job.output(AssetKind.MASTER).orElseThrow().url())
        .isEqualTo(URI.create("https://cdn.creativeai.run/output/video-abc123.mp4"));
    assertThat(job.cost()).contains(Cost.credits(BigDecimal.valueOf(3)));
    assertThat(job.failoverUsed()).isFalse();
    assertThat(job.completedAt()).contains(Instant.parse("2026-03-10T14:23:01Z"));
    assertThat(job.metadata()).containsEntry("model", "kling-v3");
    assertThat(job.observedAt()).isEqualTo(NOW);
  }

  @Test
  void rejectsTheWebhookSignedWithAnotherKey() {
    byte[] body = fixtureBytes("creativeai/webhook-completed.json");
    WebhookHeaders headers = documentHeaders(body, "another-key");

    assertThatThrownBy(() -> WebhookVerifier.builder(format.signatureScheme().orElseThrow()).secret(API_KEY).build()
        .verify(body, headers)).isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void rejectsTheDocumentsPlaceholderSignature() {
    byte[] body = fixtureBytes("creativeai/webhook-completed.json");
    WebhookHeaders headers = WebhookHeaders.of(Map.of("X-CreativeAI-Signature", "sha256=a1b2c3d4e5f6..."));

    assertThatThrownBy(() -> WebhookVerifier.builder(format.signatureScheme().orElseThrow()).secret(API_KEY).build()
        .verify(body, headers)).isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void theDeliveryIdIsTheJobIdSoItDoesNotIdentifyAnEvent() {
    assertThat(format.deliveryIdIdentifiesEvent()).isFalse();
  }

  @Test
  void aFailureWebhookCarriesTheErrorAndRefundContext() {
    byte[] body = ("{\"id\":\"vgen_abc123\",\"object\":\"video.generation\",\"status\":\"failed\","
        + "\"error\":{\"code\":\"timeout\",\"message\":\"Job exceeded maximum wait time\"},\"credits\":0}")
        .getBytes(StandardCharsets.UTF_8);

    WebhookEvent event = format.parse(body, WebhookHeaders.of(Map.of("X-CreativeAI-Event",
        "video.generation.failed", "X-CreativeAI-Delivery-Id", "vgen_abc123")), NOW);

    VideoJob job = event.snapshot().orElseThrow();
    assertThat(event.eventType()).isEqualTo("video.generation.failed");
    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(job.error().orElseThrow().code()).isEqualTo("timeout");
    assertThat(job.error().orElseThrow().retryable()).isTrue();
  }

  @Test
  void withoutTheEventHeaderTheTypeComesFromTheStatus() {
    byte[] body = fixtureBytes("creativeai/webhook-completed.json");

    WebhookEvent event = format.parse(body, WebhookHeaders.of(Map.of()), NOW);

    assertThat(event.eventType()).isEqualTo("video.generation.completed");
    assertThat(event.deliveryId()).isEmpty();
  }

  @Test
  void aGenerationsEventTypeComesFromItsSignedStatusNotFromTheUnsignedHeader() {
    byte[] body = fixtureBytes("creativeai/webhook-completed.json");

    WebhookEvent event = format.parse(body, WebhookHeaders.of(Map.of("X-CreativeAI-Event", "video.generation.failed")),
        NOW);

    assertThat(event.eventType()).isEqualTo("video.generation.completed");
    assertThat(event.snapshot().orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void aBlankDeliveryIdHeaderReadsAsNoDeliveryId() {
    byte[] body = fixtureBytes("creativeai/webhook-completed.json");

    WebhookEvent event = format.parse(body, WebhookHeaders.of(Map.of("X-CreativeAI-Delivery-Id", " ")), NOW);

    assertThat(event.deliveryId()).isEmpty();
    assertThat(event.jobId()).contains("vgen_abc123");
  }

  @Test
  void aGenerationWithoutAnIdIsAParseErrorEvenWhenTheDeliveryHeaderNamesOne() {
    byte[] body = "{\"object\":\"video.generation\",\"status\":\"completed\"}".getBytes(StandardCharsets.UTF_8);

    for (String delivery : new String[] {"vgen_abc123", "", " "}) {
      assertThatThrownBy(() -> format.parse(body, WebhookHeaders.of(Map.of("X-CreativeAI-Event",
          "video.generation.completed", "X-CreativeAI-Delivery-Id", delivery)), NOW))
          .isInstanceOf(WebhookParseException.class).hasMessageContaining("id");
    }
  }

  @Test
  void anUnknownStatusInAGenerationIsAJobUpdateWithUnknownStatus() {
    byte[] body = "{\"id\":\"vgen_1\",\"object\":\"video.generation\",\"status\":\"upscaling\"}"
        .getBytes(StandardCharsets.UTF_8);

    WebhookEvent event = format.parse(body, WebhookHeaders.of(Map.of("X-CreativeAI-Event",
        "video.generation.upscaling")), NOW);

    assertThat(event.snapshot().orElseThrow().status()).isEqualTo(JobStatus.UNKNOWN);
    assertThat(event.snapshot().orElseThrow().rawStatus()).isEqualTo("upscaling");
  }

  @Test
  void anEventThatIsNotAGenerationIsOfKindUnknown() {
    byte[] body = "{\"account\":\"acc_1\",\"balance\":12}".getBytes(StandardCharsets.UTF_8);

    WebhookEvent event = format.parse(body, WebhookHeaders.of(Map.of("X-CreativeAI-Event", "account.low_balance")), NOW);

    assertThat(event.kind()).isEqualTo(WebhookEvent.Kind.UNKNOWN);
    assertThat(event.eventType()).isEqualTo("account.low_balance");
    assertThat(event.snapshot()).isEmpty();
  }

  @Test
  void aBodyThatIsNotJsonIsAParseError() {
    assertThatThrownBy(() -> format.parse("ok".getBytes(StandardCharsets.UTF_8), WebhookHeaders.of(Map.of()), NOW))
        .isInstanceOf(WebhookParseException.class);
  }
}
