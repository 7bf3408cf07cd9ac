package dev.videojob.providers.ssemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videojob.core.RetrySettings;
import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.WaitSettings;
import dev.videojob.core.testing.ManualClock;
import dev.videojob.core.testing.RecordingSleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A client with {@link Ssemble} on a MockWebServer, a manual clock and an immediate recording sleeper. */
final class SsembleHarness implements AutoCloseable {
  static final String API_KEY = "ssk_live_SECRET_7788";
  static final ObjectMapper JSON = new ObjectMapper();

  final MockWebServer server = new MockWebServer();
  final ManualClock clock = ManualClock.atEpochOfTests();
  final RecordingSleeper sleeper = RecordingSleeper.immediate(clock);
  final Ssemble ssemble;
  final VideoClient client;

  SsembleHarness() throws IOException {
    this(b -> { });
  }

  SsembleHarness(Consumer<Ssemble.Builder> config) throws IOException {
    server.start();
    Ssemble.Builder b = Ssemble.builder().apiKey(API_KEY).baseUrl(server.url("/api/v1").toString())
        .readTimeout(Duration.ofSeconds(5)).clock(clock);
    config.accept(b);
    ssemble = b.build();
    client = VideoClient.builder().provider(ssemble).clock(clock).sleeper(sleeper)
        .retry(RetrySettings.builder().random(() -> 1.0).build())
        .waitSettings(WaitSettings.builder().initialInterval(Duration.ofSeconds(10)).maxInterval(Duration.ofSeconds(30)).build())
        .pollJitter(() -> 1.0)
        .build();
  }

  static SsembleOptions.Builder options() {
    return SsembleOptions.builder().url(URI.create("https://www.youtube.com/watch?v=dQw4w9WgXcQ"))
        .window(Duration.ofSeconds(30), Duration.ofSeconds(630));
  }

  static VideoRequest request() {
    return VideoRequest.builder().extension(options().build()).build();
  }

  void enqueue(int code, String body, String... headers) {
    MockResponse.Builder r = new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", "application/json");
    for (int i = 0; i + 1 < headers.length; i += 2) r.addHeader(headers[i], headers[i + 1]);
    server.enqueue(r.build());
  }

  void enqueueFixture(int code, String name, String... headers) {
    enqueue(code, fixture(name), headers);
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    if (r == null) throw new AssertionError("no request arrived");
    return r;
  }

  static JsonNode body(RecordedRequest r) {
    try {
      return JSON.readTree(r.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String fixture(String name) {
    try (InputStream in = SsembleHarness.class.getResourceAsStream("/fixtures/ssemble/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
