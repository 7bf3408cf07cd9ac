package dev.videojob.providers.higgsfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.InvalidRequestException;
import org.junit.jupiter.api.Test;

class HiggsfieldOptionsTest {

  @Test
  void readsTypeAndFormat() {
    assertThat(HiggsfieldOutput.parse("master:mp4")).isEqualTo(HiggsfieldOutput.of("master", "mp4"));
  }

  @Test
  void readsATypeWithoutFormat() {
    assertThat(HiggsfieldOutput.parse("thumbnail").formatName()).isEmpty();
  }

  @Test
  void refusesAnEmptyFormatAfterTheColon() {
    assertThatThrownBy(() -> HiggsfieldOutput.parse("master:")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void refusesEmptyOptions() {
    assertThatThrownBy(() -> new HiggsfieldOptions(java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
