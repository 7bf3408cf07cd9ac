package dev.videojob.providers.creativeai;

import static dev.videojob.providers.support.AdapterHarness.fixture;
import static dev.videojob.providers.support.AdapterHarness.nodeHmacHex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.IdempotencyStore;
import dev.videojob.core.InMemoryIdempotencyStore;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookPipeline;
import dev.videojob.webhooks.WebhookRequest;
import dev.videojob.webhooks.WebhookResponse.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CreativeAiWebhookPipelineTest {
  static final String API_KEY = "cai_live_SECRET_1234";

  static WebhookRequest delivery(String body, String event) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return WebhookRequest.of(bytes, WebhookHeaders.of(Map.of("X-CreativeAI-Event", event,
        "X-CreativeAI-Delivery-Id", "vgen_abc123", "X-CreativeAI-Signature", "sha256=" + nodeHmacHex(API_KEY, bytes))));
  }

  @Test
  void twoStatusesOfOneGenerationAreTwoEventsAndARedeliveryIsADuplicate() {
    List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    try (IdempotencyStore store = InMemoryIdempotencyStore.builder().build();
        WebhookPipeline pipeline = WebhookPipeline.builder(CreativeAi.webhookFormat()).secret(API_KEY)
            .idempotencyStore(store).executor(Runnable::run).handler(handled::add).build()) {
      String completed = fixture("creativeai/webhook-completed.json");
      String rendering = completed.replace("\"status\": \"completed\"", "\"status\": \"rendering\"");

      assertThat(pipeline.receive(delivery(rendering, "video.generation.rendering")).outcome())
          .isEqualTo(Outcome.ACCEPTED);
      assertThat(pipeline.receive(delivery(completed, "video.generation.completed")).outcome())
          .isEqualTo(Outcome.ACCEPTED);
      assertThat(pipeline.receive(delivery(completed, "video.generation.completed")).outcome())
          .isEqualTo(Outcome.DUPLICATE);
      assertThat(handled).hasSize(2);
    }
  }

  @Test
  void aDeliverySignedWithAnotherKeyIsRejected() {
    try (IdempotencyStore store = InMemoryIdempotencyStore.builder().build();
        WebhookPipeline pipeline = WebhookPipeline.builder(CreativeAi.webhookFormat()).secret("another-key")
            .idempotencyStore(store).executor(Runnable::run).handler(e -> { }).build()) {
      assertThat(pipeline.receive(delivery(fixture("creativeai/webhook-completed.json"), "video.generation.completed"))
          .outcome()).isEqualTo(Outcome.REJECTED);
    }
  }
}
