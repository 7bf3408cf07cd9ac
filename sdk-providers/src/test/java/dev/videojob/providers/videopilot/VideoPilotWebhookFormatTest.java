package dev.videojob.providers.videopilot;

import static dev.videojob.providers.support.AdapterHarness.fixture;
import static dev.videojob.providers.support.AdapterHarness.nodeHmacHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.AssetKind;
import dev.videojob.core.ErrorCategory;
import dev.videojob.core.JobStatus;
import dev.videojob.core.SubJob;
import dev.videojob.core.VideoJob;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookParseException;
import dev.videojob.webhooks.WebhookVerificationException;
import dev.videojob.webhooks.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoPilotWebhookFormatTest {
  static final String SECRET = "vp_whsec_SECRET";
  static final Instant NOW = Instant.parse("2024-01-15T10:45:01Z");
  final VideoPilotWebhookFormat format = VideoPilotWebhookFormat.create();

  /** The document's sample: 'sha256=' + createHmac('sha256', secret).update(payload, 'utf8').digest('hex'). */
  static WebhookHeaders signed(String payload, String secret) {
    return WebhookHeaders.of(Map.of("X-VideoPilot-Signature",
        "sha256=" + nodeHmacHex(secret, payload.getBytes(StandardCharsets.UTF_8))));
  }

  WebhookEvent verifyAndParse(String fixtureName) {
    String payload = fixture("videopilot/" + fixtureName);
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    WebhookHeaders headers = signed(payload, SECRET);
    WebhookVerifier.builder(format.signatureScheme().orElseThrow()).secret(SECRET).build().verify(body, headers);
    return format.parse(body, headers, NOW);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", value = {
      "webhook-video-script-ready.json,      video.script_ready,      RUNNING,   script_ready, script_ready, video_123abc",
      "webhook-video-media-ready.json,       video.media_ready,       RUNNING,   media_ready,  media_ready,  video_123abc",
      "webhook-video-generation-failed.json, video.generation_failed, FAILED,    failed,       failed,       video_123abc",
      "webhook-render-started.json,          render.started,          RUNNING,   rendering,    processing,   video_123abc~render_789xyz",
      "webhook-render-completed.json,        render.completed,        SUCCEEDED, completed,    completed,    video_123abc~render_789xyz",
      "webhook-render-failed.json,           render.failed,           FAILED,    failed,       failed,       video_123abc~render_789xyz"})
  void everyDocumentedEventVerifiesAndParses(String file, String event, JobStatus status, String phase, String raw,
      String jobId) {
    WebhookEvent e = verifyAndParse(file);

    assertThat(e.kind()).isEqualTo(WebhookEvent.Kind.JOB_UPDATE);
    assertThat(e.eventType()).isEqualTo(event);
    VideoJob job = e.snapshot().orElseThrow();
    assertThat(job.provider()).isEqualTo("videopilot");
    assertThat(job.id()).isEqualTo(jobId);
    assertThat(job.status()).isEqualTo(status);
    assertThat(job.phase()).contains(phase);
    assertThat(job.rawStatus()).isEqualTo(raw);
    assertThat(job.metadata()).containsEntry("video_id", "video_123abc");
  }

  @Test
  void scriptReadyCarriesTitleAndSceneCount() {
    VideoJob job = verifyAndParse("webhook-video-script-ready.json").snapshot().orElseThrow();

    assertThat(job.metadata()).containsEntry("title", "Space Discovery").containsEntry("scene_count", "8");
    assertThat(job.progress()).hasValue(0.25);
  }

  @Test
  void mediaReadyCarriesTheTotalDuration() {
    VideoJob job = verifyAndParse("webhook-video-media-ready.json").snapshot().orElseThrow();

    assertThat(job.metadata()).containsEntry("total_duration", "87.5").containsEntry("scenes_with_images", "8")
        .containsEntry("scenes_with_audio", "8").containsEntry("title", "Space Discovery");
  }

  @Test
  void generationFailedCarriesTheErrorAndFailedStep() {
    VideoJob job = verifyAndParse("webhook-video-generation-failed.json").snapshot().orElseThrow();

    assertThat(job.error().orElseThrow().message()).isEqualTo("Image generation failed for scene 3");
    assertThat(job.error().orElseThrow().step()).contains("image_generation");
    assertThat(job.completedAt()).contains(Instant.parse("2024-01-15T10:25:00Z"));
  }

  @Test
  void renderStartedCarriesTheRenderJobAndEstimate() {
    VideoJob job = verifyAndParse("webhook-render-started.json").snapshot().orElseThrow();

    assertThat(job.subJobs()).containsExactly(new SubJob("render", "render_789xyz"));
    assertThat(job.estimatedTimeRemaining()).contains(Duration.ofSeconds(180));
    assertThat(job.metadata()).containsEntry("quality", "high");
  }

  @Test
  void renderCompletedCarriesTheVideoWithDurationAndSize() {
    VideoJob job = verifyAndParse("webhook-render-completed.json").snapshot().orElseThrow();

    var master = job.output(AssetKind.MASTER).orElseThrow();
    assertThat(master.url().toString()).isEqualTo("https://cdn.videopilot.app/videos/video_123abc_high.mp4");
    assertThat(master.duration()).contains(Duration.ofMillis(87500));
    assertThat(master.sizeBytes()).hasValue(25690112L);
    assertThat(master.attributes()).containsEntry("quality", "high");
    assertThat(job.completedAt()).contains(Instant.parse("2024-01-15T10:43:30Z"));
  }

  @Test
  void renderFailedIsATimeout() {
    VideoJob job = verifyAndParse("webhook-render-failed.json").snapshot().orElseThrow();

    assertThat(job.error().orElseThrow().category()).isEqualTo(ErrorCategory.TIMEOUT);
    assertThat(job.error().orElseThrow().message()).isEqualTo("Rendering timeout after 300 seconds");
  }

  @Test
  void rejectsAnEventSignedWithAnotherSecret() {
    String payload = fixture("videopilot/webhook-render-completed.json");

    assertThatThrownBy(() -> WebhookVerifier.builder(format.signatureScheme().orElseThrow()).secret(SECRET).build()
        .verify(payload.getBytes(StandardCharsets.UTF_8), signed(payload, "other")))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void rejectsASignatureWithoutItsPrefix() {
    String payload = fixture("videopilot/webhook-render-completed.json");
    WebhookHeaders bare = WebhookHeaders.of(Map.of("X-VideoPilot-Signature",
        nodeHmacHex(SECRET, payload.getBytes(StandardCharsets.UTF_8))));

    assertThatThrownBy(() -> WebhookVerifier.builder(format.signatureScheme().orElseThrow()).secret(SECRET).build()
        .verify(payload.getBytes(StandardCharsets.UTF_8), bare)).isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void anUnknownEventIsOfKindUnknown() {
    byte[] body = "{\"event\":\"video.deleted\",\"data\":{\"video_id\":\"video_1\"}}".getBytes(StandardCharsets.UTF_8);

    WebhookEvent e = format.parse(body, WebhookHeaders.of(Map.of()), NOW);

    assertThat(e.kind()).isEqualTo(WebhookEvent.Kind.UNKNOWN);
    assertThat(e.jobId()).contains("video_1");
  }

  @Test
  void aBodyWithoutEventIsAParseError() {
    assertThatThrownBy(() -> format.parse("{\"data\":{}}".getBytes(StandardCharsets.UTF_8),
        WebhookHeaders.of(Map.of()), NOW)).isInstanceOf(WebhookParseException.class);
  }

  @Test
  void aKnownEventWithoutVideoIdIsAParseError() {
    assertThatThrownBy(() -> format.parse("{\"event\":\"render.completed\",\"data\":{}}"
        .getBytes(StandardCharsets.UTF_8), WebhookHeaders.of(Map.of()), NOW)).isInstanceOf(WebhookParseException.class);
  }
}
