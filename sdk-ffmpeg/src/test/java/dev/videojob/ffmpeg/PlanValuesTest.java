package dev.videojob.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Builders reject plans that cannot work, before anything runs. */
class PlanValuesTest {

  @Test
  void webmRejectsH264() {
    assertThatThrownBy(() -> Rendition.builder(Path.of("a.webm")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WEBM cannot carry H264");
  }

  @Test
  void webmRejectsAac() {
    assertThatThrownBy(() -> Rendition.builder(Path.of("a.webm")).videoCodec(VideoCodec.VP9).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AAC");
  }

  @Test
  void containerFollowsTheExtensionUnlessSet() {
    assertThat(Rendition.builder(Path.of("a.webm")).videoCodec(VideoCodec.AV1).audio(AudioCodec.OPUS).build()
        .container()).isEqualTo(Container.WEBM);
    assertThat(Rendition.builder(Path.of("a.mov")).build().container()).isEqualTo(Container.MP4);
  }

  @Test
  void defaultQualityIsTheCodecsCrf() {
    assertThat(Rendition.builder(Path.of("a.mp4")).videoCodec(VideoCodec.H265).build().quality())
        .isEqualTo(Quality.crf(28));
  }

  @Test
  void qualityNeedsExactlyOneMode() {
    assertThatThrownBy(() -> new Quality(20, 1_000_000, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Quality.crf(64)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Quality.bitRate(2_000_000).withMaxRate(1_000_000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thumbnailNeedsAnImageExtensionAndAValidPosition() {
    assertThatThrownBy(() -> Thumbnail.at(Duration.ofSeconds(1), Path.of("t.gif")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Thumbnail.atFraction(1.5, Path.of("t.jpg"))).isInstanceOf(IllegalArgumentException.class);
    assertThat(Thumbnail.atFraction(0.5, Path.of("t.PNG")).isPng()).isTrue();
  }

  @Test
  void planWithoutOutputsIsRejected() {
    assertThatThrownBy(() -> TranscodePlan.builder(Path.of("in.mp4")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no outputs");
  }

  @Test
  void twoOutputsAtOnePathAreRejected() {
    assertThatThrownBy(() -> TranscodePlan.builder(Path.of("in.mp4"))
        .rendition(Rendition.builder(Path.of("o.mp4")).build())
        .rendition(Rendition.builder(Path.of("./o.mp4")).build()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("o.mp4");
  }

  @Test
  void outputOverTheInputIsRejected() {
    assertThatThrownBy(() -> TranscodePlan.builder(Path.of("in.mp4"))
        .rendition(Rendition.builder(Path.of("in.mp4")).build()).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void adaptiveStreamNeedsALadderAndATemplateFreeDirectory() {
    assertThatThrownBy(() -> AdaptiveStream.hls(Path.of("out")).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AdaptiveStream.dash(Path.of("out%d"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exceptionMessageCarriesTheLastStderrLine() {
    TranscodeException e = new TranscodeException(TranscodeException.Category.FFMPEG_FAILED, "ffmpeg failed", 1,
        java.util.List.of("ffmpeg", "-i", "x"), "line one\nError opening output file", null);

    assertThat(e.getMessage()).isEqualTo("ffmpeg failed (exit code 1): Error opening output file");
    assertThat(e).isInstanceOf(dev.videojob.core.VideoJobException.class);
    assertThat(e.exitCode()).hasValue(1);
  }
}
