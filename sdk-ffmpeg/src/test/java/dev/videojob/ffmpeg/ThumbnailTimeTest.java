package dev.videojob.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A thumbnail asked for past the end of the input is a typed error from verify and transcode, before anything runs. */
class ThumbnailTimeTest {
  @TempDir static Path dir;
  static Path clip;
  static Ffmpeg ffmpeg;

  @BeforeEach
  void requireFfmpeg() {
    TestMedia.ffmpeg();
  }

  @BeforeAll
  static void generate() {
    if (!TestMedia.available()) return;
    clip = TestMedia.clip(dir, "clip.mp4", 160, 90, 1, false);
    ffmpeg = TestMedia.ffmpeg();
  }

  private static void assertPastTheEnd(Throwable t) {
    assertThat(t).isInstanceOfSatisfying(TranscodeException.class, e -> {
      assertThat(e.category()).isEqualTo(TranscodeException.Category.BAD_INPUT);
      assertThat(e.getMessage()).contains("not before the end of the input").contains("choose an earlier time");
      assertThat(e.arguments()).as("nothing was run").isEmpty();
    });
  }

  @Test
  void thumbnailPastTheEndFailsVerifyAndTranscodeWithTypedErrorNotIllegalArgument() throws Exception {
    Path poster = dir.resolve("late.jpg");
    TranscodePlan plan = TranscodePlan.builder(clip).thumbnail(Thumbnail.at(Duration.ofSeconds(5), poster)).build();

    assertPastTheEnd(catchThrowable(() -> ffmpeg.verify(plan, ffmpeg.probe(clip))));
    assertPastTheEnd(catchThrowable(() -> ffmpeg.transcode(plan)));
    assertThat(poster).doesNotExist();
    assertThat(TestMedia.leftovers(dir)).isEmpty();
  }
}
