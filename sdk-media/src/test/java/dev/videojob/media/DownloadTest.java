package dev.videojob.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.RetrySettings;
import dev.videojob.core.spi.Auth;
import dev.videojob.core.testing.ManualClock;
import dev.videojob.core.testing.RecordingSleeper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadTest {
  private static final int SIZE = 300_000;
  private static final String SECRET = "sk_live_MEDIA_SECRET";

  @TempDir Path dir;
  final MockWebServer server = new MockWebServer();
  final ManualClock clock = ManualClock.atEpochOfTests();
  final RecordingSleeper sleeper = RecordingSleeper.immediate(clock);
  MediaTransfer media;

  @BeforeEach
  void start() throws IOException {
    server.start();
    media = MediaTransfer.builder().clock(clock).sleeper(sleeper)
        .retry(RetrySettings.builder().maxRetries(3).random(() -> 1.0).build())
        .readTimeout(Duration.ofSeconds(5)).progressInterval(64 * 1024).build();
  }

  @AfterEach
  void stop() throws IOException {
    media.close();
    server.close();
  }

  private Asset asset(String path) {
    return Asset.builder(server.url(path).uri(), AssetKind.MASTER).build();
  }

  private List<Path> filesInDir() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void writesFileWithSha256AndSizeComputedWhileStreaming() throws IOException {
    server.setDispatcher(new GeneratedMedia.RangeDispatcher(SIZE));
    Path target = dir.resolve("master.mp4");

    DownloadResult r = media.download(asset("/master.mp4?X-Amz-Signature=abc"), target);

    assertThat(r.sizeBytes()).isEqualTo(SIZE);
    assertThat(r.sha256()).isEqualTo(GeneratedMedia.sha256(SIZE));
    assertThat(r.contentType()).isEqualTo("video/mp4");
    assertThat(Files.readAllBytes(target)).isEqualTo(GeneratedMedia.bytes(SIZE));
    assertThat(filesInDir()).containsExactly(target);
  }

  @Test
  void resumesWithRangeAfterConnectionDropsMidBodyAndChecksumStillMatches() throws IOException {
    GeneratedMedia.RangeDispatcher d = new GeneratedMedia.RangeDispatcher(SIZE).dropping(1);
    server.setDispatcher(d);
    Path target = dir.resolve("master.mp4");

    DownloadResult r = media.download(asset("/master.mp4"), target,
        DownloadOptions.builder().expectedSha256(GeneratedMedia.sha256(SIZE)).build());

    assertThat(r.sha256()).isEqualTo(GeneratedMedia.sha256(SIZE));
    assertThat(r.resumed()).isEqualTo(1);
    assertThat(Files.readAllBytes(target)).isEqualTo(GeneratedMedia.bytes(SIZE));
    RecordedRequest resume = d.requests.get(1);
    String range = resume.getHeaders().get("Range");
    assertThat(range).startsWith("bytes=").endsWith("-");
    assertThat(Long.parseLong(range.substring(6, range.length() - 1))).isPositive().isLessThanOrEqualTo(SIZE / 2);
    assertThat(resume.getHeaders().get("If-Range")).isEqualTo("\"v1-etag\"");
  }

  @Test
  void keepsResumingPastMaxRetriesWhileEachAttemptMakesProgress() throws IOException {
    GeneratedMedia.RangeDispatcher d = new GeneratedMedia.RangeDispatcher(SIZE).dropping(5);
    server.setDispatcher(d);

    DownloadResult r = media.download(asset("/master.mp4"), dir.resolve("m.mp4"));

    assertThat(r.resumed()).isEqualTo(5);
    assertThat(r.sha256()).isEqualTo(GeneratedMedia.sha256(SIZE));
  }

  @Test
  void startsAgainFromByteZeroWhenContentRangeDoesNotStartWhereItStopped() throws Exception {
    GeneratedMedia.RangeDispatcher d = new GeneratedMedia.RangeDispatcher(SIZE).dropping(1);
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getHeaders().get("Range") != null) {
          return new MockResponse.Builder().code(206).addHeader("Content-Range", "bytes 0-9/" + SIZE)
              .body("0123456789").build();
        }
        return d.dispatch(request);
      }
    });
    Path target = dir.resolve("m.mp4");

    DownloadResult r = media.download(asset("/master.mp4"), target);

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(r.sha256()).isEqualTo(GeneratedMedia.sha256(SIZE));
    assertThat(Files.readAllBytes(target)).isEqualTo(GeneratedMedia.bytes(SIZE));
  }

  @Test
  void startsAgainFromByteZeroWhenServerAnswersResumeWithWholeBody() throws IOException {
    GeneratedMedia.RangeDispatcher d = new GeneratedMedia.RangeDispatcher(SIZE).dropping(1);
    d.ignoreRange = true;
    server.setDispatcher(d);
    Path target = dir.resolve("master.mp4");

    DownloadResult r = media.download(asset("/master.mp4"), target);

    assertThat(d.requests).hasSize(2);
    assertThat(d.requests.get(1).getHeaders().get("Range")).isNotNull();
    assertThat(r.sizeBytes()).isEqualTo(SIZE);
    assertThat(r.sha256()).isEqualTo(GeneratedMedia.sha256(SIZE));
    assertThat(Files.readAllBytes(target)).isEqualTo(GeneratedMedia.bytes(SIZE));
  }

  @Test
  void checksumMismatchLeavesNoFileBehind() throws IOException {
    server.setDispatcher(new GeneratedMedia.RangeDispatcher(SIZE));
    Path target = dir.resolve("master.mp4");

    assertThatThrownBy(() -> media.download(asset("/master.mp4"), target,
        DownloadOptions.builder().expectedSha256("0".repeat(64)).build()))
        .isInstanceOf(ChecksumMismatchException.class)
        .hasMessageContaining("nothing was kept");
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void failedDownloadKeepsPreviousTargetUntouched() throws IOException {
    Path target = dir.resolve("master.mp4");
    Files.writeString(target, "previous version");
    server.enqueue(new MockResponse.Builder().code(500).build());
    server.enqueue(new MockResponse.Builder().code(500).build());
    server.enqueue(new MockResponse.Builder().code(500).build());
    server.enqueue(new MockResponse.Builder().code(500).build());

    assertThatThrownBy(() -> media.download(asset("/master.mp4"), target)).isInstanceOf(TransferException.class)
        .hasMessageContaining("HTTP 500 after 4 attempt(s)");
    assertThat(Files.readString(target)).isEqualTo("previous version");
    assertThat(filesInDir()).containsExactly(target);
  }

  @Test
  void forbiddenAfterExpiresAtIsAssetExpired() {
    server.enqueue(new MockResponse.Builder().code(403).body("<Error><Code>AccessDenied</Code></Error>").build());
    Asset asset = asset("/master.mp4?X-Amz-Signature=SIGNED").toBuilder()
        .expiresAt(clock.instant().minus(Duration.ofMinutes(5))).build();

    assertThatThrownBy(() -> media.download(asset, dir.resolve("master.mp4")))
        .isInstanceOf(AssetExpiredException.class)
        .hasMessageContaining("has expired")
        .hasMessageContaining("client.result(job.ref())")
        .hasMessageNotContaining("SIGNED");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void s3RequestHasExpiredBodyIsAssetExpiredWithoutKnownExpiry() {
    server.enqueue(new MockResponse.Builder().code(400).body("<Error><Code>AccessDenied</Code>"
        + "<Message>Request has expired</Message></Error>").build());

    assertThatThrownBy(() -> media.download(asset("/master.mp4"), dir.resolve("master.mp4")))
        .isInstanceOf(AssetExpiredException.class);
  }

  @Test
  void notFoundBeforeExpiryIsNotRetriedAndNotCalledExpired() {
    server.enqueue(new MockResponse.Builder().code(404).body("no such key").build());

    assertThatThrownBy(() -> media.download(asset("/master.mp4"), dir.resolve("master.mp4")))
        .isInstanceOf(TransferException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void honoursRetryAfterOn503ThroughTheSleeper() throws IOException {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "7").build());
    server.enqueue(new MockResponse.Builder().code(200).body("hello").build());

    DownloadResult r = media.download(asset("/a.txt"), dir.resolve("a.txt"));

    assertThat(r.attempts()).isEqualTo(2);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("hello");
  }

  @Test
  void sendsCredentialsToProviderOriginWhenAssetNeedsThem() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("video").build());
    Asset asset = asset("/api/download/1").toBuilder().needsAuth(true).build();

    media.download(asset, dir.resolve("v.mp4"), DownloadOptions.builder()
        .credentials(Auth.bearer(SECRET), server.url("/").uri()).build());

    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET);
  }

  @Test
  void neverSendsCredentialsToAnotherHostEvenThroughRedirect() throws Exception {
    try (MockWebServer cdn = new MockWebServer()) {
      cdn.start();
      cdn.enqueue(new MockResponse.Builder().code(200).body("video").build());
      URI cdnUrl = URI.create("http://127.0.0.1:" + cdn.getPort() + "/cdn/v.mp4?sig=abc");
      server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", cdnUrl.toString()).build());
      URI origin = URI.create("http://localhost:" + server.getPort() + "/");
      Asset asset = Asset.builder(origin.resolve("/api/download/1"), AssetKind.MASTER).needsAuth(true).build();

      DownloadResult r = media.download(asset, dir.resolve("v.mp4"),
          DownloadOptions.builder().credentials(Auth.bearer(SECRET), origin).build());

      assertThat(r.sizeBytes()).isEqualTo(5);
      assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET);
      RecordedRequest atCdn = cdn.takeRequest();
      assertThat(atCdn.getHeaders().get("Authorization")).isNull();
      assertThat(atCdn.getHeaders().toString()).doesNotContain(SECRET);
    }
  }

  @Test
  void neverSendsCredentialsToAssetOnAnotherOrigin() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("video").build());
    Asset asset = asset("/cdn/v.mp4").toBuilder().needsAuth(true).build();

    media.download(asset, dir.resolve("v.mp4"), DownloadOptions.builder()
        .credentials(Auth.bearer(SECRET), URI.create("https://api.provider.example/")).build());

    assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void neverSendsCredentialsWhenAssetDoesNotNeedThem() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("video").build());

    media.download(asset("/v.mp4"), dir.resolve("v.mp4"), DownloadOptions.builder()
        .credentials(Auth.bearer(SECRET), server.url("/").uri()).build());

    assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void reportsProgressAndAFinalDoneEvent() {
    server.setDispatcher(new GeneratedMedia.RangeDispatcher(SIZE));
    List<TransferProgress> events = new CopyOnWriteArrayList<>();

    media.download(asset("/master.mp4"), dir.resolve("m.mp4"), DownloadOptions.builder()
        .listener(new TransferListener() {
          @Override
          public void onProgress(TransferProgress p) {
            events.add(p);
          }
        }).build());

    assertThat(events).hasSizeGreaterThan(2);
    assertThat(events).extracting(TransferProgress::bytesTransferred).isSorted();
    TransferProgress last = events.get(events.size() - 1);
    assertThat(last.done()).isTrue();
    assertThat(last.bytesTransferred()).isEqualTo(SIZE);
    assertThat(last.fraction()).isEqualTo(1.0);
  }

  @Test
  void writesTheBodyInLargeChunksNotSocketSizedPieces() {
    int size = 4 * 1024 * 1024;
    server.setDispatcher(new GeneratedMedia.RangeDispatcher(size));
    AtomicInteger writes = new AtomicInteger();
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public synchronized void write(byte[] b, int off, int len) {
        writes.incrementAndGet();
        super.write(b, off, len);
      }
    };
    try (MediaTransfer defaults = MediaTransfer.builder().clock(clock).sleeper(sleeper).build()) {
      DownloadResult r = defaults.download(asset("/big.mp4"), out, DownloadOptions.defaults());

      assertThat(r.sha256()).isEqualTo(GeneratedMedia.sha256(size));
    }
    assertThat(out.toByteArray()).isEqualTo(GeneratedMedia.bytes(size));
    // Read 8 KiB at a time, as the socket hands the body over, this was 512 writes (a syscall each for a file).
    assertThat(writes.get()).isLessThanOrEqualTo(size / (256 * 1024));
  }

  @Test
  void resumesIntoAnOutputStream() {
    server.setDispatcher(new GeneratedMedia.RangeDispatcher(SIZE).dropping(1));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    DownloadResult r = media.download(asset("/master.mp4"), out, DownloadOptions.defaults());

    assertThat(r.file()).isEmpty();
    assertThat(out.toByteArray()).isEqualTo(GeneratedMedia.bytes(SIZE));
  }

  @Test
  void cancellingLeavesNeitherTemporaryFileNorTarget() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(GeneratedMedia.body(0, SIZE))
        .throttleBody(16 * 1024, 50, TimeUnit.MILLISECONDS).build());
    CountDownLatch started = new CountDownLatch(1);
    Path target = dir.resolve("m.mp4");

    CompletableFuture<DownloadResult> f = media.downloadAsync(asset("/m.mp4"), target, DownloadOptions.builder()
        .listener(new TransferListener() {
          @Override
          public void onProgress(TransferProgress p) {
            started.countDown();
          }
        }).build());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    f.cancel(true);

    assertThatThrownBy(f::join).isInstanceOf(CancellationException.class);
    assertThat(filesInDir()).isEmpty();
  }
}
