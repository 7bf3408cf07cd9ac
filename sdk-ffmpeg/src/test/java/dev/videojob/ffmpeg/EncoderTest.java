package dev.videojob.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Codecs, containers, quality modes and what happens when the binary lacks an encoder. */
class EncoderTest {
  @TempDir static Path dir;
  static Path clip;

  @BeforeEach
  void requireFfmpeg() {
    TestMedia.ffmpeg();
  }

  @BeforeAll
  static void generate() {
    if (!TestMedia.available()) return; // each test then skips or fails in @BeforeEach
    clip = TestMedia.clip(dir, "clip.mp4", 320, 180, 1, true);
  }

  private static MediaInfo make(Rendition r) {
    return TestMedia.ffmpeg().transcode(TranscodePlan.builder(clip).rendition(r).build()).outputs().get(0).info();
  }

  @Test
  void h265InMp4IsTaggedHvc1() {
    MediaInfo info = make(Rendition.builder(dir.resolve("hevc.mp4")).videoCodec(VideoCodec.H265)
        .speed(EncoderSpeed.FASTEST).build());

    assertThat(info.video().orElseThrow().codec()).isEqualTo("hevc");
    assertThat(info.audio().orElseThrow().codec()).isEqualTo("aac");
  }

  @Test
  void vp9WithOpusInWebm() {
    MediaInfo info = make(Rendition.builder(dir.resolve("vp9.webm")).videoCodec(VideoCodec.VP9)
        .audio(AudioCodec.OPUS).speed(EncoderSpeed.FASTEST).build());

    assertThat(info.container()).startsWith("matroska,webm");
    assertThat(info.video().orElseThrow().codec()).isEqualTo("vp9");
    assertThat(info.audio().orElseThrow().codec()).isEqualTo("opus");
    assertThat(info.audio().orElseThrow().sampleRate()).isEqualTo(48000);
  }

  @Test
  void av1InMp4WithoutAudio() {
    MediaInfo info = make(Rendition.builder(dir.resolve("av1.mp4")).videoCodec(VideoCodec.AV1)
        .audio(AudioCodec.NONE).speed(EncoderSpeed.FASTEST).build());

    assertThat(info.video().orElseThrow().codec()).isEqualTo("av1");
    assertThat(info.audio()).isEmpty();
  }

  @Test
  void bitRateModeHonoursTheTarget() {
    MediaInfo info = make(Rendition.builder(dir.resolve("cbr.mp4")).quality(Quality.bitRate(200_000).withMaxRate(250_000))
        .audio(AudioCodec.NONE).speed(EncoderSpeed.FAST).build());

    assertThat(info.bitRate()).isBetween(50_000L, 400_000L);
  }

  @Test
  void frameRateIsConvertedDownToTheMaximum() {
    MediaInfo info = make(Rendition.builder(dir.resolve("fps.mp4")).frameRateRange(0, 15)
        .speed(EncoderSpeed.FASTEST).build());

    assertThat(info.video().orElseThrow().frameRate()).isEqualTo(15.0);
  }

  @Test
  void missingEncoderFailsBeforeEncodingAndNamesWhatWasTried() throws Exception {
    Ffmpeg limited = Ffmpeg.builder().ffmpegPath(binaryWithout(Set.of("libsvtav1", "libaom-av1")))
        .ffprobePath(TestMedia.ffmpeg().ffprobePath()).build();
    Path out = dir.resolve("no-av1.mp4");

    assertThatThrownBy(() -> limited.transcode(TranscodePlan.builder(clip)
        .rendition(Rendition.builder(out).videoCodec(VideoCodec.AV1).build()).build()))
        .isInstanceOfSatisfying(TranscodeException.class, e -> {
          assertThat(e.category()).isEqualTo(TranscodeException.Category.ENCODER_UNAVAILABLE);
          assertThat(e.getMessage()).contains("AV1").contains("libsvtav1").contains("libaom-av1");
          assertThat(e.arguments()).as("nothing was run").isEmpty();
        });
    assertThat(out).doesNotExist();
  }

  @Test
  void encoderChainFallsBackToTheNextEncoderTheBinaryHas() throws Exception {
    Ffmpeg limited = Ffmpeg.builder().ffmpegPath(binaryWithout(Set.of("libsvtav1")))
        .ffprobePath(TestMedia.ffmpeg().ffprobePath()).build();

    TranscodeResult r = limited.transcode(TranscodePlan.builder(clip).rendition(Rendition.builder(
        dir.resolve("aom.mp4")).videoCodec(VideoCodec.AV1).audio(AudioCodec.NONE).height(90)
        .speed(EncoderSpeed.FASTEST).build()).build());

    assertThat(r.command()).containsSubsequence("-c:v", "libaom-av1");
    assertThat(r.outputs().get(0).info().video().orElseThrow().codec()).isEqualTo("av1");
  }

  @Test
  void verifyReportsEveryMissingPieceAtOnce() throws Exception {
    Ffmpeg limited = Ffmpeg.builder().ffmpegPath(binaryWithout(Set.of("libx265", "hevc_nvenc", "hevc_qsv",
        "hevc_vaapi", "hevc_v4l2m2m", "libopus"))).ffprobePath(TestMedia.ffmpeg().ffprobePath()).build();
    TranscodePlan plan = TranscodePlan.builder(clip)
        .rendition(Rendition.builder(dir.resolve("a.mp4")).videoCodec(VideoCodec.H265).build())
        .rendition(Rendition.builder(dir.resolve("b.webm")).videoCodec(VideoCodec.VP9).audio(AudioCodec.OPUS).build())
        .build();

    assertThatThrownBy(() -> limited.verify(plan, limited.probe(clip)))
        .isInstanceOfSatisfying(TranscodeException.class, e -> {
          assertThat(e.category()).isEqualTo(TranscodeException.Category.ENCODER_UNAVAILABLE);
          assertThat(e.getMessage()).contains("H265").contains("OPUS");
        });
  }

  /** A real ffmpeg behind a wrapper whose -encoders listing leaves some encoders out. */
  private static Path binaryWithout(Set<String> encoders) throws Exception {
    Path script = Files.createTempFile(dir, "ffmpeg-limited", ".sh");
    String pattern = String.join("|", encoders);
    Files.writeString(script, "#!/bin/sh\n"
        + "if [ \"$2\" = \"-encoders\" ]; then\n"
        + "  '" + TestMedia.ffmpeg().ffmpegPath() + "' \"$@\" | grep -v -E ' (" + pattern + ") '\n"
        + "  exit 0\n"
        + "fi\n"
        + "exec '" + TestMedia.ffmpeg().ffmpegPath() + "' \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
