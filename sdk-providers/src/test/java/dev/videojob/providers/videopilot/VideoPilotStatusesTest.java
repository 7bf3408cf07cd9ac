package dev.videojob.providers.videopilot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.providers.StatusMapping;
import dev.videojob.core.JobStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoPilotStatusesTest {

  @ParameterizedTest(name = "{0} -> {1} {2} {3}")
  @CsvSource(nullValues = "-", value = {
      "video.script_ready,      RUNNING,   script_ready, 0.25",
      "video.media_ready,       RUNNING,   media_ready,  0.5",
      "video.generation_failed, FAILED,    failed,       -",
      "render.started,          RUNNING,   rendering,    0.75",
      "render.completed,        SUCCEEDED, completed,    1.0",
      "render.failed,           FAILED,    failed,       -",
      "render.queued,           UNKNOWN,   -,            -",
      "video.deleted,           UNKNOWN,   -,            -"})
  void mapsEachDocumentedEventAndLeavesOthersUnknown(String event, JobStatus status, String phase, Double progress) {
    StatusMapping m = VideoPilotStatuses.ofEvent(event);

    assertThat(m.status()).isEqualTo(status);
    assertThat(m.phase()).isEqualTo(phase);
    assertThat(m.progress()).isEqualTo(progress);
  }

  @ParameterizedTest(name = "{0} -> {1} {2} {3}")
  @CsvSource(nullValues = "-", value = {
      "pending,      QUEUED,    queued,       0.0",
      "script_ready, RUNNING,   script_ready, 0.25",
      "media_ready,  RUNNING,   media_ready,  0.5",
      "processing,   RUNNING,   rendering,    0.75",
      "completed,    SUCCEEDED, completed,    1.0",
      "failed,       FAILED,    failed,       -",
      "compositing,  UNKNOWN,   -,            -"})
  void mapsEachStatusAndLeavesOthersUnknown(String raw, JobStatus status, String phase, Double progress) {
    StatusMapping m = VideoPilotStatuses.ofStatus(raw);

    assertThat(m.status()).isEqualTo(status);
    assertThat(m.phase()).isEqualTo(phase);
    assertThat(m.progress()).isEqualTo(progress);
  }
}
