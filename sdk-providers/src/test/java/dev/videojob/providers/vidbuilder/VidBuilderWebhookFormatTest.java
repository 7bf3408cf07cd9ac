package dev.videojob.providers.vidbuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.InMemoryIdempotencyStore;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookParseException;
import dev.videojob.webhooks.WebhookPipeline;
import dev.videojob.webhooks.WebhookRequest;
import dev.videojob.webhooks.WebhookResponse;
import dev.videojob.webhooks.WebhookSecret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class VidBuilderWebhookFormatTest {
  private static final Instant RECEIVED = Instant.parse("2025-11-12T18:33:02Z");
  private final VidBuilderWebhookFormat format = VidBuilderWebhookFormat.unsigned();

  private WebhookEvent parse(VidBuilderWebhookFormat f, String json) {
    return f.parse(json.getBytes(StandardCharsets.UTF_8), WebhookHeaders.of(Map.of()), RECEIVED);
  }

  @Test
  void parsesTheStartedWebhookIntoARunningSnapshot() {
    WebhookEvent e = parse(format, VidBuilderHarness.fixture("webhook-started.json"));

    assertThat(e.kind()).isEqualTo(WebhookEvent.Kind.JOB_UPDATE);
    assertThat(e.eventType()).isEqualTo("started");
    assertThat(e.jobId()).contains("abc123def456");
    VideoJob job = e.snapshot().orElseThrow();
    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job.rawStatus()).isEqualTo("started");
    assertThat(job.metadata()).containsEntry("message", "Video generation started");
    assertThat(job.outputs()).isEmpty();
  }

  @Test
  void parsesTheCompletedWebhookIntoOutputsWithExpiryFromItsTimestamp() {
    WebhookEvent e = parse(format, VidBuilderHarness.fixture("webhook-completed.json"));

    VideoJob job = e.snapshot().orElseThrow();
    assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(job.progress().getAsDouble()).isEqualTo(1.0);
    assertThat(job.completedAt()).contains(Instant.parse("2025-11-12T18:33:00Z"));
    assertThat(job.metadata()).containsEntry("renderTime", "180s").containsEntry("scenes", "3")
        .containsEntry("reelsGenerated", "false").containsEntry("message", "Video generated successfully");
    assertThat(job.outputs()).hasSize(2);
    Asset s3 = job.outputs().get(0);
    assertThat(s3.url()).isEqualTo(URI.create("https://vidbuilder.s3.amazonaws.com/..."));
    assertThat(s3.expiresAt()).contains(Instant.parse("2025-11-19T18:33:00Z"));
    assertThat(s3.needsAuth()).isFalse();
    assertThat(s3.duration()).contains(Duration.ofSeconds(13));
    Asset download = job.outputs().get(1);
    assertThat(download.url()).isEqualTo(URI.create("https://backend.vidbuilder.ai/api/download/abc123def456"));
    assertThat(download.needsAuth()).isTrue();
  }

  @Test
  void resolvesTheDownloadAgainstTheAdaptersBaseUrl() throws Exception {
    try (VidBuilder vb = VidBuilder.builder().basicAuth("u", "p").baseUrl("https://vb.internal.example.com").build()) {
      VideoJob job = parse(vb.webhookFormat(), VidBuilderHarness.fixture("webhook-completed.json")).snapshot().orElseThrow();

      assertThat(job.outputs().get(1).url())
          .isEqualTo(URI.create("https://vb.internal.example.com/api/download/abc123def456"));
    }
  }

  @Test
  void usesTheReceiptTimeForExpiryWhenTheBodyHasNoTimestamp() {
    VideoJob job = parse(format, "{\"jobId\":\"j1\",\"status\":\"completed\",\"s3Upload\":{\"enabled\":true,"
        + "\"standard\":{\"signedUrl\":\"https://s3.example.com/j1.mp4?sig=x\",\"expiresIn\":\"24 hours\"}}}")
        .snapshot().orElseThrow();

    assertThat(job.outputs().get(0).expiresAt()).contains(RECEIVED.plus(Duration.ofHours(24)));
  }

  @Test
  void parsesReelsIntoReelAssets() {
    VideoJob job = parse(format, VidBuilderHarness.fixture("webhook-completed-with-reels.json")).snapshot().orElseThrow();

    assertThat(job.outputs()).extracting(Asset::kind).containsExactly(AssetKind.MASTER, AssetKind.REEL, AssetKind.MASTER);
    assertThat(job.outputs().get(1).attributes()).containsEntry("variant", "reels");
    assertThat(job.outputs().get(1).expiresAt()).contains(Instant.parse("2025-11-19T18:33:00Z"));
  }

  @Test
  void parsesATopLevelReelsArrayResolvingRelativeUrls() {
    VideoJob job = parse(format, "{\"jobId\":\"j1\",\"status\":\"completed\",\"reels\":[\"/api/download/j1-reel-1\","
        + "{\"url\":\"https://cdn.example.com/r2.mp4\"}]}").snapshot().orElseThrow();

    assertThat(job.outputs()).extracting(Asset::kind).containsExactly(AssetKind.REEL, AssetKind.REEL);
    assertThat(job.outputs().get(0).url()).isEqualTo(URI.create("https://backend.vidbuilder.ai/api/download/j1-reel-1"));
    assertThat(job.outputs().get(0).needsAuth()).isTrue();
    assertThat(job.outputs().get(1).needsAuth()).isFalse();
  }

  @Test
  void parsesTheFailedWebhookIntoAFailedSnapshotWithTheError() {
    VideoJob job = parse(format, VidBuilderHarness.fixture("webhook-failed.json")).snapshot().orElseThrow();

    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(job.completedAt()).contains(Instant.parse("2025-11-12T18:31:00Z"));
    assertThat(job.error()).hasValueSatisfying(err -> assertThat(err.message())
        .isEqualTo("Failed to render video: Out of memory"));
  }

  @Test
  void turnsAStatusNotInTheDocumentIntoAnUnknownEvent() {
    WebhookEvent e = parse(format, "{\"jobId\":\"j1\",\"status\":\"progress\",\"progress\":40}");

    assertThat(e.kind()).isEqualTo(WebhookEvent.Kind.UNKNOWN);
    assertThat(e.jobId()).contains("j1");
  }

  @Test
  void rejectsBodiesWithoutStatusOrJobIdOrThatAreNotJson() {
    assertThatThrownBy(() -> parse(format, "{\"jobId\":\"j1\"}")).isInstanceOf(WebhookParseException.class);
    assertThatThrownBy(() -> parse(format, "{\"status\":\"completed\"}")).isInstanceOf(WebhookParseException.class);
    assertThatThrownBy(() -> parse(format, "[1,2]")).isInstanceOf(WebhookParseException.class);
  }

  @Test
  void unsignedFormatHasNoSchemeAndSignedOneUsesTheWebhookSignatureHeader() {
    assertThat(VidBuilderWebhookFormat.unsigned().signatureScheme()).isEmpty();
    assertThat(VidBuilderWebhookFormat.signed().signatureScheme()).hasValueSatisfying(
        s -> assertThat(s.name()).containsIgnoringCase("x-webhook-signature"));
  }

  @Test
  void unsignedFormatNeedsCallbackTokensInThePipeline() {
    assertThatThrownBy(() -> WebhookPipeline.builder(format).idempotencyStore(InMemoryIdempotencyStore.builder().build())
        .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("callbackTokens");
  }

  @Test
  void signedPipelineAcceptsTheRightSignatureAndRejectsAnother() {
    String secret = "vidbuilder-shared-secret";
    byte[] body = VidBuilderHarness.fixture("webhook-completed.json").getBytes(StandardCharsets.UTF_8);
    SignatureScheme scheme = VidBuilderWebhookFormat.signed().signatureScheme().orElseThrow();
    Map<String, String> good = scheme.sign(body, WebhookSecret.of(secret), null, RECEIVED);
    Map<String, String> bad = scheme.sign(body, WebhookSecret.of("another-secret-entirely"), null, RECEIVED);
    List<WebhookEvent> handled = new CopyOnWriteArrayList<>();

    try (WebhookPipeline p = WebhookPipeline.builder(VidBuilderWebhookFormat.signed()).secret(secret)
        .idempotencyStore(InMemoryIdempotencyStore.builder().build()).executor(Runnable::run).handler(handled::add)
        .build()) {
      assertThat(good).containsKey("x-webhook-signature");
      assertThat(p.receive(WebhookRequest.of(body, WebhookHeaders.of(bad))).outcome())
          .isEqualTo(WebhookResponse.Outcome.REJECTED);
      assertThat(p.receive(WebhookRequest.of(body, WebhookHeaders.of(good))).outcome())
          .isEqualTo(WebhookResponse.Outcome.ACCEPTED);
      assertThat(p.receive(WebhookRequest.of(body, WebhookHeaders.of(good))).outcome())
          .isEqualTo(WebhookResponse.Outcome.DUPLICATE);
    }
    assertThat(handled).singleElement().satisfies(e -> assertThat(e.snapshot().orElseThrow().status())
        .isEqualTo(JobStatus.SUCCEEDED));
  }
}
