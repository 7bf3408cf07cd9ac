package dev.videojob.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thumbnail late in the video must not hold back ffmpeg's {@code -progress} reports (issue 17): ffmpeg
 * writes its first report only once every output has been opened, so a thumbnail cut from the single
 * decode at 90 % kept the run silent until 90 % and a working encode was stopped as stalled.
 */
class ThumbnailProgressTest {
  @TempDir static Path dir;
  static Path master;
  static Ffmpeg ffmpeg;

  @BeforeEach
  void requireFfmpeg() {
    TestMedia.ffmpeg();
  }

  @BeforeAll
  static void generate() {
    if (!TestMedia.available()) return;
    master = TestMedia.clip(dir, "master.mp4", 160, 90, 30, true);
    ffmpeg = TestMedia.ffmpeg();
  }

  @Test
  void lateThumbnailDoesNotHoldBackProgressSoAShortStallTimeoutPasses() {
    Path poster = dir.resolve("late-poster.jpg");
    List<Progress> seen = new CopyOnWriteArrayList<>();

    TranscodeResult r = ffmpeg.transcode(TranscodePlan.builder(master)
        .rendition(Rendition.builder(dir.resolve("late.mp4")).height(240).speed(EncoderSpeed.FAST).build())
        .thumbnail(Thumbnail.atFraction(0.9, poster).withWidth(80))
        .stallTimeout(Duration.ofSeconds(2))
        .build(), seen::add);

    assertThat(seen).isNotEmpty();
    assertThat(seen.get(0).outTime()).as("media time of the first progress report")
        .isLessThan(Duration.ofSeconds(27));
    assertThat(seen.get(seen.size() - 1).finished()).isTrue();
    assertThat(r.output(poster).info().video().orElseThrow().width()).isEqualTo(80);
  }

  @Test
  void thumbnailIsTheFrameAtItsTime() {
    Path poster = dir.resolve("exact.png");
    Path reference = dir.resolve("reference.png");
    TestMedia.run(List.of(ffmpeg.ffmpegPath().toString(), "-v", "error", "-y", "-i", master.toString(),
        "-vf", "trim=start=12.340,setpts=PTS-STARTPTS", "-frames:v", "1", reference.toString()));

    ffmpeg.transcode(TranscodePlan.builder(master).thumbnail(Thumbnail.at(Duration.ofMillis(12_340), poster)).build());

    assertThat(TestMedia.grayPixels(poster)).isEqualTo(TestMedia.grayPixels(reference));
  }
}
