package dev.videojob.providers.higgsfield;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.providers.StatusMapping;
import dev.videojob.core.JobStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HiggsfieldStatusesTest {

  @ParameterizedTest(name = "{0} -> {1} {2} {3}")
  @CsvSource(nullValues = "-", value = {
      "queued,      QUEUED,    queued,      0.0",
      "started,     RUNNING,   started,     -",
      "in_progress, RUNNING,   in_progress, -",
      "processing,  RUNNING,   processing,  -",
      "complete,    SUCCEEDED, complete,    1.0",
      "completed,   SUCCEEDED, completed,   1.0",
      "failed,      FAILED,    failed,      -",
      "nsfw,        FAILED,    nsfw,        -",
      "canceled,    CANCELED,  canceled,    -",
      "cancelled,   CANCELED,  canceled,    -",
      "published,   UNKNOWN,   -,           -",
      "upscaling,   UNKNOWN,   -,           -"})
  void mapsEachKnownValueAndLeavesOthersUnknown(String raw, JobStatus status, String phase, Double progress) {
    StatusMapping m = HiggsfieldStatuses.of(raw);

    assertThat(m.status()).isEqualTo(status);
    assertThat(m.phase()).isEqualTo(phase);
    assertThat(m.progress()).isEqualTo(progress);
  }
}
