package dev.videojob.providers.videopilot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VideoPilotJobIdTest {

  @Test
  void aJobIdCarriesTheVideoAndRenderIdsAndReadsBack() {
    VideoPilotJobId id = new VideoPilotJobId("video_123abc", "render_789xyz");

    assertThat(id.value()).isEqualTo("video_123abc~render_789xyz");
    assertThat(VideoPilotJobId.parse(id.value())).isEqualTo(id);
  }

  @Test
  void aBareVideoIdHasNoRenderJob() {
    VideoPilotJobId id = VideoPilotJobId.parse("65a4f0c2e1b2c3d4e5f6a7b8");

    assertThat(id.videoId()).isEqualTo("65a4f0c2e1b2c3d4e5f6a7b8");
    assertThat(id.renderJob()).isEmpty();
    assertThat(id.value()).isEqualTo("65a4f0c2e1b2c3d4e5f6a7b8");
  }

  @Test
  void refusesAnIdContainingTheSeparator() {
    assertThatThrownBy(() -> new VideoPilotJobId("a~b", "c")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesABlankRenderPart() {
    assertThatThrownBy(() -> VideoPilotJobId.parse("video_1~")).isInstanceOf(IllegalArgumentException.class);
  }
}
