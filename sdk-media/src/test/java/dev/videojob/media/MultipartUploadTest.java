package dev.videojob.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.RetrySettings;
import dev.videojob.media.internal.Sha256;
import dev.videojob.core.testing.ManualClock;
import dev.videojob.core.testing.RecordingSleeper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartUploadTest {
  private static final int PART = 10_000;
  private static final int SIZE = 7 * PART + 1234;
  private static final int PARTS = 8;

  @TempDir Path dir;
  final MockWebServer server = new MockWebServer();
  final ManualClock clock = ManualClock.atEpochOfTests();
  final PartStore store = new PartStore();
  MediaTransfer media;
  Path file;
  Path state;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(store);
    server.start();
    media = MediaTransfer.builder().clock(clock).sleeper(RecordingSleeper.immediate(clock))
        .retry(RetrySettings.builder().maxRetries(2).random(() -> 1.0).build()).build();
    file = dir.resolve("master.mp4");
    Files.write(file, GeneratedMedia.bytes(SIZE));
    state = dir.resolve("master.mp4.upload.json");
  }

  @AfterEach
  void stop() throws IOException {
    media.close();
    server.close();
  }

  private List<URI> partUrls(int count) {
    List<URI> urls = new ArrayList<>();
    for (int n = 1; n <= count; n++) urls.add(server.url("/bucket/master.mp4?partNumber=" + n + "&sig=S").uri());
    return urls;
  }

  private MultipartUpload.Builder plan() {
    return MultipartUpload.builder(partUrls(PARTS), state).partSize(PART).uploadId("up-1");
  }

  @Test
  void putsEachPartToItsUrlAndCollectsEtagsInOrder() {
    MultipartUploadResult r = media.uploadMultipart(file, plan().build());

    assertThat(MultipartUpload.partCount(SIZE, PART)).isEqualTo(PARTS);
    assertThat(r.parts()).extracting(MultipartUploadResult.Part::partNumber).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(r.parts()).extracting(MultipartUploadResult.Part::etag).containsExactly(
        "\"etag-1\"", "\"etag-2\"", "\"etag-3\"", "\"etag-4\"", "\"etag-5\"", "\"etag-6\"", "\"etag-7\"", "\"etag-8\"");
    assertThat(r.parts().get(7).sizeBytes()).isEqualTo(1234);
    byte[] all = GeneratedMedia.bytes(SIZE);
    for (int n = 1; n <= PARTS; n++) {
      byte[] expected = Arrays.copyOfRange(all, (n - 1) * PART, Math.min(SIZE, n * PART));
      assertThat(store.bodies.get(n)).as("part %d", n).isEqualTo(expected);
      assertThat(r.parts().get(n - 1).sha256()).isEqualTo(Sha256.hex(Sha256.newDigest().digest(expected)));
    }
    assertThat(r.completionXml()).contains("<Part><PartNumber>8</PartNumber><ETag>\"etag-8\"</ETag></Part>");
  }

  @Test
  void retriesAFailingPartOnItsOwn() {
    store.failOnce.add(3);

    media.uploadMultipart(file, plan().build());

    assertThat(store.hits.get(3).get()).isEqualTo(2);
    for (int n : List.of(1, 2, 4, 5, 6, 7, 8)) assertThat(store.hits.get(n).get()).as("part %d", n).isEqualTo(1);
  }

  @Test
  void resumesFromSavedStateSendingOnlyTheMissingParts() {
    store.refuse.add(4);
    assertThatThrownBy(() -> media.uploadMultipart(file, plan().parallelism(1).build()))
        .isInstanceOf(TransferException.class);
    assertThat(state).exists();

    store.refuse.clear();
    store.hits.clear();
    MultipartUploadResult r = media.uploadMultipart(file, plan().parallelism(1).build());

    assertThat(r.resumedParts()).isEqualTo(3);
    assertThat(store.hits.keySet()).containsExactlyInAnyOrder(4, 5, 6, 7, 8);
    assertThat(r.parts()).extracting(MultipartUploadResult.Part::etag).startsWith("\"etag-1\"", "\"etag-2\"", "\"etag-3\"");
    assertThat(r.parts()).hasSize(PARTS);
  }

  @Test
  void ignoresSavedStateOfAnotherUpload() {
    media.uploadMultipart(file, plan().build());
    store.hits.clear();

    media.uploadMultipart(file, plan().uploadId("up-2").build());

    assertThat(store.hits).hasSize(PARTS);
  }

  @Test
  void uploadsAtMostParallelismPartsAtOnce() {
    store.holdMillis = 30;

    media.uploadMultipart(file, plan().parallelism(2).build());

    assertThat(store.maxInFlight.get()).isLessThanOrEqualTo(2);
    assertThat(store.hits).hasSize(PARTS);
  }

  @Test
  void rejectsFewerPartUrlsThanParts() {
    assertThatThrownBy(() -> media.uploadMultipart(file,
        MultipartUpload.builder(partUrls(3), state).partSize(PART).build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("needs 8 parts");
    assertThat(server.getRequestCount()).isZero();
  }

  /** A store answering part PUTs with ETag "etag-N"; can fail a part once (500) or refuse it (403). */
  static final class PartStore extends Dispatcher {
    final Map<Integer, AtomicInteger> hits = new ConcurrentHashMap<>();
    final Map<Integer, byte[]> bodies = new ConcurrentHashMap<>();
    final Set<Integer> failOnce = ConcurrentHashMap.newKeySet();
    final Set<Integer> refuse = ConcurrentHashMap.newKeySet();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final List<String> methods = new CopyOnWriteArrayList<>();
    volatile long holdMillis;

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      try {
        if (holdMillis > 0) Thread.sleep(holdMillis);
        String target = request.getTarget();
        int n = Integer.parseInt(target.replaceAll(".*partNumber=(\\d+).*", "$1"));
        hits.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
        methods.add(request.getMethod());
        if (refuse.contains(n)) return new MockResponse.Builder().code(403).body("SignatureDoesNotMatch").build();
        if (failOnce.remove(n)) return new MockResponse.Builder().code(500).build();
        bodies.put(n, request.getBody().toByteArray());
        return new MockResponse.Builder().code(200).addHeader("ETag", "\"etag-" + n + "\"").build();
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }
}
