package dev.videojob.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.RetrySettings;
import dev.videojob.media.ScriptedHttpServer.Reply;
import dev.videojob.core.testing.ManualClock;
import dev.videojob.core.testing.RecordingSleeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers that cut the body short, ignore {@code Range}, or both: the download must end with a typed
 * error after a bounded number of attempts, never restart from byte 0 until the transfer timeout.
 */
class DownloadRestartTest {
  private static final int SIZE = 1000;
  private static final byte[] FULL = GeneratedMedia.bytes(SIZE);

  @TempDir Path dir;
  final ManualClock clock = ManualClock.atEpochOfTests();
  final RecordingSleeper sleeper = RecordingSleeper.immediate(clock);
  MediaTransfer media;
  ScriptedHttpServer server;

  @BeforeEach
  void start() {
    // maxRetries 3; the transfer timeout is short only so that, were restarts unbounded, the test would end
    media = MediaTransfer.builder().clock(clock).sleeper(sleeper)
        .retry(RetrySettings.builder().maxRetries(3).random(() -> 1.0).build())
        .readTimeout(Duration.ofSeconds(5)).transferTimeout(Duration.ofMinutes(10)).build();
  }

  @AfterEach
  void stop() throws IOException {
    media.close();
    if (server != null) server.close();
  }

  private DownloadResult download(ScriptedHttpServer.Script script) throws IOException {
    server = new ScriptedHttpServer(script);
    return media.download(Asset.builder(server.url("/master.mp4"), AssetKind.MASTER).build(),
        dir.resolve("master.mp4"));
  }

  private List<Path> filesInDir() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  private static byte[] first(int n) {
    return Arrays.copyOf(FULL, n);
  }

  @Test
  void bodyShorterThanContentLengthFailsWithTypedErrorInsteadOfRestartingUntilTheTimeout() throws IOException {
    // the server ignores Range: every resume is a restart from byte 0 that again ends at byte 500
    assertThatThrownBy(() -> download((attempt, range) -> Reply.of(200, SIZE, first(500))))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("fewer bytes than its Content-Length")
        .hasMessageContaining("500 of 1000");
    assertThat(server.requests()).isBetween(2, 4);
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void bodyShorterThanContentLengthFailsWithTypedErrorWhenTheServerRefusesTheResume() throws IOException {
    // the server honours Range for the 500 bytes it really has, and refuses a resume from byte 500 with 416
    assertThatThrownBy(() -> download((attempt, range) -> range == null
        ? Reply.of(200, SIZE, first(500))
        : Reply.of(416, 0, new byte[0], "Content-Range: bytes */500")))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("fewer bytes than its Content-Length")
        .hasMessageContaining("500 of 1000");
    assertThat(server.requests()).isBetween(2, 4);
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void restartsFromByteZeroAreBoundedEvenWhenEachGetsFurther() throws IOException {
    // no Range support; attempt k breaks off after k * 100 bytes: progress every time, but each costs a restart
    assertThatThrownBy(() -> download((attempt, range) -> Reply.of(200, SIZE, first(Math.min(SIZE, attempt * 100)))))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("start again from byte 0")
        .hasMessageContaining("Range");
    assertThat(server.requests()).isLessThanOrEqualTo(5);
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void attemptsThatGetNoFurtherThanAnEarlierOneAreBoundedThoughEachReceivesBytes() throws IOException {
    // no Range support; the first attempt reaches byte 600, every later one breaks off earlier, each at a new byte
    assertThatThrownBy(() -> download((attempt, range) ->
        Reply.of(200, SIZE, first(attempt == 1 ? 600 : Math.max(1, 500 - attempt)))))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("after 4 attempt(s)")
        .hasMessageContaining("fewer bytes than its Content-Length");
    assertThat(server.requests()).isEqualTo(4);
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void resumesWithRangeWhenEachAttemptBreaksOffAtANewByte() throws IOException {
    // honest Range support; attempt k breaks off after 150 bytes: six resumes, more than maxRetries
    DownloadResult r = download((attempt, range) -> {
      int from = range == null ? 0 : Integer.parseInt(range.substring(6, range.length() - 1));
      int to = Math.min(SIZE, from + 150);
      byte[] part = Arrays.copyOfRange(FULL, from, to);
      return range == null ? Reply.of(200, SIZE, part)
          : Reply.of(206, SIZE - from, part, "Content-Range: bytes " + from + "-" + (SIZE - 1) + "/" + SIZE);
    });

    assertThat(r.sizeBytes()).isEqualTo(SIZE);
    assertThat(r.resumed()).isEqualTo(6);
    assertThat(Files.readAllBytes(dir.resolve("master.mp4"))).isEqualTo(FULL);
  }
}
