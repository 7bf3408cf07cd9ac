package dev.videojob.providers.ssemble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SsembleStatusTableTest {

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
    assertThat(SsembleStatusTable.status(raw)).isEqualTo(expected);
  }

  @Test
  void mapsMissingStatusToUnknownWhichIsNotTerminal() {
    assertThat(SsembleStatusTable.status(null)).isEqualTo(JobStatus.UNKNOWN);
    assertThat(JobStatus.UNKNOWN.isTerminal()).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "fetching_video, 0.0",
      "transcribing_audio, 0.25",
      "finding_highlights, 0.5",
      "finalizing, 0.75"})
  void givesEveryStepItsProgressInRunOrder(String step, double progress) {
    assertThat(SsembleStatusTable.stepProgress(step)).contains(progress);
  }

  @Test
  void givesAnUnknownStepNoProgress() {
    assertThat(SsembleStatusTable.stepProgress("uploading_to_tiktok")).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"shorts.completed, SUCCEEDED", "shorts.failed, FAILED"})
  void mapsEveryWebhookEvent(String event, JobStatus expected) {
    assertThat(SsembleStatusTable.event(event)).contains(expected);
  }

  @Test
  void leavesAnUnknownEventUnmapped() {
    assertThat(SsembleStatusTable.event("shorts.progress")).isEmpty();
  }
}
