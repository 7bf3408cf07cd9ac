package dev.videojob.providers.videopilot;

import static dev.videojob.providers.support.AdapterHarness.fixture;
import static dev.videojob.providers.support.AdapterHarness.nodeHmacHex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.AssetKind;
import dev.videojob.core.IdempotencyStore;
import dev.videojob.core.InMemoryIdempotencyStore;
import dev.videojob.core.JobRef;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import dev.videojob.providers.support.AdapterHarness;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookPipeline;
import dev.videojob.webhooks.WebhookRequest;
import dev.videojob.webhooks.WebhookResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VideoPilotWebhookPipelineTest {
  static final String SECRET = "vp_whsec_SECRET";

  static WebhookRequest signed(String payload) {
    return WebhookRequest.of(payload.getBytes(StandardCharsets.UTF_8), WebhookHeaders.of(Map.of(
        "X-VideoPilot-Signature", "sha256=" + nodeHmacHex(SECRET, payload.getBytes(StandardCharsets.UTF_8)))));
  }

  @Test
  void aVerifiedRenderCompletedWebhookEndsThePendingWaitForTheSubmittedJob() throws Exception {
    try (AdapterHarness h = new AdapterHarness(base -> VideoPilot.builder().apiKey("k").baseUrl(base).build(), true);
        IdempotencyStore store = InMemoryIdempotencyStore.builder().build();
        WebhookPipeline pipeline = WebhookPipeline.builder(VideoPilotWebhookFormat.create()).secret(SECRET)
            .idempotencyStore(store).executor(Runnable::run).handler(e -> { })
            .onVerifiedSnapshot(h.client::acceptSnapshot).build()) {
      h.enqueue(200, "{\"_id\":\"render_789xyz\",\"status\":\"processing\"}");
      CompletableFuture<VideoJob> wait = h.client.awaitAsync(JobRef.of("videopilot", "video_123abc~render_789xyz"),
          Duration.ofHours(1));
      h.sleeper.awaitPending(1);

      WebhookResponse r = pipeline.receive(signed(fixture("videopilot/webhook-render-completed.json")));

      assertThat(r.outcome()).isEqualTo(WebhookResponse.Outcome.ACCEPTED);
      VideoJob done = wait.get(10, TimeUnit.SECONDS);
      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(done.output(AssetKind.MASTER)).isPresent();
      assertThat(h.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void aRedeliveredEventIsDroppedAsADuplicate() throws Exception {
    try (IdempotencyStore store = InMemoryIdempotencyStore.builder().build();
        WebhookPipeline pipeline = WebhookPipeline.builder(VideoPilotWebhookFormat.create()).secret(SECRET)
            .idempotencyStore(store).executor(Runnable::run).handler(e -> { }).build()) {
      String payload = fixture("videopilot/webhook-video-media-ready.json");

      assertThat(pipeline.receive(signed(payload)).outcome()).isEqualTo(WebhookResponse.Outcome.ACCEPTED);
      assertThat(pipeline.receive(signed(payload)).outcome()).isEqualTo(WebhookResponse.Outcome.DUPLICATE);
    }
  }
}
