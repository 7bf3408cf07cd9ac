package dev.videojob.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryPresetsTest {
  @TempDir static Path dir;
  static Path clip;

  @BeforeAll
  static void generate() {
    if (!TestMedia.available()) return; // each test then skips or fails in @BeforeEach
    clip = TestMedia.clip(dir, "clip.mp4", 640, 360, 2, true);
  }

  @Test
  void everyPresetNamesItsSourceAndDate() {
    assertThat(DeliveryPresets.all()).hasSize(5).allSatisfy(p -> {
      assertThat(p.source().getScheme()).isEqualTo("https");
      assertThat(p.asOf()).isAfter(java.time.LocalDate.of(2023, 1, 1));
      assertThat(p.container()).isEqualTo(Container.MP4);
      assertThat(p.videoCodecs()).contains(VideoCodec.H264);
    });
    assertThat(DeliveryPresets.all()).extracting(DeliveryPreset::name)
        .containsExactly("TikTok", "Instagram Reels", "YouTube Shorts", "X", "LinkedIn");
  }

  @Test
  void validateListsEveryViolationNotJustTheFirst() {
    TestMedia.ffmpeg();
    MediaInfo webm = TestMedia.ffmpeg().transcode(TranscodePlan.builder(clip).rendition(
        Rendition.builder(dir.resolve("tiny.webm")).videoCodec(VideoCodec.VP9).audio(AudioCodec.OPUS).size(160, 90)
            .frameRate(12).speed(EncoderSpeed.FASTEST).build()).build()).outputs().get(0).info();

    List<PresetViolation> v = DeliveryPresets.validate(webm, DeliveryPresets.TIKTOK);

    assertThat(v).extracting(PresetViolation::rule).containsExactlyInAnyOrder(PresetViolation.Rule.CONTAINER,
        PresetViolation.Rule.VIDEO_CODEC, PresetViolation.Rule.AUDIO_CODEC, PresetViolation.Rule.RESOLUTION,
        PresetViolation.Rule.FRAME_RATE, PresetViolation.Rule.DURATION);
    assertThat(v).allSatisfy(x -> assertThat(x.message()).contains("TikTok"));
  }

  @Test
  void aspectOutsideTheRangeIsReported() {
    TestMedia.ffmpeg();
    MediaInfo wide = TestMedia.ffmpeg().probe(clip);

    assertThat(DeliveryPresets.validate(wide, DeliveryPresets.YOUTUBE_SHORTS)).extracting(PresetViolation::rule)
        .contains(PresetViolation.Rule.ASPECT_RATIO);
  }

  @Test
  void tiktokPresetRenditionPassesItsOwnValidationEvenFromAShortLandscapeSource() {
    TestMedia.ffmpeg();
    Path out = dir.resolve("tiktok.mp4");
    MediaInfo info = TestMedia.ffmpeg().transcode(TranscodePlan.builder(clip)
        .rendition(Rendition.forPreset(DeliveryPresets.TIKTOK, out).size(540, 960).speed(EncoderSpeed.FASTEST).build())
        .build()).outputs().get(0).info();

    assertThat(DeliveryPresets.validate(info, DeliveryPresets.TIKTOK)).isEmpty();
    assertThat(info.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(info.video().orElseThrow().height()).isEqualTo(960);
  }

  @Test
  void xPresetRenditionPassesItsOwnValidation() {
    TestMedia.ffmpeg();
    Path out = dir.resolve("x.mp4");
    MediaInfo info = TestMedia.ffmpeg().transcode(TranscodePlan.builder(clip)
        .rendition(Rendition.forPreset(DeliveryPresets.X, out).size(320, 180).speed(EncoderSpeed.FASTEST).build())
        .build()).outputs().get(0).info();

    assertThat(DeliveryPresets.validate(info, DeliveryPresets.X)).isEmpty();
  }

  @Test
  void presetRenditionCutsInputLongerThanTheMaximum() {
    TestMedia.ffmpeg();
    DeliveryPreset short1s = new DeliveryPreset("Short", Container.MP4, java.util.Set.of(VideoCodec.H264),
        java.util.Set.of(AudioCodec.AAC), 0, 0, 0, 0, Duration.ZERO, Duration.ofSeconds(1), 0, 0, 0.1, 10,
        dev.videojob.core.AspectRatio.LANDSCAPE_16_9, 320, 180, java.net.URI.create("https://example.com/spec"),
        java.time.LocalDate.of(2025, 1, 1));
    MediaInfo info = TestMedia.ffmpeg().transcode(TranscodePlan.builder(clip)
        .rendition(Rendition.forPreset(short1s, dir.resolve("cut.mp4")).speed(EncoderSpeed.FASTEST).build())
        .build()).outputs().get(0).info();

    assertThat(info.duration().toMillis()).isLessThanOrEqualTo(1050);
    assertThat(DeliveryPresets.validate(info, short1s)).isEmpty();
  }
}
