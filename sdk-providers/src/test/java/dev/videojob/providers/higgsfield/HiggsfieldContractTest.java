package dev.videojob.providers.higgsfield;

import static dev.videojob.providers.support.AdapterHarness.bodyJson;
import static dev.videojob.providers.support.AdapterHarness.fixture;
import static dev.videojob.providers.support.AdapterHarness.fixtureJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.core.AspectRatio;
import dev.videojob.core.AssetKind;
import dev.videojob.core.ErrorCategory;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.JobFailedException;
import dev.videojob.core.JobNotFoundException;
import dev.videojob.core.JobRef;
import dev.videojob.core.JobStatus;
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

class HiggsfieldContractTest extends ProviderContract {
  static final String KEY = "hf_live_SECRET_9876";
  static final JobRef REF = JobRef.of("higgsfield", "jf-1234");

  @Override
  protected VideoProvider adapter(String baseUrl) {
    return Higgsfield.builder().apiKey(KEY).baseUrl(baseUrl).build();
  }

  @Override
  protected VideoRequest request() {
    return guideRequest().build();
  }

  @Override
  protected JobRef ref() {
    return REF;
  }

  @Override
  protected void enqueueSubmission(AdapterHarness h) {
    h.enqueue(202, fixture("higgsfield/create-response.json"));
  }

  @Override
  protected void enqueueRunToSuccess(AdapterHarness h) {
    h.enqueue(200, runningStatus());
    h.enqueue(200, fixture("higgsfield/webhook-complete.json"));
  }

  @Override
  protected String runningStatus() {
    return "{\"job_id\":\"jf-1234\",\"status\":\"started\"}";
  }

  @Override
  protected String failedStatus() {
    return "{\"job_id\":\"jf-1234\",\"status\":\"failed\",\"error\":{\"code\":\"internal\",\"message\":\"render crashed\"}}";
  }

  static AdapterHarness harness() throws Exception {
    return new AdapterHarness(base -> Higgsfield.builder().apiKey(KEY).baseUrl(base).build());
  }

  static VideoRequest.Builder guideRequest() {
    return VideoRequest.builder().prompt("30s promo for our product, upbeat, vertical")
        .aspectRatio(AspectRatio.PORTRAIT_9_16).style("modern")
        .callbackUrl(URI.create("https://scheduler.example.com/webhooks/video-callback"))
        .metadata("campaign_id", "spring_sale_26");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void submitSendsTheGuidesRequestWithTypedOutputs(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(202, fixture("higgsfield/create-response.json"));

      VideoJob job = mode.submit(h.client, guideRequest()
          .extension(HiggsfieldOptions.outputs(HiggsfieldOutput.of("master", "mp4"))).build());

      RecordedRequest r = h.take();
      assertThat(r.getMethod()).isEqualTo("POST");
      assertThat(r.getTarget()).isEqualTo("/v1/videos");
      assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
      assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
      assertThat(bodyJson(r)).isEqualTo(fixtureJson("higgsfield/create-request.json"));
      assertThat(job.id()).isEqualTo("jf-1234");
      assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
      assertThat(job.rawStatus()).isEqualTo("queued");
      assertThat(job.estimatedTimeRemaining()).contains(Duration.ofSeconds(45));
      assertThat(job.metadata()).containsEntry("campaign_id", "spring_sale_26");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theSharedOutputsSpellingSendsTheSameBody(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(202, fixture("higgsfield/create-response.json"));

      mode.submit(h.client, guideRequest().addOutput("master:mp4").build());

      assertThat(bodyJson(h.take())).isEqualTo(fixtureJson("higgsfield/create-request.json"));
    }
  }

  @Test
  void anOutputWithoutFormatIsSentWithTypeOnly() throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(202, fixture("higgsfield/create-response.json"));

      h.client.submit(VideoRequest.builder().prompt("p").addOutput("thumbnail").build());

      JsonNode outputs = bodyJson(h.take()).get("outputs");
      assertThat(outputs).hasSize(1);
      assertThat(outputs.get(0).get("type").asText()).isEqualTo("thumbnail");
      assertThat(outputs.get(0).has("format")).isFalse();
    }
  }

  @Test
  void thePlatformsKeyIdAndSecretAreSentAsKeyAuthorization() throws Exception {
    try (AdapterHarness h = new AdapterHarness(base -> Higgsfield.builder().keyIdAndSecret("kid", "ksecret")
        .baseUrl(base).build())) {
      h.enqueue(202, fixture("higgsfield/create-response.json"));

      h.client.submit(VideoRequest.builder().prompt("p").build());

      assertThat(h.take().getHeaders().get("Authorization")).isEqualTo("Key kid:ksecret");
    }
  }

  @Test
  void refusesOutputsGivenBothWaysBeforeAnyCall() throws Exception {
    try (AdapterHarness h = harness()) {
      VideoRequest r = guideRequest().addOutput("master:mp4")
          .extension(HiggsfieldOptions.outputs(HiggsfieldOutput.of("proxy", "mp4"))).build();

      assertThatThrownBy(() -> h.client.submit(r))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("outputs"));
      assertThat(h.requestCount()).isZero();
    }
  }

  @Test
  void refusesAnOutputWithAnEmptyTypeBeforeAnyCall() throws Exception {
    try (AdapterHarness h = harness()) {
      assertThatThrownBy(() -> h.client.submit(VideoRequest.builder().prompt("p").addOutput(":mp4").build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("outputs"));
      assertThat(h.requestCount()).isZero();
    }
  }

  @Test
  void refusesADurationWhichTheGuideHasNoFieldForBeforeAnyCall() throws Exception {
    try (AdapterHarness h = harness()) {
      assertThatThrownBy(() -> h.client.submit(VideoRequest.builder().prompt("p").duration(Duration.ofSeconds(30))
          .build())).isInstanceOfSatisfying(InvalidRequestException.class,
              e -> assertThat(e.field()).contains("duration"));
      assertThat(h.requestCount()).isZero();
    }
  }

  @Test
  void refusesARequestWithoutPromptBeforeAnyCall() throws Exception {
    try (AdapterHarness h = harness()) {
      assertThatThrownBy(() -> h.client.submit(VideoRequest.builder().style("modern").build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("prompt"));
      assertThat(h.requestCount()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void statusReadsAssetsByType(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(200, fixture("higgsfield/webhook-complete.json"));

      VideoJob job = mode.status(h.client, REF);

      RecordedRequest r = h.take();
      assertThat(r.getMethod()).isEqualTo("GET");
      assertThat(r.getTarget()).isEqualTo("/v1/videos/jf-1234");
      assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
      assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(job.output(AssetKind.MASTER).orElseThrow().attributes()).containsEntry("bitrate", "8000000");
      assertThat(job.output(AssetKind.PROXY)).isPresent();
      assertThat(job.output(AssetKind.THUMBNAIL).orElseThrow().url())
          .isEqualTo(URI.create("https://cdn.example.com/jf-1234/thumb.jpg"));
      assertThat(job.metadata()).containsEntry("campaign_id", "spring_sale_26");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void a422DetailListBecomesAnInvalidRequestWithEveryItem(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(422, "{\"detail\":[{\"loc\":[\"body\",\"aspect_ratio\"],\"msg\":\"unsupported ratio\"},"
          + "{\"loc\":[\"body\",\"style\"],\"msg\":\"unknown style\"}]}");

      assertThatThrownBy(() -> mode.submit(h.client, guideRequest().build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.httpStatus()).hasValue(422);
            assertThat(e.providerMessage().orElseThrow()).contains("unsupported ratio").contains("unknown style");
          });
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void anUnknownJobIsNotFound(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"job not found\"}}");

      assertThatThrownBy(() -> mode.status(h.client, REF)).isInstanceOf(JobNotFoundException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCreateRefusedWith429IsRetriedAfterTheProvidersWait(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.server.enqueue(new mockwebserver3.MockResponse.Builder().code(429).addHeader("Retry-After", "7")
          .body("{\"error\":{\"code\":\"rate_limited\",\"message\":\"slow down\"}}").build());
      h.enqueue(202, fixture("higgsfield/create-response.json"));

      assertThat(mode.submit(h.client, guideRequest().build()).id()).isEqualTo("jf-1234");
      assertThat(h.requestCount()).isEqualTo(2);
      assertThat(h.sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void lifecycleFromQueuedThroughStartedToTheAssets(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(202, fixture("higgsfield/create-response.json"));
      h.enqueue(200, "{\"job_id\":\"jf-1234\",\"status\":\"started\"}");
      h.enqueue(200, "{\"job_id\":\"jf-1234\",\"status\":\"upscaling\"}");
      h.enqueue(200, fixture("higgsfield/webhook-complete.json"));

      VideoJob submitted = mode.submit(h.client, guideRequest().build());
      VideoJob done = mode.await(h.client, submitted.ref(), Duration.ofMinutes(10));

      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(done.outputs()).hasSize(3);
      assertThat(h.requestCount()).isEqualTo(4);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void lifecycleEndingInAModerationRefusal(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(202, fixture("higgsfield/create-response.json"));
      h.enqueue(200, "{\"job_id\":\"jf-1234\",\"status\":\"nsfw\"}");

      VideoJob submitted = mode.submit(h.client, guideRequest().build());

      assertThatThrownBy(() -> mode.await(h.client, submitted.ref(), Duration.ofMinutes(10)))
          .isInstanceOfSatisfying(JobFailedException.class, e -> {
            assertThat(e.job().error().orElseThrow().category()).isEqualTo(ErrorCategory.MODERATION);
            assertThat(e.job().error().orElseThrow().retryable()).isFalse();
          });
    }
  }
}
