package dev.videojob.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Dns;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every emulator shares: the loopback server, the bundled MP4, injected failures and webhook
 * deliveries with a provider's retry schedule. Thread-safe.
 */
final class EmulatorCore implements AutoCloseable {
  /** A callback host name the emulators' webhook client resolves to loopback (see {@link #aliasCallbackUrl}). */
  static final String LOOPBACK_ALIAS = "callbacks.emulator.test";
  static final ObjectMapper JSON = new ObjectMapper();

  private static final Logger log = LoggerFactory.getLogger(EmulatorCore.class);

  private final String name;
  private final MockWebServer server = new MockWebServer();
  private final ScheduledExecutorService scheduler;
  private final OkHttpClient http;
  private final byte[] sample;
  private final Deque<Integer> injectedFailures = new ArrayDeque<>();
  private final AtomicInteger webhooksDelivered = new AtomicInteger();

  EmulatorCore(String name, Duration webhookTimeout, Function<RecordedRequest, MockResponse> handler) {
    this.name = name;
    this.sample = loadSample();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name + "-emulator-webhooks");
      t.setDaemon(true);
      return t;
    });
    Dns dns = host -> LOOPBACK_ALIAS.equalsIgnoreCase(host)
        ? List.of(InetAddress.getLoopbackAddress()) : Dns.SYSTEM.lookup(host);
    this.http = new OkHttpClient.Builder().dns(dns).callTimeout(webhookTimeout).build();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return handler.apply(request);
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("the " + name + " emulator could not listen on loopback", e);
    }
  }

  URI url(String path) {
    return server.url(path).uri();
  }

  int requestCount() {
    return server.getRequestCount();
  }

  int webhooksDelivered() {
    return webhooksDelivered.get();
  }

  int sampleSize() {
    return sample.length;
  }

  synchronized void failNext(int count, int status) {
    if (count < 0) throw new IllegalArgumentException("count < 0");
    if (status < 400 || status > 599) throw new IllegalArgumentException("status must be an HTTP error (400-599)");
    for (int i = 0; i < count; i++) injectedFailures.add(status);
  }

  synchronized Integer nextInjectedFailure() {
    return injectedFailures.poll();
  }

  /** An injected refusal: the status, {@code Retry-After: 1} and the provider's error body. */
  static MockResponse refusal(int status, JsonNode body) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
        .addHeader("Retry-After", "1").body(body.toString()).build();
  }

  static MockResponse json(int code, JsonNode body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", "req_emu_" + Integer.toHexString(body.hashCode())).body(body.toString()).build();
  }

  /** {@code {"error":{"code":..,"message":..}}}. */
  static ObjectNode error(String code, String message) {
    ObjectNode n = JSON.createObjectNode();
    n.putObject("error").put("code", code).put("message", message);
    return n;
  }

  MockResponse mp4() {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "video/mp4")
        .body(new Buffer().write(sample)).build();
  }

  /** @return the JSON body, or null if there is none or it is not JSON */
  static JsonNode body(RecordedRequest r) {
    try {
      return r.getBody() == null || r.getBody().size() == 0 ? null : JSON.readTree(r.getBody().toByteArray());
    } catch (IOException e) {
      return null;
    }
  }

  /** @return the number of whole phases in {@code elapsedMillis} */
  static long phasesSince(long elapsedMillis, Duration phaseDuration) {
    return elapsedMillis / Math.max(1, phaseDuration.toMillis());
  }

  /**
   * POSTs a webhook after a delay, then again after each of {@code retryDelays} while it fails.
   *
   * @param url where to
   * @param body the exact bytes
   * @param headers extra headers (event name, signature)
   * @param delay when the first attempt is made
   * @param retryDelays the waits before each further attempt
   * @param what for the log
   */
  void deliverLater(String url, byte[] body, Map<String, String> headers, Duration delay, List<Duration> retryDelays,
      String what) {
    schedule(() -> deliver(url, body, headers, retryDelays, 0, what), delay);
  }

  private void deliver(String url, byte[] body, Map<String, String> headers, List<Duration> retryDelays, int retry,
      String what) {
    Request.Builder req = new Request.Builder().url(url)
        .post(RequestBody.create(body, MediaType.get("application/json")));
    headers.forEach(req::header);
    try (Response response = http.newCall(req.build()).execute()) {
      if (response.isSuccessful()) {
        webhooksDelivered.incrementAndGet();
        return;
      }
      log.info("{} webhook {} answered {} (attempt {})", name, what, response.code(), retry + 1);
    } catch (IOException e) {
      log.info("{} webhook {} failed (attempt {}): {}", name, what, retry + 1, e.toString());
    }
    if (retry < retryDelays.size()) {
      schedule(() -> deliver(url, body, headers, retryDelays, retry + 1, what), retryDelays.get(retry));
    } else {
      log.info("{} webhook {} abandoned after {} attempts", name, what, retry + 1);
    }
  }

  private void schedule(Runnable r, Duration delay) {
    if (scheduler.isShutdown()) return;
    scheduler.schedule(r, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
  }

  static byte[] utf8(JsonNode n) {
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The same URL with its host replaced by {@link #LOOPBACK_ALIAS}, for adapters that refuse loopback
   * callback URLs as their provider does; the emulators deliver to the alias on loopback.
   */
  static URI aliasCallbackUrl(URI url) {
    String s = url.toString();
    String host = url.getHost();
    int at = s.indexOf(host, url.getScheme().length() + 3);
    return URI.create(s.substring(0, at) + LOOPBACK_ALIAS + s.substring(at + host.length()));
  }

  private static byte[] loadSample() {
    try (InputStream in = EmulatorCore.class.getResourceAsStream("sample-master.mp4")) {
      if (in == null) throw new IllegalStateException("sample-master.mp4 is missing from the testkit jar");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    server.close();
  }
}
