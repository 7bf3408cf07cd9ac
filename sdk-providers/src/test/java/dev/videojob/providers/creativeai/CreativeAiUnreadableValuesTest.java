package dev.videojob.providers.creativeai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.AssetKind;
import dev.videojob.core.JobRef;
import dev.videojob.core.JobStatus;
import dev.videojob.core.OutcomeUnknownException;
import dev.videojob.core.ProviderResponseException;
import dev.videojob.core.VideoJob;
import dev.videojob.core.support.Mode;
import dev.videojob.providers.support.AdapterHarness;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Values CreativeAI may send that the SDK cannot read are left out of the snapshot, never thrown. */
class CreativeAiUnreadableValuesTest {
  static final JobRef REF = JobRef.of("creativeai", "vgen_abc123");
  static final String OUT_OF_RANGE = "{\"id\":\"vgen_abc123\",\"status\":\"completed\",\"progress\":1e309,"
      + "\"estimated_time_remaining\":1e309,\"credits\":1e309,\"created_at\":\"+1000000000-01-01T00:00:00Z\","
      + "\"completed_at\":1e17,\"output_url\":\"https://cdn.creativeai.run/output/video abc.mp4\","
      + "\"thumbnail_url\":\"https://cdn.creativeai.run/output/thumb.jpg\"}";

  @ParameterizedTest
  @EnumSource(Mode.class)
  void valuesOutOfRangeAreLeftOutOfTheStatusSnapshot(Mode mode) throws Exception {
    try (AdapterHarness h = CreativeAiContractTest.harness()) {
      h.enqueue(200, OUT_OF_RANGE);

      VideoJob job = mode.status(h.client, REF);

      assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(job.cost()).isEmpty();
      assertThat(job.createdAt()).isEmpty();
      assertThat(job.completedAt()).isEmpty();
      assertThat(job.estimatedTimeRemaining()).isEmpty();
      assertThat(job.outputs()).extracting(a -> a.kind()).containsExactly(AssetKind.THUMBNAIL);
      assertThat(job.rawJson()).hasValueSatisfying(raw -> assertThat(raw).contains("video abc.mp4").contains("+1000000000-01-01"));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aWaitReadsThroughValuesOutOfRange(Mode mode) throws Exception {
    try (AdapterHarness h = CreativeAiContractTest.harness()) {
      h.enqueue(200, "{\"id\":\"vgen_abc123\",\"status\":\"processing\",\"progress\":-1e309,\"created_at\":1e309}");
      h.enqueue(200, OUT_OF_RANGE.replace("video abc.mp4", "video-abc.mp4"));

      VideoJob done = mode.await(h.client, REF, Duration.ofMinutes(5));

      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(done.output(AssetKind.MASTER)).isPresent();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCreateAnswerWithoutAnIdIsAnUnknownOutcomeNamingTheField(Mode mode) throws Exception {
    try (AdapterHarness h = CreativeAiContractTest.harness()) {
      h.enqueue(202, "{\"status\":\"pending\"}");

      assertThatThrownBy(() -> mode.submit(h.client, CreativeAiContractTest.documentRequest().toBuilder()
          .idempotencyKey("k-cai").build()))
          .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
            assertThat(e.idempotencyKey()).contains("k-cai");
            assertThat(e.getCause()).isInstanceOfSatisfying(ProviderResponseException.class,
                c -> assertThat(c.field()).contains("id"));
          });
    }
  }
}
