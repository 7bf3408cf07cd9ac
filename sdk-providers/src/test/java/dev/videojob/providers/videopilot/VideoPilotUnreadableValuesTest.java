package dev.videojob.providers.videopilot;

import static dev.videojob.providers.support.AdapterHarness.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.AssetKind;
import dev.videojob.core.JobStatus;
import dev.videojob.core.OutcomeUnknownException;
import dev.videojob.core.ProviderResponseException;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoJobException;
import dev.videojob.core.support.Mode;
import dev.videojob.providers.support.AdapterHarness;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookParseException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Values VideoPilot may send that the SDK cannot read: dropped from the snapshot, or, for an id the SDK
 * cannot represent, a typed error naming the field.
 */
class VideoPilotUnreadableValuesTest {

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aDraftIdContainingTheSeparatorFailsTheSubmissionBeforeScenesAreGenerated(Mode mode) throws Exception {
    try (AdapterHarness h = VideoPilotContractTest.harness()) {
      h.enqueue(201, "{\"_id\":\"video~123\",\"status\":\"draft\"}");
      h.enqueue(200, fixture("videopilot/generate-scenes-response.json"));
      h.enqueue(202, fixture("videopilot/render-response.json"));

      assertThatThrownBy(() -> mode.submit(h.client, VideoPilotContractTest.requestBuilder().idempotencyKey("k-vp").build()))
          .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
            assertThat(e.idempotencyKey()).contains("k-vp");
            assertThat(e.getMessage()).contains("video~123").contains("job may exist");
            assertThat(e.getCause()).isInstanceOfSatisfying(ProviderResponseException.class,
                c -> assertThat(c.field()).contains("_id"));
          });
      assertThat(h.requestCount()).as("no scenes generated, nothing rendering").isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRenderIdContainingTheSeparatorFailsTheSubmissionNamingTheField(Mode mode) throws Exception {
    try (AdapterHarness h = VideoPilotContractTest.harness()) {
      h.enqueue(201, fixture("videopilot/draft-response.json"));
      h.enqueue(200, fixture("videopilot/generate-scenes-response.json"));
      h.enqueue(202, "{\"_id\":\"render~789\",\"status\":\"pending\"}");

      assertThatThrownBy(() -> mode.submit(h.client, VideoPilotContractTest.requestBuilder().build()))
          .isInstanceOf(VideoJobException.class)
          .rootCause().isInstanceOfSatisfying(ProviderResponseException.class, c -> assertThat(c.field()).contains("_id"));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void sizesAndNumbersOutOfRangeAreLeftOutOfTheStatusSnapshot(Mode mode) throws Exception {
    try (AdapterHarness h = VideoPilotContractTest.harness()) {
      h.enqueue(200, "{\"_id\":\"render_789xyz\",\"status\":\"completed\",\"progress\":1e309,"
          + "\"estimatedDuration\":1e309,\"output_url\":\"https://cdn.videopilot.app/videos/v.mp4\","
          + "\"duration\":1e309,\"file_size\":1e30}");

      VideoJob job = mode.status(h.client, VideoPilotContractTest.REF);

      assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(job.output(AssetKind.MASTER)).hasValueSatisfying(a -> {
        assertThat(a.sizeBytes()).isEmpty();
        assertThat(a.duration()).isEmpty();
      });
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aNegativeSizeAndAnIllegalUrlAreDroppedWhileWaiting(Mode mode) throws Exception {
    try (AdapterHarness h = VideoPilotContractTest.harness()) {
      h.enqueue(200, "{\"_id\":\"render_789xyz\",\"status\":\"processing\",\"output_url\":\"https://cdn/v 1.mp4\"}");
      h.enqueue(200, "{\"_id\":\"render_789xyz\",\"status\":\"completed\","
          + "\"output_url\":\"https://cdn.videopilot.app/videos/v.mp4\",\"file_size\":-1}");

      VideoJob done = mode.await(h.client, VideoPilotContractTest.REF, Duration.ofMinutes(5));

      assertThat(done.output(AssetKind.MASTER)).hasValueSatisfying(a -> assertThat(a.sizeBytes()).isEmpty());
    }
  }

  @ParameterizedTest
  @CsvSource({"video~123abc, render_789xyz, data.video_id", "video_123abc, render~789, data.render_job_id"})
  void aWebhookIdContainingTheSeparatorIsAParseErrorNamingTheField(String videoId, String renderId, String field) {
    String body = fixture("videopilot/webhook-render-completed.json").replace("video_123abc", videoId)
        .replace("render_789xyz", renderId);

    assertThatThrownBy(() -> VideoPilotWebhookFormat.create().parse(body.getBytes(StandardCharsets.UTF_8),
        WebhookHeaders.of(Map.of()), Instant.parse("2024-01-15T10:45:01Z")))
        .isInstanceOfSatisfying(WebhookParseException.class, e -> {
          assertThat(e.provider()).contains("videopilot");
          assertThat(e.getCause()).isInstanceOfSatisfying(ProviderResponseException.class,
              c -> assertThat(c.field()).contains(field));
        });
  }

  @Test
  void aWebhookWithSizesOutOfRangeParses() {
    String body = fixture("videopilot/webhook-render-completed.json").replace("25690112", "-25690112")
        .replace("87.5", "1e309");

    VideoJob job = VideoPilotWebhookFormat.create().parse(body.getBytes(StandardCharsets.UTF_8), WebhookHeaders.of(Map.of()),
        Instant.parse("2024-01-15T10:45:01Z")).snapshot().orElseThrow();

    assertThat(job.output(AssetKind.MASTER)).hasValueSatisfying(a -> {
      assertThat(a.sizeBytes()).isEmpty();
      assertThat(a.duration()).isEmpty();
    });
  }
}
