package dev.videojob.providers.vidbuilder;

import static dev.videojob.providers.vidbuilder.VidBuilderHarness.body;
import static dev.videojob.providers.vidbuilder.VidBuilderHarness.fixture;
import static dev.videojob.providers.vidbuilder.VidBuilderHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.providers.internal.Urls;
import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.AuthenticationException;
import dev.videojob.core.ErrorCategory;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.JobFailedException;
import dev.videojob.core.JobRef;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.support.Mode;
import dev.videojob.providers.support.AdapterHarness;
import dev.videojob.providers.support.ProviderContract;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VidBuilderContractTest extends ProviderContract {
  private static final JobRef REF = JobRef.of("vidbuilder", "abc123def456");
  private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
      (VidBuilderHarness.USER + ":" + VidBuilderHarness.PASSWORD).getBytes(StandardCharsets.UTF_8));

  @Override
  protected VideoProvider adapter(String baseUrl) {
    return VidBuilder.builder().basicAuth(VidBuilderHarness.USER, VidBuilderHarness.PASSWORD).baseUrl(baseUrl).build();
  }

  @Override
  protected VideoRequest request() {
    return VidBuilderHarness.documentRequest();
  }

  @Override
  protected JobRef ref() {
    return REF;
  }

  @Override
  protected void enqueueSubmission(AdapterHarness h) {
    h.enqueue(202, VidBuilderHarness.fixture("async-accepted.json"));
  }

  @Override
  protected void enqueueRunToSuccess(AdapterHarness h) {
    h.enqueue(200, runningStatus());
    h.enqueue(200, VidBuilderHarness.fixture("job-status-completed.json"));
  }

  @Override
  protected String runningStatus() {
    return VidBuilderHarness.fixture("job-status-processing.json");
  }

  @Override
  protected String failedStatus() {
    return "{\"jobId\":\"abc123def456\",\"status\":\"failed\",\"error\":\"Failed to render video: Out of memory\"}";
  }

  @Override
  protected String refusedKeyBody() {
    return "{\"error\":\"Unauthorized\",\"message\":\"Invalid credentials\"}";
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void submitPostsTheDocumentsExampleRequestWithBasicAuth(Mode mode) throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueueFixture(202, "async-accepted.json");

      VideoJob job = mode.submit(h.client, VidBuilderHarness.documentRequest());

      RecordedRequest r = h.take();
      assertThat(r.getMethod()).isEqualTo("POST");
      assertThat(r.getTarget()).isEqualTo("/api/generate-video-async");
      assertThat(r.getHeaders().get("Authorization")).isEqualTo(BASIC);
      assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
      assertThat(body(r)).isEqualTo(json(fixture("async-request.json")));
      assertThat(job.id()).isEqualTo("abc123def456");
      assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
      assertThat(job.rawStatus()).isEqualTo("queued");
      assertThat(job.estimatedTimeRemaining()).contains(Duration.ofMinutes(3));
      assertThat(job.metadata()).containsEntry("statusUrl", "/api/job-status/abc123def456")
          .containsEntry("message", "Video generation started. You will receive updates via webhook.")
          .containsEntry("webhookConfigured", "true");
    }
  }

  @Test
  void submitSendsABearerKeyWhenConfiguredSo() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness(b -> b.apiKey("vb_SECRET_key"))) {
      h.enqueueFixture(202, "async-accepted.json");

      h.client.submit(VidBuilderHarness.documentRequest());

      assertThat(h.take().getHeaders().get("Authorization")).isEqualTo("Bearer vb_SECRET_key");
    }
  }

  @Test
  void callbackTokensAreAddedToTheWebhookUrlAndVerify() throws Exception {
    dev.videojob.webhooks.CallbackTokens tokens =
        dev.videojob.webhooks.CallbackTokens.withSecret(dev.videojob.webhooks.CallbackTokens.generateSecret());
    try (VidBuilderHarness h = new VidBuilderHarness(b -> b.basicAuth("u", "p").callbackTokens(tokens))) {
      h.enqueueFixture(202, "async-accepted.json");

      h.client.submit(VidBuilderHarness.documentRequest());

      URI sent = URI.create(body(h.take()).get("webhookUrl").asText());
      assertThat(sent.toString()).startsWith(VidBuilderHarness.WEBHOOK + "?vj_ref=");
      Map<String, String> q = new java.util.HashMap<>();
      for (String p : sent.getRawQuery().split("&")) q.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
      tokens.verify("vidbuilder", q.get("vj_ref"), q.get("vj_token"));
    }
  }

  @Test
  void submitKeepsTheQueuePositionOfThe202() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueue(202, "{\"success\":true,\"jobId\":\"q1\",\"status\":\"queued\",\"queue\":{\"position\":7,\"ahead\":6}}");

      VideoJob job = h.client.submit(VidBuilderHarness.documentRequest());

      assertThat(job.metadata()).containsEntry("queuePosition", "7").containsEntry("queue.ahead", "6");
    }
  }

  @Test
  void submitTakesTheSharedQualityField() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueueFixture(202, "async-accepted.json");

      h.client.submit(VideoRequest.builder().callbackUrl(VidBuilderHarness.WEBHOOK).quality("1080p")
          .extension(VidBuilderOptions.builder().addScene(VidBuilderScene.of("text", 2.5, Map.of("text", "Hi"))).build())
          .build());

      assertThat(body(h.take())).isEqualTo(json("{\"quality\":\"1080p\",\"scenes\":[{\"type\":\"text\",\"duration\":2.5,"
          + "\"content\":{\"text\":\"Hi\"}}],\"webhookUrl\":\"https://your-app.com/webhook/video-status\"}"));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void statusReadsProgressMessageAndCreation(Mode mode) throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueueFixture(200, "job-status-processing.json");

      VideoJob job = mode.status(h.client, REF);

      RecordedRequest r = h.take();
      assertThat(r.getMethod()).isEqualTo("GET");
      assertThat(r.getTarget()).isEqualTo("/api/job-status/abc123def456");
      assertThat(r.getHeaders().get("Authorization")).isEqualTo(BASIC);
      assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
      assertThat(job.phase()).contains("processing");
      assertThat(job.progress().getAsDouble()).isEqualTo(0.45);
      assertThat(job.createdAt()).contains(Instant.parse("2025-11-12T18:30:00Z"));
      assertThat(job.metadata()).containsEntry("message", "Rendering frames: 450/1000");
    }
  }

  @Test
  void statusOfACompletedJobHasTheSignedS3MasterAndTheAuthenticatedDownload() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueueFixture(200, "job-status-completed.json");

      VideoJob job = h.client.status(REF);

      assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(job.progress().getAsDouble()).isEqualTo(1.0);
      assertThat(job.outputs()).hasSize(2);
      Asset s3 = job.outputs().get(0);
      assertThat(s3.kind()).isEqualTo(AssetKind.MASTER);
      assertThat(s3.url().getHost()).isEqualTo("vidbuilder.s3.amazonaws.com");
      assertThat(s3.needsAuth()).isFalse();
      assertThat(s3.expiresAt()).contains(Instant.parse("2025-11-19T18:33:00Z"));
      assertThat(s3.attributes()).containsEntry("s3Key", "videos/2025-11-12/standard/abc123def456.mp4");
      assertThat(s3.duration()).contains(Duration.ofSeconds(13));
      Asset download = job.outputs().get(1);
      assertThat(download.kind()).isEqualTo(AssetKind.MASTER);
      assertThat(download.url()).isEqualTo(URI.create(h.baseUrl() + "/api/download/abc123def456"));
      assertThat(download.needsAuth()).isTrue();
      assertThat(download.expiresAt()).isEmpty();
    }
  }

  @Test
  void theAuthenticatedDownloadIsFetchedWithTheApiCredentialsAndTheS3UrlWithout(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueueFixture(200, "job-status-completed.json");
      VideoJob job = h.client.status(REF);
      Asset download = job.outputs().get(1);
      h.server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).body("mp4-bytes").build());

      try (dev.videojob.media.MediaTransfer media = dev.videojob.media.MediaTransfer.builder().build()) {
        dev.videojob.media.ClientDownloads.of(h.client, media).download(job, download, dir.resolve("master.mp4"));
      }

      mockwebserver3.RecordedRequest status = h.server.takeRequest();
      mockwebserver3.RecordedRequest fetch = h.server.takeRequest();
      assertThat(status.getTarget()).startsWith("/api/job-status/");
      assertThat(fetch.getTarget()).isEqualTo("/api/download/abc123def456");
      assertThat(fetch.getHeaders().get("Authorization")).startsWith("Basic ");
      assertThat(java.nio.file.Files.readString(dir.resolve("master.mp4"))).isEqualTo("mp4-bytes");
      assertThat(h.vidBuilder.assetCredentials(job.outputs().get(0).url())).as("no credentials for S3").isEmpty();
    }
  }

  @Test
  void relativeDownloadUrlsKeepAPathPrefixOfTheBaseUrl() {
    assertThat(Urls.resolve(VidBuilder.ID, "videoUrl", URI.create("https://proxy.example.com/vidbuilder/"), "/api/download/x"))
        .contains(URI.create("https://proxy.example.com/vidbuilder/api/download/x"));
    assertThat(Urls.resolve(VidBuilder.ID, "videoUrl", URI.create("https://proxy.example.com"), "https://cdn.example.com/a.mp4"))
        .contains(URI.create("https://cdn.example.com/a.mp4"));
  }

  @Test
  void rejectsASubmissionWithoutWebhookUrlBeforeAnyCall() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      assertThatThrownBy(() -> h.client.submit(VidBuilderHarness.documentRequest().toBuilder().callbackUrl(null).build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).contains("callbackUrl");
            assertThat(e.getMessage()).contains("requires callbackUrl");
          });
      assertThat(h.server.getRequestCount()).isZero();
    }
  }

  @Test
  void rejectsAWebhookUrlThatIsNotHttpBeforeAnyCall() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      assertThatThrownBy(() -> h.client.submit(VidBuilderHarness.documentRequest().toBuilder()
          .callbackUrl(URI.create("invalid-url")).build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("callbackUrl"));
      assertThat(h.server.getRequestCount()).isZero();
    }
  }

  @Test
  void rejectsAWebhookUrlLongerThan2048CharactersBeforeAnyCall() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      assertThatThrownBy(() -> h.client.submit(VidBuilderHarness.documentRequest().toBuilder()
          .callbackUrl(URI.create("https://your-app.com/hook?x=" + "a".repeat(2048))).build()))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("2,048");
      assertThat(h.server.getRequestCount()).isZero();
    }
  }

  @Test
  void rejectsOptionsWithoutScenesBeforeAnyCall() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      assertThatThrownBy(() -> h.client.submit(VideoRequest.builder().callbackUrl(VidBuilderHarness.WEBHOOK)
          .extension(VidBuilderOptions.builder().theme("corporate").build()).build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("scenes"));
      assertThat(h.server.getRequestCount()).isZero();
    }
  }

  @Test
  void rejectsARequestWithoutVidBuilderOptionsBeforeAnyCall() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      assertThatThrownBy(() -> h.client.submit(VideoRequest.builder().callbackUrl(VidBuilderHarness.WEBHOOK).build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("extension"));
      assertThat(h.server.getRequestCount()).isZero();
    }
  }

  @Test
  void rejectsTwoDifferentQualitiesBeforeAnyCall() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      assertThatThrownBy(() -> h.client.submit(VidBuilderHarness.documentRequest().toBuilder().quality("720p").build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("quality"));
      assertThat(h.server.getRequestCount()).isZero();
    }
  }

  @Test
  void rejectsAPromptVidBuilderHasNoPlaceFor() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      assertThatThrownBy(() -> h.client.submit(VidBuilderHarness.documentRequest().toBuilder().prompt("a cat").build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("prompt"));
      assertThat(h.server.getRequestCount()).isZero();
    }
  }

  @Test
  void rejectsSceneAndMusicValuesOutOfRange() {
    assertThatThrownBy(() -> VidBuilderScene.of("hero-title", 0, Map.of())).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> VidBuilderScene.of(" ", 3, Map.of())).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> new VidBuilderMusic("corp-1", 1.5)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> new VidBuilderMusic("", 0.5)).isInstanceOf(InvalidRequestException.class);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theMissingWebhookErrorBodyBecomesInvalidRequestWithMessageAndHint(Mode mode) throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueueFixture(400, "error-missing-webhook.json");

      assertThatThrownBy(() -> mode.submit(h.client, VidBuilderHarness.documentRequest()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.httpStatus()).hasValue(400);
            assertThat(e.providerCode()).contains("Webhook URL is required for async video generation.");
            assertThat(e.providerMessage())
                .contains("Please provide a webhookUrl in your request body to receive status updates.");
            assertThat(e.context().hint())
                .isEqualTo("Use /api/generate-flexible-video for synchronous generation without webhooks.");
            assertThat(e.getMessage()).contains("Hint: Use /api/generate-flexible-video");
          });
    }
  }

  @Test
  void theInvalidWebhookErrorBodyBecomesInvalidRequestWithItsMessage() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueueFixture(400, "error-invalid-webhook.json");

      assertThatThrownBy(() -> h.client.submit(VidBuilderHarness.documentRequest()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.providerCode()).contains("Invalid webhook URL format.");
            assertThat(e.providerMessage()).contains("Please provide a valid HTTP/HTTPS URL.");
          });
    }
  }

  @Test
  void refusedCredentialsAreAnAuthenticationError() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueue(401, "{\"error\":\"Unauthorized\",\"message\":\"Invalid credentials\"}");

      assertThatThrownBy(() -> h.client.status(REF)).isInstanceOf(AuthenticationException.class)
          .hasMessageNotContaining(VidBuilderHarness.PASSWORD);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void lifecycleFromSubmitThroughProgressToOutputs(Mode mode) throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueueFixture(202, "async-accepted.json");
      h.enqueue(200, "{\"jobId\":\"abc123def456\",\"status\":\"queued\",\"progress\":0}");
      h.enqueueFixture(200, "job-status-processing.json");
      h.enqueueFixture(200, "job-status-completed.json");

      VideoJob submitted = mode.submit(h.client, VidBuilderHarness.documentRequest());
      VideoJob done = mode.await(h.client, submitted.ref(), Duration.ofMinutes(20));

      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(done.outputs()).extracting(Asset::kind).containsExactly(AssetKind.MASTER, AssetKind.MASTER);
      assertThat(h.take().getTarget()).isEqualTo("/api/generate-video-async");
      for (int i = 0; i < 3; i++) assertThat(h.take().getTarget()).isEqualTo("/api/job-status/abc123def456");
      assertThat(h.server.getRequestCount()).isEqualTo(4);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void lifecycleEndingInFailureRaisesJobFailedWithTheProvidersError(Mode mode) throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueueFixture(202, "async-accepted.json");
      h.enqueueFixture(200, "job-status-processing.json");
      h.enqueue(200, "{\"jobId\":\"abc123def456\",\"status\":\"failed\",\"error\":\"Failed to render video: Out of memory\"}");

      VideoJob submitted = mode.submit(h.client, VidBuilderHarness.documentRequest());

      assertThatThrownBy(() -> mode.await(h.client, submitted.ref(), Duration.ofMinutes(20)))
          .isInstanceOfSatisfying(JobFailedException.class, e -> assertThat(e.job().error()).hasValueSatisfying(err -> {
            assertThat(err.message()).isEqualTo("Failed to render video: Out of memory");
            assertThat(err.category()).isEqualTo(ErrorCategory.PROVIDER_INTERNAL);
            assertThat(err.retryable()).isTrue();
          }));
    }
  }

  @Test
  void anUnknownStatusKeepsTheWaitGoing() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueue(200, "{\"jobId\":\"abc123def456\",\"status\":\"uploading\",\"progress\":98}");
      h.enqueueFixture(200, "job-status-completed.json");

      VideoJob done = h.client.await(REF, Duration.ofMinutes(5));

      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(h.server.getRequestCount()).isEqualTo(2);
    }
  }
}
