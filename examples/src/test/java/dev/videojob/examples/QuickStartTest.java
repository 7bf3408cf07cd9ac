package dev.videojob.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.testing.RequiredServices;
import dev.videojob.ffmpeg.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick start keeps working: it runs here exactly as {@code -Pquickstart} runs it. */
class QuickStartTest {

  @Test
  void theQuickStartDownloadsTheMasterAndMakesThreeDeliverablesAndAThumbnail(@TempDir Path out) throws Exception {
    boolean ffmpeg;
    try {
      Ffmpeg.locate();
      ffmpeg = true;
    } catch (RuntimeException e) {
      ffmpeg = false;
    }
    RequiredServices.assume(ffmpeg, "ffmpeg not found on PATH or FFMPEG_PATH; install it (apt-get install ffmpeg)");

    List<Path> files = QuickStart.run(out);

    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("master.mp4", "tiktok-9x16.mp4", "square-1x1.mp4", "web-16x9.mp4", "poster.jpg");
    for (Path f : files) assertThat(Files.size(f)).as(f.toString()).isPositive();
  }
}
