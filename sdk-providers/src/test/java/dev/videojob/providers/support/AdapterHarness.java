package dev.videojob.providers.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videojob.core.RetrySettings;
import dev.videojob.core.VideoClient;
import dev.videojob.core.WaitSettings;
import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.testing.ManualClock;
import dev.videojob.core.testing.RecordingSleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A {@link VideoClient} with one adapter pointed at a MockWebServer, a manual clock and an immediate
 * recording sleeper, plus fixture and signing helpers shared by the adapter tests.
 */
public final class AdapterHarness implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper();

  public final MockWebServer server = new MockWebServer();
  public final ManualClock clock = ManualClock.atEpochOfTests();
  public final RecordingSleeper sleeper;
  public final VideoClient client;

  /** @param adapter builds the adapter from the server's base URL (no trailing slash) */
  public AdapterHarness(Function<String, VideoProvider> adapter) throws IOException {
    this(adapter, false);
  }

  /**
   * @param adapter builds the adapter from the server's base URL (no trailing slash)
   * @param manualSleeper whether waits are held until released (else they return at once)
   */
  public AdapterHarness(Function<String, VideoProvider> adapter, boolean manualSleeper) throws IOException {
    sleeper = manualSleeper ? RecordingSleeper.manual(clock) : RecordingSleeper.immediate(clock);
    server.start();
    String base = server.url("/").toString();
    client = VideoClient.builder()
        .provider(adapter.apply(base.substring(0, base.length() - 1)))
        .clock(clock).sleeper(sleeper)
        .retry(RetrySettings.builder().random(() -> 1.0).build())
        .waitSettings(WaitSettings.builder().initialInterval(Duration.ofSeconds(2)).maxInterval(Duration.ofSeconds(30))
            .build())
        .pollJitter(() -> 1.0)
        .build();
  }

  public String baseUrl() {
    String base = server.url("/").toString();
    return base.substring(0, base.length() - 1);
  }

  public void enqueue(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", "application/json").build());
  }

  public RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    if (r == null) throw new AssertionError("no request arrived");
    return r;
  }

  public int requestCount() {
    return server.getRequestCount();
  }

  public static JsonNode bodyJson(RecordedRequest r) {
    try {
      return JSON.readTree(r.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture file's bytes, exactly as stored. */
  public static byte[] fixtureBytes(String path) {
    try (InputStream in = AdapterHarness.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) throw new AssertionError("no fixture " + path);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String fixture(String path) {
    return new String(fixtureBytes(path), StandardCharsets.UTF_8);
  }

  public static JsonNode fixtureJson(String path) {
    try {
      return JSON.readTree(fixtureBytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code crypto.createHmac('sha256', secret).update(data).digest('hex')}, as the documents' samples do. */
  public static String nodeHmacHex(String secret, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
