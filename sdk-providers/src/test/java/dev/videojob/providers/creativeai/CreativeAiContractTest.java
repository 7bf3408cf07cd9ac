package dev.videojob.providers.creativeai;

import static dev.videojob.providers.support.AdapterHarness.bodyJson;
import static dev.videojob.providers.support.AdapterHarness.fixture;
import static dev.videojob.providers.support.AdapterHarness.fixtureJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.videojob.core.AspectRatio;
import dev.videojob.core.AssetKind;
import dev.videojob.core.Cost;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.JobRef;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.support.Mode;
import dev.videojob.core.spi.VideoProvider;
import dev.videojob.providers.support.AdapterHarness;
import dev.videojob.providers.support.ProviderContract;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CreativeAiContractTest extends ProviderContract {
  static final String KEY = "cai_live_SECRET_1234";
  static final JobRef REF = JobRef.of("creativeai", "vgen_abc123");

  @Override
  protected VideoProvider adapter(String baseUrl) {
    return CreativeAi.builder().apiKey(KEY).baseUrl(baseUrl + "/v1").build();
  }

  @Override
  protected VideoRequest request() {
    return documentRequest();
  }

  @Override
  protected JobRef ref() {
    return REF;
  }

  @Override
  protected void enqueueSubmission(AdapterHarness h) {
    h.enqueue(202, fixture("creativeai/create-response.json"));
  }

  @Override
  protected void enqueueRunToSuccess(AdapterHarness h) {
    h.enqueue(200, runningStatus());
    h.enqueue(200, fixture("creativeai/webhook-completed.json"));
  }

  @Override
  protected String runningStatus() {
    return "{\"id\":\"vgen_abc123\",\"status\":\"processing\",\"phase\":\"Rendering\"}";
  }

  @Override
  protected String failedStatus() {
    return "{\"id\":\"vgen_abc123\",\"status\":\"failed\",\"error\":\"Job exceeded maximum wait time\"}";
  }

  static AdapterHarness harness() throws Exception {
    return new AdapterHarness(base -> CreativeAi.builder().apiKey(KEY).baseUrl(base + "/v1").build());
  }

  static VideoRequest documentRequest() {
    return VideoRequest.builder().model("kling-v3").prompt("Product reveal animation on white background")
        .duration(Duration.ofSeconds(5)).aspectRatio(AspectRatio.LANDSCAPE_16_9)
        .callbackUrl(URI.create("https://your-app.com/webhooks/creativeai")).build();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void submitSendsTheDocumentsRequestAndReadsThe202(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(202, fixture("creativeai/create-response.json"));

      VideoJob job = mode.submit(h.client, documentRequest());

      RecordedRequest r = h.take();
      assertThat(r.getMethod()).isEqualTo("POST");
      assertThat(r.getTarget()).isEqualTo("/v1/video/generations");
      assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
      assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
      assertThat(bodyJson(r)).isEqualTo(fixtureJson("creativeai/create-request.json"));
      assertThat(job.id()).isEqualTo("vgen_abc123");
      assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
      assertThat(job.rawStatus()).isEqualTo("pending");
      assertThat(job.metadata()).containsEntry("model", "kling-v3");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void submitWithoutCallbackMatchesThePollingExample(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(202, fixture("creativeai/create-response.json"));

      mode.submit(h.client, VideoRequest.builder().model("kling-v3").prompt("Product reveal animation")
          .duration(Duration.ofSeconds(5)).build());

      JsonNode expected = JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build()
          .readTree(fixture("creativeai/create-request-polling.json"));
      assertThat(bodyJson(h.take())).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void sendsModelAutoWhenTheRequestNamesNone(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(202, fixture("creativeai/create-response.json"));

      mode.submit(h.client, VideoRequest.builder().prompt("a lighthouse at dusk").build());

      assertThat(bodyJson(h.take()).get("model").asText()).isEqualTo("auto");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void sendsTheImageUrlOfAnImageToVideoRequest(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(202, fixture("creativeai/create-response.json"));

      mode.submit(h.client, VideoRequest.builder().prompt("slow zoom")
          .extension(CreativeAiOptions.imageToVideo(URI.create("https://img.example.com/listing-42.jpg"))).build());

      JsonNode body = bodyJson(h.take());
      assertThat(body.get("image_url").asText()).isEqualTo("https://img.example.com/listing-42.jpg");
      assertThat(body.get("prompt").asText()).isEqualTo("slow zoom");
    }
  }

  @Test
  void anImageAloneIsEnoughWithoutAPrompt() throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(202, fixture("creativeai/create-response.json"));

      h.client.submit(VideoRequest.builder()
          .extension(CreativeAiOptions.imageToVideo(URI.create("https://img.example.com/a.jpg"))).build());

      assertThat(bodyJson(h.take()).has("prompt")).isFalse();
    }
  }

  @Test
  void refusesARequestWithNeitherPromptNorImageBeforeAnyCall() throws Exception {
    try (AdapterHarness h = harness()) {
      assertThatThrownBy(() -> h.client.submit(VideoRequest.builder().model("kling-v3").build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("prompt"));
      assertThat(h.requestCount()).isZero();
    }
  }

  @Test
  void refusesMetadataWhichCreativeAiDoesNotTakeBeforeAnyCall() throws Exception {
    try (AdapterHarness h = harness()) {
      assertThatThrownBy(() -> h.client.submit(VideoRequest.builder().prompt("p").metadata("campaign", "x").build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("metadata"));
      assertThat(h.requestCount()).isZero();
    }
  }

  @Test
  void refusesAnImageUrlThatIsNotHttp() throws Exception {
    try (AdapterHarness h = harness()) {
      VideoRequest r = VideoRequest.builder().prompt("p")
          .extension(CreativeAiOptions.imageToVideo(URI.create("file:///etc/passwd"))).build();

      assertThatThrownBy(() -> h.client.submit(r))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("imageUrl"));
      assertThat(h.requestCount()).isZero();
    }
  }

  @Test
  void refusesAnImageUrlLongerThan2048Characters() throws Exception {
    try (AdapterHarness h = harness()) {
      VideoRequest r = VideoRequest.builder().prompt("p").extension(CreativeAiOptions.imageToVideo(
          URI.create("https://img.example.com/" + "a".repeat(2048)))).build();

      assertThatThrownBy(() -> h.client.submit(r)).isInstanceOf(InvalidRequestException.class);
      assertThat(h.requestCount()).isZero();
    }
  }

  @Test
  void refusesFractionalSecondsBeforeAnyCall() throws Exception {
    try (AdapterHarness h = harness()) {
      assertThatThrownBy(() -> h.client.submit(VideoRequest.builder().prompt("p").duration(Duration.ofMillis(5500))
          .build())).isInstanceOfSatisfying(InvalidRequestException.class,
              e -> assertThat(e.field()).contains("duration"));
      assertThat(h.requestCount()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void statusReadsTheGenerationWithOutputCreditsAndFailover(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(200, fixture("creativeai/webhook-completed.json").replace("\"failover_used\": false",
          "\"failover_used\": true"));

      VideoJob job = mode.status(h.client, REF);

      RecordedRequest r = h.take();
      assertThat(r.getMethod()).isEqualTo("GET");
      assertThat(r.getTarget()).isEqualTo("/v1/video/generations/vgen_abc123");
      assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
      assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(job.output(AssetKind.MASTER).orElseThrow().url())
          .isEqualTo(URI.create("https://cdn.creativeai.run/output/video-abc123.mp4"));
      assertThat(job.cost()).contains(Cost.credits(BigDecimal.valueOf(3)));
      assertThat(job.failoverUsed()).isTrue();
      assertThat(job.completedAt()).contains(Instant.parse("2026-03-10T14:23:01Z"));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRejectedRequestCarriesTheProvidersCodeAndMessage(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(400, "{\"error\":{\"code\":\"invalid_model\",\"message\":\"Unknown model: kling-v9\"}}");

      assertThatThrownBy(() -> mode.submit(h.client, documentRequest()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.providerCode()).contains("invalid_model");
            assertThat(e.providerMessage()).contains("Unknown model: kling-v9");
            assertThat(e.httpStatus()).hasValue(400);
          });
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void lifecycleFromSubmissionThroughPhasesToTheOutput(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(202, fixture("creativeai/create-response.json"));
      h.enqueue(200, "{\"id\":\"vgen_abc123\",\"status\":\"processing\",\"phase\":\"Rendering\"}");
      h.enqueue(200, "{\"id\":\"vgen_abc123\",\"status\":\"encoding\"}");
      h.enqueue(200, "{\"id\":\"vgen_abc123\",\"status\":\"warming_up\"}");
      h.enqueue(200, fixture("creativeai/webhook-completed.json"));

      VideoJob submitted = mode.submit(h.client, documentRequest());
      VideoJob done = mode.await(h.client, submitted.ref(), Duration.ofMinutes(10));

      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(done.outputs()).hasSize(1);
      assertThat(h.requestCount()).isEqualTo(5);
      assertThat(h.sleeper.sleeps()).hasSize(3);
    }
  }

}
