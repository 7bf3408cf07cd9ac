package dev.videojob.providers.higgsfield;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.JobRef;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import dev.videojob.core.support.Mode;
import dev.videojob.providers.support.AdapterHarness;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Values Higgsfield may send that the SDK cannot read are left out of the snapshot, never thrown. */
class HiggsfieldUnreadableValuesTest {
  static final JobRef REF = JobRef.of("higgsfield", "jf-1234");

  @ParameterizedTest
  @EnumSource(Mode.class)
  void negativeOrOverflowingSizesAndIllegalUrlsAreDroppedTheRestIsKept(Mode mode) throws Exception {
    try (AdapterHarness h = HiggsfieldContractTest.harness()) {
      h.enqueue(200, "{\"job_id\":\"jf-1234\",\"status\":\"complete\",\"created_at\":1e309,"
          + "\"completed_at\":\"+1000000000-01-01T00:00:00Z\",\"estimated_time_seconds\":1e300,\"progress\":1e309,"
          + "\"assets\":["
          + "{\"type\":\"master\",\"url\":\"https://cdn.example.com/jf-1234/master.mp4\",\"size_bytes\":-5,"
          + "\"duration\":1e309,\"expires_at\":1e17},"
          + "{\"type\":\"proxy\",\"url\":\"https://cdn.example.com/jf-1234/proxy.mp4\",\"size_bytes\":1e30},"
          + "{\"type\":\"thumbnail\",\"url\":\"https://cdn.example.com/jf 1234/thumb.jpg\",\"size_bytes\":10}]}");

      VideoJob job = mode.status(h.client, REF);

      assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(job.createdAt()).isEmpty();
      assertThat(job.completedAt()).isEmpty();
      assertThat(job.outputs()).extracting(Asset::kind).containsExactly(AssetKind.MASTER, AssetKind.PROXY);
      assertThat(job.outputs()).allSatisfy(a -> {
        assertThat(a.sizeBytes()).isEmpty();
        assertThat(a.expiresAt()).isEmpty();
        assertThat(a.duration()).isEmpty();
      });
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aWaitReadsThroughANegativeSize(Mode mode) throws Exception {
    try (AdapterHarness h = HiggsfieldContractTest.harness()) {
      h.enqueue(200, "{\"job_id\":\"jf-1234\",\"status\":\"complete\",\"assets\":[{\"type\":\"master\","
          + "\"url\":\"https://cdn.example.com/jf-1234/master.mp4\",\"size_bytes\":-1}]}");

      VideoJob done = mode.await(h.client, REF, Duration.ofMinutes(1));

      assertThat(done.output(AssetKind.MASTER)).hasValueSatisfying(a -> assertThat(a.sizeBytes()).isEmpty());
    }
  }
}
