package dev.videojob.providers.vidbuilder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.JobRef;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import dev.videojob.core.support.Mode;
import dev.videojob.webhooks.WebhookHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Values VidBuilder may send that the SDK cannot read are left out of the snapshot, never thrown. */
class VidBuilderUnreadableValuesTest {
  private static final JobRef REF = JobRef.of("vidbuilder", "abc123def456");
  /** A far-future timestamp (read as none), illegal URLs and paths, and numbers beyond range. */
  static final String COMPLETED = "{\"jobId\":\"abc123def456\",\"status\":\"completed\",\"progress\":1e309,"
      + "\"videoUrl\":\"/api/download/abc 123\",\"duration\":1e309,"
      + "\"s3Upload\":{\"enabled\":true,"
      + "\"standard\":{\"s3Key\":\"k\",\"signedUrl\":\"https://vidbuilder.s3.amazonaws.com/v/abc.mp4?X-Amz-Signature=a\","
      + "\"expiresIn\":\"7 days\"},"
      + "\"vertical\":[{\"signedUrl\":\"https://vidbuilder.s3.amazonaws.com/r/1.mp4\",\"expiresIn\":1e309},"
      + "{\"signedUrl\":\"https://vidbuilder.s3.amazonaws.com/r/2 b.mp4\",\"expiresIn\":\"7 days\"}]},"
      + "\"reels\":[\"/api/download/reel 1\",\"/api/download/reel-2\",{\"url\":\"reel|3\"}],"
      + "\"createdAt\":\"+1000000000-01-01T00:00:00Z\",\"timestamp\":\"+1000000000-01-01T00:00:00Z\"}";

  private static void assertReadable(VideoJob job, Instant observedAt) {
    assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(job.createdAt()).isEmpty();
    assertThat(job.completedAt()).contains(observedAt);
    assertThat(job.outputs()).extracting(Asset::kind, a -> a.attributes().get("variant"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(AssetKind.MASTER, "standard"),
            org.assertj.core.groups.Tuple.tuple(AssetKind.REEL, "vertical"),
            org.assertj.core.groups.Tuple.tuple(AssetKind.REEL, "reels"));
    // The timestamp could not be read, so the expiry counts from when the answer arrived.
    assertThat(job.outputs().get(0).expiresAt()).contains(observedAt.plus(Duration.ofDays(7)));
    assertThat(job.outputs().get(0).duration()).isEmpty();
    assertThat(job.outputs().get(1).expiresAt()).isEmpty();
    assertThat(job.outputs().get(2).url().getPath()).isEqualTo("/api/download/reel-2");
    assertThat(job.outputs().get(2).needsAuth()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void illegalUrlsAndValuesOutOfRangeAreLeftOutOfTheStatusSnapshot(Mode mode) throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueue(200, COMPLETED);

      assertReadable(mode.status(h.client, REF), h.clock.instant());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aWaitReadsThroughIllegalUrls(Mode mode) throws Exception {
    try (VidBuilderHarness h = new VidBuilderHarness()) {
      h.enqueue(200, COMPLETED);

      assertReadable(mode.await(h.client, REF, Duration.ofMinutes(5)), h.clock.instant());
    }
  }

  @Test
  void aCompletedWebhookWithIllegalUrlsParses() {
    Instant received = Instant.parse("2025-11-12T18:33:02Z");

    VideoJob job = VidBuilderWebhookFormat.unsigned()
        .parse(COMPLETED.getBytes(StandardCharsets.UTF_8), WebhookHeaders.of(Map.of()), received)
        .snapshot().orElseThrow();

    assertReadable(job, received);
  }
}
