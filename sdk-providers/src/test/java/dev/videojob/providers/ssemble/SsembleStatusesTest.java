package dev.videojob.providers.ssemble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SsembleStatusesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "queued, QUEUED",
      "processing, RUNNING",
      "completed, SUCCEEDED",
      "failed, FAILED",
      "cancelled, CANCELED",
      "canceled, CANCELED",
      "archived, UNKNOWN",
      "COMPLETED, UNKNOWN"})
  void mapsEveryStatus(String raw, JobStatus expected) {
    assertThat(SsembleStatuses.of(raw).status()).isEqualTo(expected);
  }

  @Test
  void mapsMissingStatusToUnknownWhichIsNotTerminal() {
    assertThat(SsembleStatuses.of(null).status()).isEqualTo(JobStatus.UNKNOWN);
    assertThat(JobStatus.UNKNOWN.isTerminal()).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "fetching_video, 0.0",
      "transcribing_audio, 0.25",
      "finding_highlights, 0.5",
      "finalizing, 0.75"})
  void givesEveryStepItsProgressInRunOrder(String step, double progress) {
    assertThat(SsembleStatuses.stepProgress(step)).contains(progress);
  }

  @Test
  void givesAnUnknownStepNoProgress() {
    assertThat(SsembleStatuses.stepProgress("uploading_to_tiktok")).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"shorts.completed, SUCCEEDED", "shorts.failed, FAILED"})
  void mapsEveryWebhookEvent(String event, JobStatus expected) {
    assertThat(SsembleStatuses.event(event)).contains(expected);
  }

  @Test
  void leavesAnUnknownEventUnmapped() {
    assertThat(SsembleStatuses.event("shorts.progress")).isEmpty();
  }
}
