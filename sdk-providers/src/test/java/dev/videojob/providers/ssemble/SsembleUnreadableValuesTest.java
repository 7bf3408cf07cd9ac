package dev.videojob.providers.ssemble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.JobRef;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import dev.videojob.core.support.Mode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Values ssemble may send that the SDK cannot read are left out of the snapshot, never thrown. */
class SsembleUnreadableValuesTest {
  private static final String ID = "6655f0a1c2b3d4e5f6a7b8c9";
  private static final JobRef REF = JobRef.of("ssemble", ID);

  @ParameterizedTest
  @EnumSource(Mode.class)
  void valuesOutOfRangeAndIllegalUrlsAreLeftOutOfTheSnapshot(Mode mode) throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueue(200, "{\"data\":{\"_id\":\"" + ID + "\",\"status\":\"completed\",\"progress\":1e309,"
          + "\"estimatedTime\":1e309,\"createdAt\":\"+1000000000-01-01T00:00:00Z\",\"completedAt\":-1e17,\"shorts\":["
          + "{\"id\":\"clip_01\",\"video_url\":\"https://cdn.ssemble.com/shorts/clip 01.mp4\",\"duration\":42.5},"
          + "{\"id\":\"clip_02\",\"video_url\":\"https://cdn.ssemble.com/shorts/clip_02.mp4\",\"duration\":1e309,"
          + "\"viral_score\":1e309,\"thumbnail_url\":\"https://cdn.ssemble.com/shorts/clip 02.jpg\"}]}}");

      VideoJob job = mode.status(h.client, REF);

      assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(job.progress()).hasValue(1.0);
      assertThat(job.createdAt()).isEmpty();
      assertThat(job.completedAt()).isEmpty();
      assertThat(job.estimatedTimeRemaining()).isEmpty();
      assertThat(job.outputs()).singleElement().satisfies(a -> {
        assertThat(a.kind()).isEqualTo(AssetKind.SHORT);
        assertThat(a.attributes()).containsEntry("id", "clip_02").doesNotContainKey("thumbnailUrl");
        assertThat(a.duration()).isEmpty();
        assertThat(a.score()).isEmpty();
      });
      assertThat(job.outputs()).extracting(Asset::kind).doesNotContain(AssetKind.THUMBNAIL);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-9223372036854775808", "-1", "99999999999999999999", "soon"})
  void aRateLimitResetOutOfRangeReadsAsUnknown(String reset) throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      h.enqueueFixture(200, "status-processing.json", "X-RateLimit-Remaining-Hour", "41", "X-RateLimit-Reset", reset);

      h.client.status(REF);

      assertThat(h.ssemble.lastRateLimit()).hasValueSatisfying(l -> {
        assertThat(l.remainingHour()).hasValue(41);
        assertThat(l.reset()).isEmpty();
      });
    }
  }

  @Test
  void aRateLimitResetNearTheEndOfTimeReadsAsUnknown() {
    SsembleRateLimit l = new SsembleRateLimit(java.util.Map.of("x-ratelimit-reset", "999999999"), Instant.MAX);

    assertThat(l.reset()).isEmpty();
  }
}
