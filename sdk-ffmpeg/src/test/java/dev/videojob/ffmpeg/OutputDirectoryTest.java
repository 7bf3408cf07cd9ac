package dev.videojob.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HLS and DASH packages replace their directory whole: one that holds anything is refused before ffmpeg runs. */
class OutputDirectoryTest {
  @TempDir static Path dir;
  static Path clip;
  static Ffmpeg ffmpeg;

  @BeforeEach
  void requireFfmpeg() {
    TestMedia.ffmpeg();
  }

  @BeforeAll
  static void generate() {
    if (!TestMedia.available()) return; // each test then skips or fails in @BeforeEach
    clip = TestMedia.clip(dir, "clip.mp4", 160, 90, 1, true);
    ffmpeg = TestMedia.ffmpeg();
  }

  private static TranscodePlan plan(AdaptiveStream.Builder stream) {
    return TranscodePlan.builder(clip).stream(stream.step(90, 200_000).segmentDuration(Duration.ofSeconds(1))
        .speed(EncoderSpeed.FASTEST).build()).build();
  }

  private static void assertBadOutput(Throwable t, Path directory) {
    assertThat(t).isInstanceOfSatisfying(TranscodeException.class, e -> {
      assertThat(e.category()).isEqualTo(TranscodeException.Category.BAD_OUTPUT);
      assertThat(e.getMessage()).contains(directory.toString()).contains("must be empty or not exist")
          .contains("choose another directory");
      assertThat(e.arguments()).as("nothing was run").isEmpty();
    });
  }

  @Test
  void nonEmptyHlsDirectoryFailsVerifyAndTranscodeWithTypedErrorBeforeAnythingRuns() throws Exception {
    Path hls = Files.createDirectories(dir.resolve("busy-hls"));
    Path old = Files.writeString(hls.resolve("old.m3u8"), "#EXTM3U\n");
    TranscodePlan plan = plan(AdaptiveStream.hls(hls));

    Throwable atVerify = catchThrowable(() -> ffmpeg.verify(plan, ffmpeg.probe(clip)));
    assertBadOutput(atVerify, hls);
    Throwable atRun = catchThrowable(() -> ffmpeg.transcode(plan));
    assertBadOutput(atRun, hls);
    assertThat(Files.readString(old)).isEqualTo("#EXTM3U\n");
    assertThat(hls.resolve("master.m3u8")).doesNotExist();
    assertThat(TestMedia.leftovers(dir)).isEmpty();
  }

  @Test
  void nonEmptyDashDirectoryFailsVerifyAndTranscodeWithTypedError() throws Exception {
    Path dash = Files.createDirectories(dir.resolve("busy-dash"));
    Files.writeString(dash.resolve("notes.txt"), "keep me");
    TranscodePlan plan = plan(AdaptiveStream.dash(dash));

    assertBadOutput(catchThrowable(() -> ffmpeg.verify(plan, ffmpeg.probe(clip))), dash);
    assertBadOutput(catchThrowable(() -> ffmpeg.transcode(plan)), dash);
    assertThat(Files.readString(dash.resolve("notes.txt"))).isEqualTo("keep me");
    assertThat(TestMedia.leftovers(dir)).isEmpty();
  }

  @Test
  void fileWhereThePackageDirectoryShouldBeFailsWithTypedError() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    TranscodePlan plan = plan(AdaptiveStream.hls(file));

    assertBadOutput(catchThrowable(() -> ffmpeg.verify(plan, ffmpeg.probe(clip))), file);
    assertBadOutput(catchThrowable(() -> ffmpeg.transcode(plan)), file);
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void emptyExistingDirectoryIsReplacedByThePackage() throws Exception {
    Path hls = Files.createDirectories(dir.resolve("empty-hls"));

    TranscodeResult r = ffmpeg.transcode(plan(AdaptiveStream.hls(hls)));

    assertThat(r.outputs()).hasSize(1);
    assertThat(hls.resolve("master.m3u8")).isRegularFile();
    assertThat(TestMedia.leftovers(dir)).isEmpty();
  }
}
