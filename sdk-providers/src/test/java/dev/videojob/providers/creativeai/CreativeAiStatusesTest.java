package dev.videojob.providers.creativeai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.providers.StatusMapping;
import dev.videojob.core.JobStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreativeAiStatusesTest {

  @ParameterizedTest(name = "{0} -> {1} {2} {3}")
  @CsvSource(nullValues = "-", value = {
      "pending,    QUEUED,    queued,     0.0",
      "Queued,     QUEUED,    queued,     0.0",
      "Preparing,  RUNNING,   preparing,  0.1",
      "processing, RUNNING,   processing, -",
      "Rendering,  RUNNING,   rendering,  0.3",
      "Encoding,   RUNNING,   encoding,   0.8",
      "Finishing,  RUNNING,   finishing,  0.9",
      "completed,  SUCCEEDED, completed,  1.0",
      "failed,     FAILED,    failed,     -",
      "warming_up, UNKNOWN,   -,          -",
      "cancelled,  UNKNOWN,   -,          -"})
  void mapsEachDocumentedValueAndLeavesOthersUnknown(String raw, JobStatus status, String phase, Double progress) {
    StatusMapping m = CreativeAiStatuses.of(raw);

    assertThat(m.status()).isEqualTo(status);
    assertThat(m.phase()).isEqualTo(phase);
    assertThat(m.progress()).isEqualTo(progress);
  }

  @ParameterizedTest
  @CsvSource({"warming_up", "cancelled", "''"})
  void anUnknownValueIsNotTerminalSoWaitingGoesOn(String raw) {
    assertThat(CreativeAiStatuses.of(raw).status().isTerminal()).isFalse();
  }
}
