package dev.videojob.providers.vidbuilder;

import com.fasterxml.jackson.core.JsonParser;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A client with {@link VidBuilder} on a MockWebServer, a manual clock and an immediate recording sleeper. */
final class VidBuilderHarness implements AutoCloseable {
  static final String USER = "acme-video";
  static final String PASSWORD = "pw_SECRET_9911";
  /** Reads the document's examples, one of which carries a {@code // REQUIRED} comment. */
  static final ObjectMapper JSON = new ObjectMapper().configure(JsonParser.Feature.ALLOW_COMMENTS, true);
  static final URI WEBHOOK = URI.create("https://your-app.com/webhook/video-status");

  final MockWebServer server = new MockWebServer();
  final ManualClock clock = ManualClock.atEpochOfTests();
  final RecordingSleeper sleeper = RecordingSleeper.immediate(clock);
  final VidBuilder vidBuilder;
  final VideoClient client;

  VidBuilderHarness() throws IOException {
    this(b -> b.basicAuth(USER, PASSWORD));
  }

  VidBuilderHarness(Consumer<VidBuilder.Builder> config) throws IOException {
    server.start();
    VidBuilder.Builder b = VidBuilder.builder().baseUrl(baseUrl()).readTimeout(Duration.ofSeconds(5))
        .syncTimeout(Duration.ofSeconds(10));
    config.accept(b);
    vidBuilder = b.build();
    client = VideoClient.builder().provider(vidBuilder).clock(clock).sleeper(sleeper)
        .retry(RetrySettings.builder().random(() -> 1.0).build())
        .waitSettings(WaitSettings.builder().initialInterval(Duration.ofSeconds(5)).maxInterval(Duration.ofSeconds(30)).build())
        .pollJitter(() -> 1.0)
        .build();
  }

  String baseUrl() {
    String s = server.url("/").toString();
    return s.substring(0, s.length() - 1);
  }

  /** The options of the document's example request. */
  static VidBuilderOptions.Builder documentOptions() {
    return VidBuilderOptions.builder().theme("corporate").music(new VidBuilderMusic("corp-1", 0.3)).quality("4k")
        .generateReels(false)
        .addScene(VidBuilderScene.of("hero-title", 4,
            Map.of("title", "Welcome to **VidBuilder**", "subtitle", "Create stunning videos")));
  }

  /** The document's example request. */
  static VideoRequest documentRequest() {
    return VideoRequest.builder().callbackUrl(WEBHOOK).extension(documentOptions().build()).build();
  }

  void enqueue(int code, String body, String... headers) {
    MockResponse.Builder r = new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", "application/json");
    for (int i = 0; i + 1 < headers.length; i += 2) r.addHeader(headers[i], headers[i + 1]);
    server.enqueue(r.build());
  }

  void enqueueFixture(int code, String name) {
    enqueue(code, fixture(name));
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    if (r == null) throw new AssertionError("no request arrived");
    return r;
  }

  static JsonNode body(RecordedRequest r) {
    return json(r.getBody().utf8());
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String fixture(String name) {
    try (InputStream in = VidBuilderHarness.class.getResourceAsStream("/fixtures/vidbuilder/" + name)) {
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
