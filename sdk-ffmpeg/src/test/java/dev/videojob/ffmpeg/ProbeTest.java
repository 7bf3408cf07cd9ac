package dev.videojob.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeTest {
  @TempDir static Path dir;
  static Path clip;

  @BeforeEach
  void requireFfmpeg() {
    TestMedia.ffmpeg();
  }

  @BeforeAll
  static void generate() {
    if (!TestMedia.available()) return; // each test then skips or fails in @BeforeEach
    clip = TestMedia.clip(dir, "clip.mp4", 320, 180, 2, true);
  }

  @Test
  void probeReportsContainerDurationAndSize() throws Exception {
    MediaInfo info = TestMedia.ffmpeg().probe(clip);

    assertThat(info.container()).startsWith("mov,mp4");
    assertThat(info.duration().toMillis()).isBetween(1900L, 2200L);
    assertThat(info.sizeBytes()).isEqualTo(Files.size(clip));
    assertThat(info.bitRate()).isPositive();
    assertThat(info.path()).isEqualTo(clip.toAbsolutePath().normalize());
  }

  @Test
  void probeReportsVideoStreamDetails() {
    StreamInfo v = TestMedia.ffmpeg().probe(clip).video().orElseThrow();

    assertThat(v.codec()).isEqualTo("h264");
    assertThat(v.profile()).isNotBlank();
    assertThat(v.width()).isEqualTo(320);
    assertThat(v.height()).isEqualTo(180);
    assertThat(v.pixelFormat()).isEqualTo("yuv420p");
    assertThat(v.frameRate()).isCloseTo(25.0, within(0.01));
    assertThat(v.rotation()).isZero();
  }

  @Test
  void probeReportsAudioRateAndChannels() {
    StreamInfo a = TestMedia.ffmpeg().probe(clip).audio().orElseThrow();

    assertThat(a.codec()).isEqualTo("aac");
    assertThat(a.sampleRate()).isEqualTo(44100);
    assertThat(a.channels()).isEqualTo(1);
  }

  @Test
  void probeReadsRotationFromTheDisplayMatrix() {
    Path rotated = dir.resolve("rotated.mp4");
    String ffmpeg = TestMedia.ffmpeg().ffmpegPath().toString();
    try { // FFmpeg 6.1 and later
      TestMedia.run(java.util.List.of(ffmpeg, "-v", "quiet", "-y", "-display_rotation", "90", "-i", clip.toString(),
          "-c", "copy", rotated.toString()));
    } catch (AssertionError olderThan61) { // 5.x and 6.0: the mov muxer turns the rotate tag into a display matrix
      TestMedia.run(java.util.List.of(ffmpeg, "-v", "error", "-y", "-i", clip.toString(), "-c", "copy",
          "-metadata:s:v:0", "rotate=90", rotated.toString()));
    }

    StreamInfo v = TestMedia.ffmpeg().probe(rotated).video().orElseThrow();

    assertThat(v.rotation()).isIn(90, 270);
    assertThat(v.displayWidth()).isEqualTo(180);
    assertThat(v.displayHeight()).isEqualTo(320);
  }

  @Test
  void corruptInputIsBadInput() throws Exception {
    Path junk = dir.resolve("junk.mp4");
    Files.write(junk, "this is not a video, just text pretending to be one".repeat(50).getBytes());

    assertThatThrownBy(() -> TestMedia.ffmpeg().probe(junk))
        .isInstanceOfSatisfying(TranscodeException.class, e -> {
          assertThat(e.category()).isEqualTo(TranscodeException.Category.BAD_INPUT);
          assertThat(e.arguments()).contains(junk.toAbsolutePath().normalize().toString());
          assertThat(e.stderrTail()).isNotBlank();
          assertThat(e.exitCode()).isPresent();
        });
  }

  @Test
  void truncatedMediaIsBadInput() throws Exception {
    Path cut = dir.resolve("cut.mp4");
    byte[] bytes = Files.readAllBytes(clip);
    Files.write(cut, java.util.Arrays.copyOf(bytes, 200));

    assertThatThrownBy(() -> TestMedia.ffmpeg().probe(cut))
        .isInstanceOfSatisfying(TranscodeException.class,
            e -> assertThat(e.category()).isEqualTo(TranscodeException.Category.BAD_INPUT));
  }

  @Test
  void missingFileIsBadInputNamingThePath() {
    Path nowhere = dir.resolve("nowhere.mp4");

    assertThatThrownBy(() -> TestMedia.ffmpeg().probe(nowhere))
        .isInstanceOfSatisfying(TranscodeException.class, e -> {
          assertThat(e.category()).isEqualTo(TranscodeException.Category.BAD_INPUT);
          assertThat(e.getMessage()).contains(nowhere.toString());
        });
  }

  @Test
  void probeAsyncCompletesWithTheSameInfo() throws Exception {
    MediaInfo info = TestMedia.ffmpeg().probeAsync(clip).get();

    assertThat(info).isEqualTo(TestMedia.ffmpeg().probe(clip));
  }

  @Test
  void capabilitiesListTheDebianEncodersAndFilters() {
    Capabilities caps = TestMedia.ffmpeg().capabilities();

    assertThat(caps.majorVersion()).isGreaterThanOrEqualTo(5);
    assertThat(caps.videoEncoder(VideoCodec.H264)).contains("libx264");
    assertThat(caps.hasFilter("split")).isTrue();
    assertThat(caps.hasMuxer("mp4")).isTrue();
    assertThat(caps.hasMuxer("hls")).isTrue();
  }
}
