package dev.videojob.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.WebhookSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process CreativeAI, for examples and for applications' own tests: no API key, no network
 * beyond loopback. It speaks the documented API ({@code POST /v1/video/generations},
 * {@code GET /v1/video/generations/{id}}, Bearer auth), moves each job through the documented
 * phases (pending, preparing, rendering, encoding, completed) over {@link Builder#phaseDuration},
 * serves the output as a real two-second MP4, and POSTs the documented webhook, signed with the API
 * key ({@code X-CreativeAI-Signature: sha256=<hex>}), to the job's {@code webhook_url} when it ends.
 *
 * <pre>{@code
 * try (CreativeAiEmulator emulator = CreativeAiEmulator.builder().build()) {
 *   CreativeAi provider = CreativeAi.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl().toString()).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>Faults can be injected: {@link #failNextSubmissions(int, int)} answers the next creates with
 * an error status (429, 503 ...), and a prompt containing {@link #MODERATION_TRIGGER} fails
 * with a moderation error. Thread-safe.
 */
public final class CreativeAiEmulator implements AutoCloseable {
  /** A prompt containing this text ends its job failed, as a moderation refusal. */
  public static final String MODERATION_TRIGGER = "[nsfw]";

  private static final Logger log = LoggerFactory.getLogger(CreativeAiEmulator.class);
  private static final List<String> PHASES = List.of("pending", "preparing", "rendering", "encoding");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String apiKey;
  private final Duration phaseDuration;
  private final Clock clock;
  private final MockWebServer server = new MockWebServer();
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Deque<Integer> injectedFailures = new ArrayDeque<>();
  private final ScheduledExecutorService webhooks;
  private final OkHttpClient http = new OkHttpClient();
  private final byte[] sample;
  private final AtomicInteger webhooksDelivered = new AtomicInteger();

  private CreativeAiEmulator(Builder b) {
    this.apiKey = b.apiKey;
    this.phaseDuration = b.phaseDuration;
    this.clock = b.clock;
    this.sample = loadSample();
    this.webhooks = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "creativeai-emulator-webhooks");
      t.setDaemon(true);
      return t;
    });
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return handle(request);
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("the emulator could not listen on loopback", e);
    }
  }

  /** @return a builder: API key {@code emulator-key}, phases of 300 ms, the system clock */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the API key the emulator accepts (and signs webhooks with) */
  public String apiKey() {
    return apiKey;
  }

  /** @return the API base URL, such as {@code http://127.0.0.1:40123/v1}, to set on the adapter */
  public URI baseUrl() {
    return server.url("/v1").uri();
  }

  /** @return how many requests the emulator has received */
  public int requestCount() {
    return server.getRequestCount();
  }

  /** @return how many webhooks were delivered with a 2xx answer */
  public int webhooksDelivered() {
    return webhooksDelivered.get();
  }

  /**
   * Answers the next creates with an error, before any job exists (as CreativeAI does at capacity).
   *
   * @param count how many creates
   * @param status the HTTP status, such as 429 or 503
   */
  public synchronized void failNextSubmissions(int count, int status) {
    for (int i = 0; i < count; i++) injectedFailures.add(status);
  }

  private synchronized Integer nextInjectedFailure() {
    return injectedFailures.poll();
  }

  private MockResponse handle(RecordedRequest r) {
    String path = r.getUrl().encodedPath();
    if (path.startsWith("/output/")) return output(path);
    if (!("Bearer " + apiKey).equals(r.getHeaders().get("Authorization"))) {
      return json(401, error("unauthorized", "Invalid API key"));
    }
    if (path.equals("/v1/video/generations") && r.getMethod().equals("POST")) return create(r);
    if (path.startsWith("/v1/video/generations/") && r.getMethod().equals("GET")) {
      Job job = jobs.get(path.substring("/v1/video/generations/".length()));
      return job == null ? json(404, error("not_found", "No such generation")) : json(200, job.toJson(clock.instant()));
    }
    return json(404, error("not_found", "No route " + r.getMethod() + " " + path));
  }

  private MockResponse create(RecordedRequest r) {
    Integer failure = nextInjectedFailure();
    if (failure != null) {
      return new MockResponse.Builder().code(failure).addHeader("Content-Type", "application/json")
          .addHeader("Retry-After", "1").body(error("capacity", "Upstream capacity reached, retry later").toString()).build();
    }
    JsonNode body;
    try {
      body = JSON.readTree(r.getBody() == null ? new byte[0] : r.getBody().toByteArray());
    } catch (IOException e) {
      return json(400, error("invalid_json", "Body is not JSON"));
    }
    if (body == null || !body.hasNonNull("prompt") || body.get("prompt").asText().isBlank()) {
      return json(422, error("validation_error", "prompt is required"));
    }
    String id = "vgen_emu" + ids.incrementAndGet();
    Job job = new Job(id, body, clock.instant());
    jobs.put(id, job);
    if (job.webhookUrl != null) {
      long delay = phaseDuration.toMillis() * PHASES.size();
      webhooks.schedule(() -> deliver(job, 1), delay, TimeUnit.MILLISECONDS);
    }
    ObjectNode answer = JSON.createObjectNode().put("id", id).put("status", "pending");
    return json(202, answer);
  }

  private void deliver(Job job, int attempt) {
    ObjectNode payload = job.toJson(clock.instant());
    byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> signature = WebhookSigner.of(
        SignatureScheme.hmacSha256Hex("X-CreativeAI-Signature", "sha256="), apiKey).sign(bytes);
    Request.Builder req = new Request.Builder().url(job.webhookUrl)
        .post(RequestBody.create(bytes, MediaType.get("application/json")))
        .header("X-CreativeAI-Event", "video.generation." + payload.get("status").asText())
        .header("X-CreativeAI-Delivery-Id", job.id);
    signature.forEach(req::header);
    try (Response response = http.newCall(req.build()).execute()) {
      if (response.isSuccessful()) {
        webhooksDelivered.incrementAndGet();
        return;
      }
      log.info("webhook for {} answered {} (attempt {})", job.id, response.code(), attempt);
    } catch (IOException e) {
      log.info("webhook for {} failed (attempt {}): {}", job.id, attempt, e.toString());
    }
    // CreativeAI's documented schedule: 3 attempts, at 0 s, 5 s and 30 s.
    if (attempt < 3) webhooks.schedule(() -> deliver(job, attempt + 1), attempt == 1 ? 5 : 30, TimeUnit.SECONDS);
  }

  private MockResponse output(String path) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "video/mp4")
        .body(new Buffer().write(sample)).build();
  }

  private static MockResponse json(int code, JsonNode body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", "req_emu_" + Integer.toHexString(body.hashCode())).body(body.toString()).build();
  }

  private static ObjectNode error(String code, String message) {
    ObjectNode n = JSON.createObjectNode();
    n.putObject("error").put("code", code).put("message", message);
    return n;
  }

  private static byte[] loadSample() {
    try (InputStream in = CreativeAiEmulator.class.getResourceAsStream("sample-master.mp4")) {
      if (in == null) throw new IllegalStateException("sample-master.mp4 is missing from the testkit jar");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server and the webhook deliveries. */
  @Override
  public void close() {
    webhooks.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    server.close();
  }

  /** One emulated generation; its status is a function of the time since it was created. */
  private final class Job {
    final String id;
    final String prompt;
    final String model;
    final String webhookUrl;
    final Instant createdAt;

    Job(String id, JsonNode body, Instant createdAt) {
      this.id = id;
      this.prompt = body.get("prompt").asText();
      this.model = body.hasNonNull("model") ? body.get("model").asText() : "kling-v3";
      this.webhookUrl = body.hasNonNull("webhook_url") ? body.get("webhook_url").asText() : null;
      this.createdAt = createdAt;
    }

    ObjectNode toJson(Instant now) {
      long phase = Duration.between(createdAt, now).toMillis() / Math.max(1, phaseDuration.toMillis());
      ObjectNode n = JSON.createObjectNode().put("id", id).put("object", "video.generation").put("model", model)
          .put("prompt", prompt).put("created_at", createdAt.toString());
      if (phase < PHASES.size()) {
        n.put("status", PHASES.get((int) phase));
        long left = (PHASES.size() - phase) * phaseDuration.toMillis();
        n.put("estimated_time_remaining", Math.max(1, left / 1000));
        return n;
      }
      Instant done = createdAt.plus(phaseDuration.multipliedBy(PHASES.size()));
      if (prompt.contains(MODERATION_TRIGGER)) {
        return n.put("status", "failed").put("error", "Prompt rejected by content moderation")
            .put("completed_at", done.toString());
      }
      return n.put("status", "completed").put("output_url", server.url("/output/" + id + ".mp4").toString())
          .put("credits", 3).put("failover_used", false).put("completed_at", done.toString());
    }
  }

  /** Builds a {@link CreativeAiEmulator}; not thread-safe. */
  public static final class Builder {
    private String apiKey = "emulator-key";
    private Duration phaseDuration = Duration.ofMillis(300);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** @param apiKey the key the emulator accepts; default {@code emulator-key} @return this */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /**
     * @param d how long each of the four phases before the end lasts; default 300 ms
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder phaseDuration(Duration d) {
      if (d.isNegative()) throw new IllegalArgumentException("phaseDuration < 0");
      this.phaseDuration = d;
      return this;
    }

    /** @param clock the clock job progress is measured with; default the system clock @return this */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** @return the running emulator, listening on loopback */
    public CreativeAiEmulator build() {
      return new CreativeAiEmulator(this);
    }
  }
}
