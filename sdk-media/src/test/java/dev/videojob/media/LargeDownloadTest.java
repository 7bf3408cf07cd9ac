package dev.videojob.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs in its own surefire execution with {@code -Xmx64m} (tag {@code small-heap}, see the POM). */
@Tag("small-heap")
class LargeDownloadTest {
  private static final long SIZE = 256L * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void streamsBodyFourTimesLargerThanTheHeapInConstantMemory() throws Exception {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("this test proves constant memory only under a small heap: run it with -Xmx64m")
        .isLessThan(SIZE / 2);
    try (MockWebServer server = new MockWebServer();
        MediaTransfer media = MediaTransfer.builder().readTimeout(Duration.ofSeconds(30)).build()) {
      server.setDispatcher(new GeneratedMedia.RangeDispatcher(SIZE).dropping(1));
      server.start();
      Path target = dir.resolve("big.mp4");

      DownloadResult r = media.download(Asset.builder(server.url("/big.mp4").uri(), AssetKind.MASTER).build(), target,
          DownloadOptions.builder().expectedSize(SIZE).build());

      assertThat(r.sizeBytes()).isEqualTo(SIZE);
      assertThat(r.resumed()).isEqualTo(1);
      assertThat(Files.size(target)).isEqualTo(SIZE);
      assertThat(r.sha256()).isEqualTo(GeneratedMedia.sha256(SIZE));
    }
  }
}
