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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CreativeAiWebhookPipelineTest {
  static final String API_KEY = "cai_live_SECRET_1234";

  static WebhookRequest delivery(String body, String event) {
    return delivery(body, Map.of("X-CreativeAI-Event", event, "X-CreativeAI-Delivery-Id", "vgen_abc123"));
  }

  @Test
  void twoStatusesOfOneGenerationAreTwoEventsAndARedeliveryIsADuplicate() {
    List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    try (IdempotencyStore store = InMemoryIdempotencyStore.builder().build();
        WebhookPipeline pipeline = WebhookPipeline.builder(CreativeAiWebhookFormat.create()).secret(API_KEY)
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

  static WebhookRequest delivery(String body, Map<String, String> unsignedHeaders) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>(unsignedHeaders);
    headers.put("X-CreativeAI-Signature", "sha256=" + nodeHmacHex(API_KEY, bytes));
    return WebhookRequest.of(bytes, WebhookHeaders.of(headers));
  }

  static WebhookPipeline pipeline(IdempotencyStore store, List<WebhookEvent> handled) {
    return WebhookPipeline.builder(CreativeAiWebhookFormat.create()).secret(API_KEY).idempotencyStore(store)
        .executor(Runnable::run).handler(handled::add).build();
  }

  @Test
  void duplicateWithChangedEventHeaderIsDropped() {
    List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    try (IdempotencyStore store = InMemoryIdempotencyStore.builder().build();
        WebhookPipeline pipeline = pipeline(store, handled)) {
      String completed = fixture("creativeai/webhook-completed.json");

      assertThat(pipeline.receive(delivery(completed, "video.generation.completed")).outcome())
          .isEqualTo(Outcome.ACCEPTED);
      for (String replayed : List.of("VIDEO.GENERATION.COMPLETED", "Video.Generation.Completed",
          "video.generation.failed", "video.generation.completed ", "anything.else")) {
        assertThat(pipeline.receive(delivery(completed, replayed)).outcome()).as(replayed).isEqualTo(Outcome.DUPLICATE);
      }
      assertThat(pipeline.receive(delivery(completed, Map.of())).outcome()).isEqualTo(Outcome.DUPLICATE);
      assertThat(handled).singleElement()
          .satisfies(e -> assertThat(e.eventType()).isEqualTo("video.generation.completed"));
    }
  }

  @Test
  void duplicateWithChangedDeliveryIdHeaderIsDropped() {
    List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    try (IdempotencyStore store = InMemoryIdempotencyStore.builder().build();
        WebhookPipeline pipeline = pipeline(store, handled)) {
      String completed = fixture("creativeai/webhook-completed.json");

      assertThat(pipeline.receive(delivery(completed, Map.of("X-CreativeAI-Delivery-Id", "vgen_abc123"))).outcome())
          .isEqualTo(Outcome.ACCEPTED);
      assertThat(pipeline.receive(delivery(completed, Map.of("X-CreativeAI-Delivery-Id", "vgen_other"))).outcome())
          .isEqualTo(Outcome.DUPLICATE);
      assertThat(handled).hasSize(1);
    }
  }

  @Test
  void aGenerationWithoutAnIdInItsSignedBodyIsMalformedWhateverTheDeliveryHeaderSays() {
    List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    try (IdempotencyStore store = InMemoryIdempotencyStore.builder().build();
        WebhookPipeline pipeline = pipeline(store, handled)) {
      String noId = "{\"object\":\"video.generation\",\"status\":\"completed\"}";

      assertThat(pipeline.receive(delivery(noId, Map.of("X-CreativeAI-Event", "video.generation.completed",
          "X-CreativeAI-Delivery-Id", "vgen_victim"))).outcome()).isEqualTo(Outcome.MALFORMED);
      assertThat(pipeline.receive(delivery(noId, Map.of("X-CreativeAI-Event", "video.generation.completed",
          "X-CreativeAI-Delivery-Id", " "))).outcome()).isEqualTo(Outcome.MALFORMED);
      assertThat(handled).isEmpty();
    }
  }

  @Test
  void aBlankDeliveryIdHeaderIsIgnored() {
    List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    try (IdempotencyStore store = InMemoryIdempotencyStore.builder().build();
        WebhookPipeline pipeline = pipeline(store, handled)) {
      WebhookRequest blank = delivery(fixture("creativeai/webhook-completed.json"),
          Map.of("X-CreativeAI-Event", "video.generation.completed", "X-CreativeAI-Delivery-Id", "  "));

      assertThat(pipeline.receive(blank).outcome()).isEqualTo(Outcome.ACCEPTED);
      assertThat(handled).singleElement().satisfies(e -> {
        assertThat(e.deliveryId()).isEmpty();
        assertThat(e.jobId()).contains("vgen_abc123");
      });
    }
  }

  @Test
  void aDeliverySignedWithAnotherKeyIsRejected() {
    try (IdempotencyStore store = InMemoryIdempotencyStore.builder().build();
        WebhookPipeline pipeline = WebhookPipeline.builder(CreativeAiWebhookFormat.create()).secret("another-key")
            .idempotencyStore(store).executor(Runnable::run).handler(e -> { }).build()) {
      assertThat(pipeline.receive(delivery(fixture("creativeai/webhook-completed.json"), "video.generation.completed"))
          .outcome()).isEqualTo(Outcome.REJECTED);
    }
  }
}
