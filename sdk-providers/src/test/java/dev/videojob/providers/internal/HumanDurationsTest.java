package dev.videojob.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HumanDurationsTest {

  @ParameterizedTest(name = "\"{0}\" -> {1} s")
  @CsvSource({
      "7 days, 604800",
      "180s, 180",
      "3-15 minutes, 180",
      "1h, 3600",
      "24 hours, 86400",
      "3600, 3600",
      "2 weeks, 1209600",
      "1.5 min, 90"})
  void readsDurationsWrittenForPeople(String text, long seconds) {
    assertThat(HumanDurations.parse(text)).contains(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "7 fortnights", "days 7", "-5 s"})
  void readsNothingFromTextItDoesNotUnderstand(String text) {
    assertThat(HumanDurations.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"e\":1e309}", "{\"e\":-1e309}", "{\"e\":1e300}", "{\"e\":\"99999999999999999999 weeks\"}"})
  void readsNothingFromADurationBeyondRange(String json) throws Exception {
    assertThat(HumanDurations.read(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), "e")).isEmpty();
  }
}
