package dev.videojob.providers.videopilot;

import static dev.videojob.providers.support.AdapterHarness.bodyJson;
import static dev.videojob.providers.support.AdapterHarness.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.core.AspectRatio;
import dev.videojob.core.AssetKind;
import dev.videojob.core.AuthenticationException;
import dev.videojob.core.ErrorCategory;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.JobFailedException;
import dev.videojob.core.JobRef;
import dev.videojob.core.JobStatus;
import dev.videojob.core.OutcomeUnknownException;
import dev.videojob.core.QuotaExceededException;
import dev.videojob.core.SubJob;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.support.Mode;
import dev.videojob.core.spi.VideoProvider;
import dev.videojob.providers.support.AdapterHarness;
import dev.videojob.providers.support.ProviderContract;
import java.net.URI;
import java.time.Duration;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VideoPilotContractTest extends ProviderContract {
  static final String KEY = "vp_live_SECRET_5555";
  static final String JOB_ID = "video_123abc~render_789xyz";
  static final JobRef REF = JobRef.of("videopilot", JOB_ID);

  static AdapterHarness harness() throws Exception {
    return new AdapterHarness(base -> VideoPilot.builder().apiKey(KEY).baseUrl(base).build());
  }

  static VideoRequest.Builder requestBuilder() {
    return VideoRequest.builder().prompt("A journey through the cosmos").style("cinematic")
        .duration(Duration.ofSeconds(90)).aspectRatio(AspectRatio.LANDSCAPE_16_9).quality("high")
        .callbackUrl(URI.create("https://app.example.com/webhooks/videopilot"))
        .extension(VideoPilotOptions.builder().voice("narrator_female").priority(7).build());
  }

  @Override
  protected VideoProvider adapter(String baseUrl) {
    return VideoPilot.builder().apiKey(KEY).baseUrl(baseUrl).build();
  }

  @Override
  protected VideoRequest request() {
    return requestBuilder().build();
  }

  @Override
  protected JobRef ref() {
    return REF;
  }

  @Override
  protected void enqueueSubmission(AdapterHarness h) {
    h.enqueue(201, fixture("videopilot/draft-response.json"));
    h.enqueue(200, fixture("videopilot/generate-scenes-response.json"));
    h.enqueue(202, fixture("videopilot/render-response.json"));
  }

  @Override
  protected void enqueueRunToSuccess(AdapterHarness h) {
    h.enqueue(200, runningStatus());
    h.enqueue(200, "{\"_id\":\"render_789xyz\",\"status\":\"completed\","
        + "\"output_url\":\"https://cdn.videopilot.app/videos/video_123abc_high.mp4\"}");
  }

  @Override
  protected String runningStatus() {
    return "{\"_id\":\"render_789xyz\",\"status\":\"processing\",\"progress\":40}";
  }

  @Override
  protected String failedStatus() {
    return "{\"_id\":\"render_789xyz\",\"status\":\"failed\",\"error\":\"Rendering timeout after 300 seconds\"}";
  }

  @Override
  protected String refusedKeyBody() {
    return "{\"error\":\"Unauthorized\",\"message\":\"Invalid API key\",\"code\":\"INVALID_API_KEY\"}";
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void submitDrivesDraftScenesAndRenderAsOneJob(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      enqueueSubmission(h);

      VideoJob job = mode.submit(h.client, requestBuilder().build());

      RecordedRequest draft = h.take();
      assertThat(draft.getMethod()).isEqualTo("POST");
      assertThat(draft.getTarget()).isEqualTo("/api/videos");
      assertThat(draft.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
      JsonNode d = bodyJson(draft);
      assertThat(d.get("prompt").asText()).isEqualTo("A journey through the cosmos");
      assertThat(d.get("style").asText()).isEqualTo("cinematic");
      assertThat(d.get("voiceType").asText()).isEqualTo("narrator_female");
      assertThat(d.get("duration").asInt()).isEqualTo(90);
      assertThat(d.get("orientation").asText()).isEqualTo("landscape");
      assertThat(d.size()).isEqualTo(5);

      RecordedRequest scenes = h.take();
      assertThat(scenes.getMethod()).isEqualTo("POST");
      assertThat(scenes.getTarget()).isEqualTo("/api/videos/video_123abc/generate-scenes");
      assertThat(scenes.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);

      RecordedRequest render = h.take();
      assertThat(render.getMethod()).isEqualTo("POST");
      assertThat(render.getTarget()).isEqualTo("/api/queue/render");
      assertThat(render.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
      JsonNode r = bodyJson(render);
      assertThat(r.get("video_id").asText()).isEqualTo("video_123abc");
      assertThat(r.get("quality").asText()).isEqualTo("high");
      assertThat(r.get("priority").asInt()).isEqualTo(7);
      assertThat(r.get("webhook_url").asText()).isEqualTo("https://app.example.com/webhooks/videopilot");
      assertThat(r.size()).isEqualTo(4);

      assertThat(job.id()).isEqualTo(JOB_ID);
      assertThat(VideoPilotJobId.parse(job.id()).videoId()).isEqualTo("video_123abc");
      assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
      assertThat(job.rawStatus()).isEqualTo("pending");
      assertThat(job.estimatedTimeRemaining()).contains(Duration.ofSeconds(180));
      assertThat(job.subJobs()).containsExactly(new SubJob("scene", "scene_job_1"), new SubJob("scene", "scene_job_2"),
          new SubJob("scene", "scene_job_3"), new SubJob("render", "render_789xyz"));
      assertThat(job.metadata()).containsEntry("video_id", "video_123abc");
    }
  }

  @Test
  void theOrientationCanBeGivenThroughTheOptions() throws Exception {
    try (AdapterHarness h = harness()) {
      enqueueSubmission(h);

      h.client.submit(VideoRequest.builder().prompt("p")
          .extension(VideoPilotOptions.builder().orientation("portrait").build()).build());

      assertThat(bodyJson(h.take()).get("orientation").asText()).isEqualTo("portrait");
    }
  }

  @Test
  void refusesAnOrientationGivenTwiceBeforeAnyCall() throws Exception {
    try (AdapterHarness h = harness()) {
      VideoRequest r = VideoRequest.builder().prompt("p").aspectRatio(AspectRatio.PORTRAIT_9_16)
          .extension(VideoPilotOptions.builder().orientation("portrait").build()).build();

      assertThatThrownBy(() -> h.client.submit(r))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("orientation"));
      assertThat(h.requestCount()).isZero();
    }
  }

  @Test
  void refusesAPriorityOutsideOneToTenBeforeAnyCall() throws Exception {
    try (AdapterHarness h = harness()) {
      VideoRequest r = VideoRequest.builder().prompt("p").extension(VideoPilotOptions.builder().priority(11).build())
          .build();

      assertThatThrownBy(() -> h.client.submit(r))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("priority"));
      assertThat(h.requestCount()).isZero();
    }
  }

  @Test
  void refusesAnAspectRatioWithoutAnOrientationBeforeAnyCall() throws Exception {
    try (AdapterHarness h = harness()) {
      assertThatThrownBy(() -> h.client.submit(VideoRequest.builder().prompt("p").aspectRatio(AspectRatio.CINEMA_21_9)
          .build())).isInstanceOfSatisfying(InvalidRequestException.class,
              e -> assertThat(e.field()).contains("aspectRatio"));
      assertThat(h.requestCount()).isZero();
    }
  }

  @Test
  void refusesMetadataWhichVideoPilotDoesNotTakeBeforeAnyCall() throws Exception {
    try (AdapterHarness h = harness()) {
      assertThatThrownBy(() -> h.client.submit(VideoRequest.builder().prompt("p").metadata("k", "v").build()))
          .isInstanceOf(InvalidRequestException.class);
      assertThat(h.requestCount()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRejectedDraftCarriesTheProvidersErrorMessageAndCode(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(400, "{\"error\":\"Validation Error\",\"message\":\"Prompt is too short\",\"code\":\"INVALID_PROMPT\"}");

      assertThatThrownBy(() -> mode.submit(h.client, requestBuilder().build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.providerCode()).contains("INVALID_PROMPT");
            assertThat(e.providerMessage()).contains("Prompt is too short");
          });
      assertThat(h.requestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aStepFailingAfterTheDraftKeepsItsTypeNamesTheDraftVideoAndStopsTheChain(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(201, fixture("videopilot/draft-response.json"));
      h.enqueue(409, "{\"error\":\"Conflict\",\"message\":\"Script not ready\",\"code\":\"SCRIPT_PENDING\"}");

      assertThatThrownBy(() -> mode.submit(h.client, requestBuilder().build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.getMessage()).contains("video_123abc").contains("generate-scenes");
            assertThat(e.providerCode()).contains("SCRIPT_PENDING");
            assertThat(e.idempotencyKey()).isPresent();
            assertThat(e.nothingCreated()).as("a draft exists").isFalse();
          });
      assertThat(h.requestCount()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aQuotaErrorAtTheRenderStepIsStillAQuotaError(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(201, fixture("videopilot/draft-response.json"));
      h.enqueue(200, fixture("videopilot/generate-scenes-response.json"));
      h.enqueue(402, "{\"error\":\"Payment Required\",\"message\":\"No render credits left\",\"code\":\"NO_CREDITS\"}");

      assertThatThrownBy(() -> mode.submit(h.client, requestBuilder().build()))
          .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
            assertThat(e.getMessage()).contains("video_123abc").contains("render").contains("No render credits left")
                .contains("no render was started");
            assertThat(e.httpStatus()).hasValue(402);
            assertThat(e.idempotencyKey()).isPresent();
            assertThat(e.nothingCreated()).isFalse();
          });
      assertThat(h.requestCount()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRefusedKeyAtTheScenesStepIsStillAnAuthenticationError(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(201, fixture("videopilot/draft-response.json"));
      h.enqueue(401, "{\"error\":\"Unauthorized\",\"message\":\"Invalid API key\",\"code\":\"INVALID_API_KEY\"}");

      assertThatThrownBy(() -> mode.submit(h.client, requestBuilder().build()))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.getMessage()).contains("video_123abc").contains("generate-scenes");
            assertThat(e.nothingCreated()).isFalse();
          });
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRenderRequestWhoseAnswerIsLostIsAnUnknownOutcomeWithTheKeyAndIsNotResent(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(201, fixture("videopilot/draft-response.json"));
      h.enqueue(200, fixture("videopilot/generate-scenes-response.json"));
      h.enqueue(504, "gateway timeout");
      h.enqueue(202, fixture("videopilot/render-response.json"));

      assertThatThrownBy(() -> mode.submit(h.client, requestBuilder().idempotencyKey("vp-k1").build()))
          .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
            assertThat(e.getMessage()).contains("video_123abc").contains("a render may be running")
                .doesNotContain("nothing is rendering").doesNotContain("no render was started");
            assertThat(e.idempotencyKey()).contains("vp-k1");
            assertThat(e.nothingCreated()).isFalse();
          });
      assertThat(h.requestCount()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRenderRequestCutOffAfterSendingIsAnUnknownOutcome(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(201, fixture("videopilot/draft-response.json"));
      h.enqueue(200, fixture("videopilot/generate-scenes-response.json"));
      h.server.enqueue(new mockwebserver3.MockResponse.Builder()
          .onResponseStart(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE).build());

      assertThatThrownBy(() -> mode.submit(h.client, requestBuilder().build()))
          .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
            assertThat(e.getMessage()).contains("a render may be running");
            assertThat(e.idempotencyKey()).isPresent();
          });
      assertThat(h.requestCount()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRenderAnswerWithoutARenderJobIdIsAnUnknownOutcome(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(201, fixture("videopilot/draft-response.json"));
      h.enqueue(200, fixture("videopilot/generate-scenes-response.json"));
      h.enqueue(202, "{\"status\":\"pending\"}");

      assertThatThrownBy(() -> mode.submit(h.client, requestBuilder().idempotencyKey("vp-k2").build()))
          .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
            assertThat(e.getMessage()).contains("video_123abc").contains("a render may be running");
            assertThat(e.idempotencyKey()).contains("vp-k2");
          });
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aDraftAnswerWithoutAVideoIdIsAnUnknownOutcome(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(201, "<html>Created</html>");

      assertThatThrownBy(() -> mode.submit(h.client, requestBuilder().idempotencyKey("vp-k3").build()))
          .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> assertThat(e.idempotencyKey()).contains("vp-k3"));
      assertThat(h.requestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void statusPollsTheRenderJob(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(200, "{\"_id\":\"render_789xyz\",\"status\":\"processing\",\"progress\":40}");

      VideoJob job = mode.status(h.client, REF);

      RecordedRequest r = h.take();
      assertThat(r.getMethod()).isEqualTo("GET");
      assertThat(r.getTarget()).isEqualTo("/api/queue/render/render_789xyz/status");
      assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
      assertThat(job.id()).isEqualTo(JOB_ID);
      assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
      assertThat(job.phase()).contains("rendering");
      assertThat(job.progress()).hasValue(0.4);
      assertThat(job.subJobs()).containsExactly(new SubJob("render", "render_789xyz"));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void statusOfABareVideoIdIsRefusedWithoutACall(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      assertThatThrownBy(() -> mode.status(h.client, JobRef.of("videopilot", "video_123abc")))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("<videoId>~<renderJobId>");
      assertThat(h.requestCount()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void lifecycleFromSubmissionThroughRenderingToTheVideo(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      enqueueSubmission(h);
      h.enqueue(200, "{\"_id\":\"render_789xyz\",\"status\":\"pending\"}");
      h.enqueue(200, "{\"_id\":\"render_789xyz\",\"status\":\"processing\"}");
      h.enqueue(200, "{\"_id\":\"render_789xyz\",\"status\":\"compositing\"}");
      h.enqueue(200, "{\"_id\":\"render_789xyz\",\"status\":\"completed\","
          + "\"output_url\":\"https://cdn.videopilot.app/videos/video_123abc_high.mp4\",\"duration\":87.5,"
          + "\"file_size\":25690112,\"quality\":\"high\"}");

      VideoJob submitted = mode.submit(h.client, requestBuilder().build());
      VideoJob done = mode.await(h.client, submitted.ref(), Duration.ofMinutes(30));

      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(done.phase()).contains("completed");
      assertThat(done.output(AssetKind.MASTER).orElseThrow().sizeBytes()).hasValue(25690112L);
      assertThat(done.output(AssetKind.MASTER).orElseThrow().duration()).contains(Duration.ofMillis(87500));
      assertThat(h.requestCount()).isEqualTo(7);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void lifecycleEndingInARenderFailure(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      enqueueSubmission(h);
      h.enqueue(200, "{\"_id\":\"render_789xyz\",\"status\":\"failed\",\"error\":\"Rendering timeout after 300 seconds\"}");

      VideoJob submitted = mode.submit(h.client, requestBuilder().build());

      assertThatThrownBy(() -> mode.await(h.client, submitted.ref(), Duration.ofMinutes(30)))
          .isInstanceOfSatisfying(JobFailedException.class, e -> {
            assertThat(e.job().error().orElseThrow().category()).isEqualTo(ErrorCategory.TIMEOUT);
            assertThat(e.job().error().orElseThrow().message()).isEqualTo("Rendering timeout after 300 seconds");
          });
    }
  }
}
