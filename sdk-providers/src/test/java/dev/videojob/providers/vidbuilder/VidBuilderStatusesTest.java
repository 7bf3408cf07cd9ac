package dev.videojob.providers.vidbuilder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VidBuilderStatusesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "queued, QUEUED",
      "started, RUNNING",
      "processing, RUNNING",
      "completed, SUCCEEDED",
      "failed, FAILED",
      "uploading, UNKNOWN",
      "Completed, UNKNOWN"})
  void mapsEveryStatusAndWebhookStatus(String raw, JobStatus expected) {
    assertThat(VidBuilderStatuses.of(raw).status()).isEqualTo(expected);
  }

  @Test
  void mapsMissingStatusToUnknown() {
    assertThat(VidBuilderStatuses.of(null).status()).isEqualTo(JobStatus.UNKNOWN);
  }

  @ParameterizedTest(name = "{0} is a webhook status: {1}")
  @CsvSource({"started, true", "completed, true", "failed, true", "queued, false", "processing, false", "progress, false"})
  void knowsTheThreeWebhookStatusesOfTheDocument(String raw, boolean webhook) {
    assertThat(VidBuilderStatuses.isWebhookStatus(raw)).isEqualTo(webhook);
  }
}
