package dev.videojob.providers.ssemble;

import static dev.videojob.providers.ssemble.SsembleHarness.API_KEY;
import static dev.videojob.providers.ssemble.SsembleHarness.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.AssetKind;
import dev.videojob.core.ErrorCategory;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.JobRef;
import dev.videojob.core.JobStatus;
import dev.videojob.core.QuotaExceededException;
import dev.videojob.core.RateLimitedException;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoJobException;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.support.Mode;
import dev.videojob.providers.support.AdapterHarness;
import dev.videojob.providers.support.ProviderContract;
import dev.videojob.webhooks.CallbackTokens;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SsembleContractTest extends ProviderContract {
  private static final String ID = "6655f0a1c2b3d4e5f6a7b8c9";
  private static final JobRef REF = JobRef.of("ssemble", ID);

  @Override
  protected VideoProvider adapter(String baseUrl) {
    return Ssemble.builder().apiKey(API_KEY).baseUrl(baseUrl + "/api/v1").build();
  }

  @Override
  protected VideoRequest request() {
    return SsembleHarness.request();
  }

  @Override
  protected JobRef ref() {
    return REF;
  }

  @Override
  protected void enqueueSubmission(AdapterHarness h) {
    h.enqueue(201, SsembleHarness.fixture("create-response.json"));
  }

  @Override
  protected void enqueueRunToSuccess(AdapterHarness h) {
    h.enqueue(200, runningStatus());
    h.enqueue(200, SsembleHarness.fixture("status-completed.json"));
    h.enqueue(200, SsembleHarness.fixture("result-completed.json"));
  }

  @Override
  protected String runningStatus() {
    return SsembleHarness.fixture("status-processing.json");
  }

  @Override
  protected String failedStatus() {
    return SsembleHarness.fixture("status-failed.json");
  }

  @Override
  protected int quotaStatus() {
    return 403;
  }

  @Override
  protected String quotaBody() {
    return SsembleHarness.fixture("error-insufficient-credits.json");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void submitPostsEveryFieldToShortsCreateWithTheApiKeyHeader(Mode mode) throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueueFixture(201, "create-response.json");
      VideoRequest request = VideoRequest.builder()
          .extension(SsembleHarness.options().preferredLength("under60sec").layout(SsembleOptions.Layout.FIT)
              .language("en").captionLanguage("es").templateId("tpl_bold").build())
          .callbackUrl(URI.create("https://app.example.com/hooks/ssemble?vj_ref=r1&vj_token=t1"))
          .extraField("noMusic", true)
          .build();

      VideoJob job = mode.submit(h.client, request);

      RecordedRequest r = h.take();
      assertThat(r.getMethod()).isEqualTo("POST");
      assertThat(r.getTarget()).isEqualTo("/api/v1/shorts/create");
      assertThat(r.getHeaders().get("X-API-Key")).isEqualTo(API_KEY);
      assertThat(r.getHeaders().get("Authorization")).isNull();
      assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
      assertThat(body(r)).isEqualTo(SsembleHarness.JSON.readTree("{\"url\":\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\","
          + "\"start\":30,\"end\":630,\"preferredLength\":\"under60sec\",\"language\":\"en\",\"captionLanguage\":\"es\","
          + "\"templateId\":\"tpl_bold\",\"layout\":\"fit\","
          + "\"webhookUrl\":\"https://app.example.com/hooks/ssemble?vj_ref=r1&vj_token=t1\",\"noMusic\":true}"));
      assertThat(job.id()).isEqualTo(ID);
      assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
      assertThat(job.rawStatus()).isEqualTo("queued");
      assertThat(job.estimatedTimeRemaining()).contains(Duration.ofSeconds(300));
      assertThat(job.idempotencyKey()).isPresent();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void submitSendsAFileUrlSourceAsFileUrl(Mode mode) throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueueFixture(201, "create-response.json");
      mode.submit(h.client, VideoRequest.builder().extension(SsembleOptions.builder()
          .fileUrl(URI.create("https://files.example.com/talk.mp4")).window(Duration.ZERO, Duration.ofSeconds(1200))
          .build()).build());

      assertThat(body(h.take())).isEqualTo(SsembleHarness.JSON.readTree(
          "{\"fileUrl\":\"https://files.example.com/talk.mp4\",\"start\":0,\"end\":1200}"));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void statusReadsStepStepMessageAndPercentProgress(Mode mode) throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueueFixture(200, "status-processing.json");

      VideoJob job = mode.status(h.client, REF);

      RecordedRequest r = h.take();
      assertThat(r.getMethod()).isEqualTo("GET");
      assertThat(r.getTarget()).isEqualTo("/api/v1/shorts/" + ID + "/status");
      assertThat(r.getHeaders().get("X-API-Key")).isEqualTo(API_KEY);
      assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
      assertThat(job.phase()).contains("transcribing_audio");
      assertThat(job.progress().getAsDouble()).isEqualTo(0.35);
      assertThat(job.metadata()).containsEntry("stepMessage", "Transcribing audio");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void statusOfAFailedJobCarriesTheFailureReasonAndStep(Mode mode) throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueueFixture(200, "status-failed.json");

      VideoJob job = mode.status(h.client, REF);

      assertThat(job.status()).isEqualTo(JobStatus.FAILED);
      assertThat(job.error()).hasValueSatisfying(e -> {
        assertThat(e.message()).isEqualTo("Video is private or unavailable");
        assertThat(e.step()).contains("fetching_video");
        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
      });
    }
  }

  @Test
  void statusOfAnAnswerWithoutNumericProgressUsesTheStep() throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueue(200, "{\"data\":{\"_id\":\"" + ID + "\",\"status\":\"processing\",\"step\":\"finding_highlights\"}}");

      assertThat(h.client.status(REF).progress().getAsDouble()).isEqualTo(0.5);
    }
  }

  @Test
  void resultTurnsEveryShortIntoAShortAssetWithTitleDurationScoreAndThumbnail() throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueueFixture(200, "result-completed.json");

      VideoJob job = h.client.result(REF);

      assertThat(h.take().getTarget()).isEqualTo("/api/v1/shorts/" + ID);
      assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(job.outputs()).extracting(a -> a.kind())
          .containsExactly(AssetKind.SHORT, AssetKind.THUMBNAIL, AssetKind.SHORT);
      assertThat(job.outputs().get(0)).satisfies(a -> {
        assertThat(a.url()).isEqualTo(URI.create("https://cdn.ssemble.com/shorts/clip_01.mp4"));
        assertThat(a.title()).contains("The one habit that changed everything");
        assertThat(a.duration()).contains(Duration.ofMillis(42_500));
        assertThat(a.score().getAsDouble()).isEqualTo(8.7);
        assertThat(a.attributes()).containsEntry("id", "clip_01")
            .containsEntry("thumbnailUrl", "https://cdn.ssemble.com/shorts/clip_01.jpg");
        assertThat(a.needsAuth()).isFalse();
      });
      assertThat(job.outputs().get(1).url()).isEqualTo(URI.create("https://cdn.ssemble.com/shorts/clip_01.jpg"));
      assertThat(job.outputs().get(1).attributes()).containsEntry("shortId", "clip_01");
      assertThat(job.outputs().get(2).score().getAsDouble()).isEqualTo(7.1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void insufficientCreditsIsQuotaExceededWithTheProvidersCodeAndMessage(Mode mode) throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueueFixture(403, "error-insufficient-credits.json");

      assertThatThrownBy(() -> mode.submit(h.client, SsembleHarness.request()))
          .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
            assertThat(e.httpStatus()).hasValue(403);
            assertThat(e.providerCode()).contains("insufficient_credits");
            assertThat(e.providerMessage()).contains("Not enough credits to process this request");
          });
      assertThat(h.server.getRequestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theErrorsDetailsAreCarriedOnTheException(Mode mode) throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueueFixture(403, "error-insufficient-credits.json");
      h.enqueueFixture(400, "error-validation.json");

      assertThatThrownBy(() -> mode.submit(h.client, SsembleHarness.request()))
          .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
            assertThat(e.providerDetails()).contains("{\"required\":1,\"available\":0}");
            assertThat(e.getMessage()).contains("\"required\":1").contains("\"available\":0");
          });
      assertThatThrownBy(() -> mode.submit(h.client, SsembleHarness.request()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.providerDetails()).contains("[{\"field\":\"end\"}]");
            assertThat(e.getMessage()).contains("end must be greater than start").contains("[{\"field\":\"end\"}]");
          });
    }
  }

  @Test
  void subscriptionRequiredIsQuotaExceeded() throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueueFixture(403, "error-subscription-required.json");

      assertThatThrownBy(() -> h.client.submit(SsembleHarness.request()))
          .isInstanceOfSatisfying(QuotaExceededException.class,
              e -> assertThat(e.providerCode()).contains("subscription_required"));
    }
  }

  @Test
  void validationErrorIsInvalidRequestWithCodeAndMessage() throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueueFixture(400, "error-validation.json");

      assertThatThrownBy(() -> h.client.submit(SsembleHarness.request()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.providerCode()).contains("validation_error");
            assertThat(e.getMessage()).contains("end must be greater than start");
          });
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void rateLimitExceededCarriesTheRateLimitHeadersAndIsRemembered(Mode mode) throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueueFixture(429, "error-rate-limit.json", "Retry-After", "86400", "X-RateLimit-Limit-Hour", "100",
          "X-RateLimit-Remaining-Hour", "0", "X-RateLimit-Limit-Day", "1000", "X-RateLimit-Remaining-Day", "250",
          "X-RateLimit-Reset", "1767229200");

      assertThatThrownBy(() -> mode.status(h.client, REF)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
        assertThat(e.providerCode()).contains("rate_limit_exceeded");
        assertThat(e.rateLimitHeaders()).containsEntry("x-ratelimit-remaining-hour", "0")
            .containsEntry("x-ratelimit-reset", "1767229200");
      });
      assertThat(h.ssemble.lastRateLimit()).hasValueSatisfying(l -> {
        assertThat(l.limitHour()).hasValue(100);
        assertThat(l.remainingHour()).hasValue(0);
        assertThat(l.limitDay()).hasValue(1000);
        assertThat(l.remainingDay()).hasValue(250);
        assertThat(l.reset()).contains(Instant.ofEpochSecond(1767229200));
      });
    }
  }

  @Test
  void lastRateLimitFollowsTheLatestSuccessfulAnswer() throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      assertThat(h.ssemble.lastRateLimit()).isEmpty();
      h.enqueueFixture(201, "create-response.json", "X-RateLimit-Remaining-Hour", "42", "X-RateLimit-Reset", "600");
      h.enqueueFixture(200, "status-processing.json", "X-RateLimit-Remaining-Hour", "41");

      h.client.submit(SsembleHarness.request());
      assertThat(h.ssemble.lastRateLimit().get().remainingHour()).hasValue(42);
      assertThat(h.ssemble.lastRateLimit().get().reset()).contains(h.clock.instant().plusSeconds(600));
      h.client.status(REF);

      assertThat(h.ssemble.lastRateLimit().get().remainingHour()).hasValue(41);
    }
  }

  @Test
  void callbackTokensAreAddedToTheWebhookUrlAndVerify() throws Exception {
    CallbackTokens tokens = CallbackTokens.withSecret(CallbackTokens.generateSecret());
    try (SsembleHarness h = new SsembleHarness(b -> b.callbackTokens(tokens))) {
      h.enqueueFixture(201, "create-response.json");

      h.client.submit(SsembleHarness.request().toBuilder()
          .callbackUrl(URI.create("https://app.example.com/hooks/ssemble")).build());

      URI sent = URI.create(body(h.take()).get("webhookUrl").asText());
      assertThat(sent.toString()).startsWith("https://app.example.com/hooks/ssemble?vj_ref=");
      String ref = query(sent, CallbackTokens.REFERENCE_PARAMETER);
      String token = query(sent, CallbackTokens.TOKEN_PARAMETER);
      tokens.verify("ssemble", ref, token);
    }
  }

  private static String query(URI uri, String name) {
    for (String p : uri.getRawQuery().split("&")) {
      if (p.startsWith(name + "=")) return p.substring(name.length() + 1);
    }
    throw new AssertionError("no " + name + " in the URL");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void lifecycleFromSubmitThroughStepsToShorts(Mode mode) throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueueFixture(201, "create-response.json");
      h.enqueueFixture(200, "status-queued.json");
      h.enqueueFixture(200, "status-processing.json");
      h.enqueue(200, "{\"data\":{\"_id\":\"" + ID + "\",\"status\":\"processing\",\"step\":\"finalizing\",\"progress\":90}}");
      h.enqueueFixture(200, "status-completed.json");
      h.enqueueFixture(200, "result-completed.json");

      VideoJob submitted = mode.submit(h.client, SsembleHarness.request());
      VideoJob done = mode.await(h.client, submitted.ref(), Duration.ofMinutes(30));

      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(done.outputs()).filteredOn(a -> a.kind() == AssetKind.SHORT).hasSize(2);
      assertThat(h.take().getTarget()).isEqualTo("/api/v1/shorts/create");
      for (int i = 0; i < 4; i++) assertThat(h.take().getTarget()).isEqualTo("/api/v1/shorts/" + ID + "/status");
      assertThat(h.take().getTarget()).isEqualTo("/api/v1/shorts/" + ID);
      assertThat(h.sleeper.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofMillis(22_500));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void lifecycleEndingInFailureRaisesJobFailedWithTheReason(Mode mode) throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueueFixture(201, "create-response.json");
      h.enqueueFixture(200, "status-processing.json");
      h.enqueueFixture(200, "status-failed.json");

      VideoJob submitted = mode.submit(h.client, SsembleHarness.request());

      assertThatThrownBy(() -> mode.await(h.client, submitted.ref(), Duration.ofMinutes(30)))
          .isInstanceOf(dev.videojob.core.JobFailedException.class)
          .hasMessageContaining("Video is private or unavailable");
    }
  }

  @Test
  void anUnknownStatusKeepsTheWaitGoing() throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      String unknown = "{\"data\":{\"_id\":\"" + ID + "\",\"status\":\"rendering_previews\"}}";
      h.enqueue(200, unknown);
      VideoJob first = h.client.status(REF);
      assertThat(first.status()).isEqualTo(JobStatus.UNKNOWN);
      assertThat(first.rawStatus()).isEqualTo("rendering_previews");

      h.enqueue(200, unknown);
      h.enqueueFixture(200, "status-completed.json");
      h.enqueueFixture(200, "result-completed.json");
      VideoJob done = h.client.await(REF, Duration.ofMinutes(10));

      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(h.server.getRequestCount()).isEqualTo(4);
    }
  }

  @Test
  void aCreateRefusedWith503IsRetriedWithTheSameIdempotencyKey() throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueue(503, "{\"error\":{\"code\":\"unavailable\",\"message\":\"try later\"}}");
      h.enqueueFixture(201, "create-response.json");

      VideoJob job = h.client.submit(SsembleHarness.request());

      assertThat(job.id()).isEqualTo(ID);
      assertThat(h.take().getHeaders().get("Idempotency-Key")).isEqualTo(h.take().getHeaders().get("Idempotency-Key"))
          .isEqualTo(job.idempotencyKey().orElseThrow());
    }
  }

  @Test
  void aNotFoundJobIsReportedAsSuch() throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueue(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"Request not found\"}}");

      assertThatThrownBy(() -> h.client.status(REF)).isInstanceOf(dev.videojob.core.JobNotFoundException.class)
          .isInstanceOf(VideoJobException.class);
    }
  }
}
