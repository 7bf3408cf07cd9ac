package dev.videojob.providers.vidbuilder;

import static dev.videojob.providers.vidbuilder.VidBuilderHarness.body;
import static dev.videojob.providers.vidbuilder.VidBuilderHarness.fixture;
import static dev.videojob.providers.vidbuilder.VidBuilderHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.core.AssetKind;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.JobStatus;
import dev.videojob.core.ProviderUnavailableException;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.AdapterSupport;
import dev.videojob.core.spi.CallContext;
import java.time.Instant;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class VidBuilderSyncTest {

  private static VideoRequest syncRequest() {
    return VideoRequest.builder().extension(VidBuilderHarness.documentOptions().build()).idempotencyKey("key-1").build();
  }

  @Test
  void postsTheConfigWithoutWebhookToTheSynchronousEndpointAndReturnsTheFinishedJob() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueueFixture(200, "sync-response.json");

      VideoJob job = h.vidBuilder.sync().generateNow(syncRequest());

      RecordedRequest r = h.take();
      assertThat(r.getMethod()).isEqualTo("POST");
      assertThat(r.getTarget()).isEqualTo("/api/generate-flexible-video");
      assertThat(r.getHeaders().get("Authorization")).startsWith("Basic ");
      ObjectNode expected = (ObjectNode) json(fixture("async-request.json"));
      expected.remove("webhookUrl");
      assertThat(body(r)).isEqualTo(expected);
      assertThat(job.id()).isEqualTo("sync789");
      assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(job.outputs()).extracting(a -> a.kind()).containsExactly(AssetKind.MASTER, AssetKind.MASTER);
      assertThat(job.outputs().get(1).needsAuth()).isTrue();
    }
  }

  @Test
  void runsUnderTheCallersContextWithoutBlocking() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueue(200, "{\"success\":true,\"jobId\":\"j9\",\"status\":\"completed\","
          + "\"s3Upload\":{\"enabled\":true,\"standard\":{\"signedUrl\":\"https://s3.example.com/j9.mp4?sig=1\","
          + "\"expiresIn\":3600}}}");
      CallContext ctx = CallContext.builder("vidbuilder", "generateNow").clock(h.clock).sleeper(h.sleeper)
          .idempotencyKey("key-2").build();

      VideoJob job = AdapterSupport.join(h.vidBuilder.sync().generateNow(syncRequest(), ctx));

      assertThat(job.id()).isEqualTo("j9");
      assertThat(job.outputs().get(0).expiresAt()).contains(h.clock.instant().plusSeconds(3600));
    }
  }

  @Test
  void namesAJobWithoutIdAfterTheIdempotencyKey() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueue(200, "{\"success\":true,\"s3Upload\":{\"enabled\":true,\"standard\":{"
          + "\"signedUrl\":\"https://s3.example.com/x.mp4?sig=1\"}}}");

      VideoJob job = h.vidBuilder.sync().generateNow(syncRequest());

      assertThat(job.id()).isEqualTo("sync-key-1");
      assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    }
  }

  @Test
  void rejectsACallbackUrlBeforeAnyCall() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      assertThatThrownBy(() -> h.vidBuilder.sync().generateNow(VidBuilderHarness.documentRequest()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("callbackUrl"));
      assertThat(h.server.getRequestCount()).isZero();
    }
  }

  @Test
  void rejectsARequestWithoutScenesBeforeAnyCall() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      assertThatThrownBy(() -> h.vidBuilder.sync().generateNow(VideoRequest.builder()
          .extension(VidBuilderOptions.builder().build()).build()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("scenes"));
      assertThat(h.server.getRequestCount()).isZero();
    }
  }

  @Test
  void doesNotResendTheSynchronousCreateAfterAServerError() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueue(500, "{\"error\":\"Render crashed\",\"message\":\"Internal error\"}");
      h.enqueueFixture(200, "sync-response.json");

      assertThatThrownBy(() -> h.vidBuilder.sync().generateNow(syncRequest())).isInstanceOf(ProviderUnavailableException.class);
      assertThat(h.server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void aFailedSynchronousAnswerIsAFailedJob() throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueue(200, "{\"success\":false,\"jobId\":\"j3\",\"error\":\"Invalid scene type: hero\","
          + "\"timestamp\":\"2025-11-12T18:31:00.000Z\"}");

      VideoJob job = h.vidBuilder.sync().generateNow(syncRequest());

      assertThat(job.status()).isEqualTo(JobStatus.FAILED);
      assertThat(job.completedAt()).contains(Instant.parse("2025-11-12T18:31:00Z"));
      assertThat(job.error().orElseThrow().category()).isEqualTo(dev.videojob.core.ErrorCategory.INVALID_INPUT);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"<html>made</html>", "{\"success\":true,\"jobId\":", "[1,2]"})
  void anAnswerItCannotReadIsAnUnknownOutcomeCarryingTheKeyForTheVideoMayExist(String answer) throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueue(200, answer);

      assertThatThrownBy(() -> h.vidBuilder.sync().generateNow(syncRequest()))
          .isInstanceOfSatisfying(dev.videojob.core.OutcomeUnknownException.class, e -> {
            assertThat(e.idempotencyKey()).contains("key-1");
            assertThat(e.nothingCreated()).isFalse();
            assertThat(e.provider()).contains("vidbuilder");
          });
    }
  }
}
