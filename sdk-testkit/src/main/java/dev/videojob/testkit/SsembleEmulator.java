package dev.videojob.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * An in-process ssemble (AI clipping: long video in, vertical shorts out), for examples and
 * applications' own tests. It speaks what the {@code dev.videojob.providers.ssemble.Ssemble} adapter
 * sends and reads: {@code POST /shorts/create} (201 {@code {data:{requestId, status:"queued",
 * estimatedTime}}}), {@code GET /shorts/{id}/status} ({@code {data:{_id, status, step, stepMessage,
 * progress}}}) and {@code GET /shorts/{id}} (the same, with {@code shorts} once completed), under
 * {@link #baseUrl()} ({@code /api/v1}), authenticated with {@code X-API-Key} (or a Bearer token), with
 * the {@code X-RateLimit-*} headers on every answer. A job is {@code queued} for one
 * {@link Builder#phaseDuration}, then {@code processing} through the steps {@code fetching_video},
 * {@code transcribing_audio}, {@code finding_highlights} and {@code finalizing} (one phase each), then
 * {@code completed} with three shorts (id, title, {@code video_url} serving the bundled MP4,
 * duration, viral score).
 *
 * <p>When the job ends, ssemble's unsigned webhook ({@code shorts.completed} with {@code data.shorts},
 * or {@code shorts.failed} with {@code data.error}) is POSTed to the request's {@code webhookUrl}, with
 * the documented retries: at once, after 1 s and after 3 s, 10 s per attempt. ssemble signs nothing,
 * so check callbacks with the adapter's callback tokens, and confirm them with the status call.
 *
 * <p>The adapter refuses loopback callback URLs, as ssemble does; pass a
 * {@code LoopbackWebhookReceiver}'s URL through {@link #callbackUrl(URI)}, whose host the emulator
 * resolves to loopback.
 *
 * <p>Faults: {@link #failNextSubmissions(int, int)} refuses the next creates (429 with ssemble's
 * {@code rate_limit_exceeded} body, other statuses with a generic error), and a source URL containing
 * {@link #FAILURE_TRIGGER} fails in {@code fetching_video} with "Video is private or unavailable".
 * Thread-safe.
 */
public final class SsembleEmulator implements AutoCloseable {
  /** A source URL containing this text makes its job fail while fetching the video. */
  public static final String FAILURE_TRIGGER = "private-video";

  private static final List<String> STEPS = List.of("fetching_video", "transcribing_audio", "finding_highlights",
      "finalizing");
  private static final List<String> STEP_MESSAGES = List.of("Downloading the video", "Transcribing audio",
      "Finding highlights", "Finalizing clips");
  private static final List<String> TITLES = List.of("The one habit that changed everything",
      "Why most startups fail", "What nobody tells you about focus");
  private static final List<Duration> RETRIES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(3));

  private final String apiKey;
  private final Duration phaseDuration;
  private final Clock clock;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final EmulatorCore core;

  private SsembleEmulator(Builder b) {
    this.apiKey = b.apiKey;
    this.phaseDuration = b.phaseDuration;
    this.clock = b.clock;
    this.core = new EmulatorCore("ssemble", Duration.ofSeconds(10), this::handle);
  }

  /** @return a builder: API key {@code emulator-key}, phases of 300 ms, the system clock */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the API key the emulator accepts in {@code X-API-Key} */
  public String apiKey() {
    return apiKey;
  }

  /** @return the API base URL, such as {@code http://127.0.0.1:40123/api/v1}, to set on the adapter */
  public URI baseUrl() {
    return core.url("/api/v1");
  }

  /**
   * The URL to give the adapter for a receiver on loopback: the same URL with its host replaced by a
   * public-looking name that this emulator delivers to on loopback.
   *
   * @param loopbackUrl such as {@code LoopbackWebhookReceiver.callbackUrl()}
   * @return the URL the adapter accepts
   * @throws NullPointerException if loopbackUrl is null
   */
  public URI callbackUrl(URI loopbackUrl) {
    return EmulatorCore.aliasCallbackUrl(Objects.requireNonNull(loopbackUrl, "loopbackUrl == null"));
  }

  /** @return how many requests the emulator has received */
  public int requestCount() {
    return core.requestCount();
  }

  /** @return how many webhooks were delivered with a 2xx answer */
  public int webhooksDelivered() {
    return core.webhooksDelivered();
  }

  /**
   * Answers the next creates with an error before any job exists.
   *
   * @param count how many creates
   * @param status the HTTP status, such as 429 or 503
   * @throws IllegalArgumentException if count is negative or status is not 400-599
   */
  public void failNextSubmissions(int count, int status) {
    core.failNext(count, status);
  }

  private MockResponse handle(RecordedRequest r) {
    String path = r.getUrl().encodedPath();
    if (path.startsWith("/cdn/")) return core.mp4();
    String key = r.getHeaders().get("X-API-Key");
    if (!apiKey.equals(key) && !("Bearer " + apiKey).equals(r.getHeaders().get("Authorization"))) {
      return limited(401, EmulatorCore.error("unauthorized", "Invalid or missing API key"));
    }
    String prefix = "/api/v1/shorts/";
    if (path.equals(prefix + "create") && r.getMethod().equals("POST")) return create(r);
    if (path.startsWith(prefix) && r.getMethod().equals("GET")) {
      String rest = path.substring(prefix.length());
      boolean statusOnly = rest.endsWith("/status");
      Job job = jobs.get(statusOnly ? rest.substring(0, rest.length() - "/status".length()) : rest);
      if (job == null) return limited(404, EmulatorCore.error("not_found", "Request not found"));
      ObjectNode answer = EmulatorCore.JSON.createObjectNode();
      answer.set("data", job.toJson(clock.instant(), !statusOnly));
      return limited(200, answer);
    }
    return limited(404, EmulatorCore.error("not_found", "No route " + r.getMethod() + " " + path));
  }

  private MockResponse create(RecordedRequest r) {
    Integer failure = core.nextInjectedFailure();
    if (failure != null) {
      return EmulatorCore.refusal(failure, failure == 429
          ? EmulatorCore.error("rate_limit_exceeded", "Too many requests")
          : EmulatorCore.error("internal_error", "Service temporarily unavailable"));
    }
    JsonNode body = EmulatorCore.body(r);
    String invalid = validate(body);
    if (invalid != null) return limited(400, EmulatorCore.error("validation_error", invalid));
    String id = String.format("6655f0a1c2b3d4e5%08x", ids.incrementAndGet());
    Job job = new Job(id, body, clock.instant());
    jobs.put(id, job);
    if (job.webhookUrl != null) {
      Duration end = job.end();
      ObjectNode payload = job.webhook(job.createdAt.plus(end));
      core.deliverLater(job.webhookUrl, EmulatorCore.utf8(payload), Map.of(), end, RETRIES, id);
    }
    ObjectNode answer = EmulatorCore.JSON.createObjectNode();
    answer.putObject("data").put("requestId", id).put("status", "queued")
        .put("estimatedTime", Math.max(1, job.end().toSeconds()));
    return limited(201, answer);
  }

  private static String validate(JsonNode body) {
    if (body == null || !body.isObject()) return "The body must be a JSON object";
    if (body.hasNonNull("url") == body.hasNonNull("fileUrl")) return "Provide exactly one of url or fileUrl";
    if (!body.path("start").isNumber() || !body.path("end").isNumber()) return "start and end (seconds) are required";
    long window = body.get("end").asLong() - body.get("start").asLong();
    if (window < 1 || window > 1200) return "end - start must be between 1 and 1200 seconds";
    return null;
  }

  private MockResponse limited(int code, JsonNode body) {
    return EmulatorCore.json(code, body).newBuilder()
        .addHeader("X-RateLimit-Limit-Hour", "100").addHeader("X-RateLimit-Remaining-Hour", "99")
        .addHeader("X-RateLimit-Limit-Day", "1000").addHeader("X-RateLimit-Remaining-Day", "999")
        .addHeader("X-RateLimit-Reset", String.valueOf(clock.instant().plusSeconds(3600).getEpochSecond()))
        .build();
  }

  /** Stops the server and the webhook deliveries. */
  @Override
  public void close() {
    core.close();
  }

  /** One emulated request; its status is a function of the time since it was created. */
  private final class Job {
    final String id;
    final String webhookUrl;
    final boolean fails;
    final Instant createdAt;

    Job(String id, JsonNode body, Instant createdAt) {
      this.id = id;
      this.webhookUrl = body.hasNonNull("webhookUrl") ? body.get("webhookUrl").asText() : null;
      String source = body.hasNonNull("url") ? body.get("url").asText() : body.path("fileUrl").asText();
      this.fails = source.contains(FAILURE_TRIGGER);
      this.createdAt = createdAt;
    }

    /** Queued, then each step; a failing job ends after its first step. */
    Duration end() {
      return phaseDuration.multipliedBy(fails ? 2 : 1 + STEPS.size());
    }

    ObjectNode toJson(Instant now, boolean withShorts) {
      long phase = EmulatorCore.phasesSince(Duration.between(createdAt, now).toMillis(), phaseDuration);
      ObjectNode n = EmulatorCore.JSON.createObjectNode().put("_id", id).put("createdAt", createdAt.toString());
      if (Duration.between(createdAt, now).compareTo(end()) >= 0) {
        n.put("completedAt", createdAt.plus(end()).toString());
        if (fails) {
          return n.put("status", "failed").put("step", STEPS.get(0)).put("stepMessage", "Could not download the video")
              .put("progress", 5).put("failureReason", "Video is private or unavailable");
        }
        n.put("status", "completed").put("step", "finalizing").put("stepMessage", "Done").put("progress", 100);
        if (withShorts) n.set("shorts", shorts());
        return n;
      }
      if (phase == 0) return n.put("status", "queued").put("progress", 0);
      int step = (int) Math.min(phase - 1, STEPS.size() - 1);
      return n.put("status", "processing").put("step", STEPS.get(step)).put("stepMessage", STEP_MESSAGES.get(step))
          .put("progress", 5 + step * 25);
    }

    ArrayNode shorts() {
      ArrayNode arr = EmulatorCore.JSON.createArrayNode();
      for (int i = 0; i < TITLES.size(); i++) {
        String clip = "clip_0" + (i + 1);
        arr.addObject().put("id", clip).put("title", TITLES.get(i))
            .put("video_url", core.url("/cdn/shorts/" + id + "/" + clip + ".mp4").toString())
            .put("duration", 2.0).put("viral_score", 8.7 - i * 0.8);
      }
      return arr;
    }

    ObjectNode webhook(Instant at) {
      ObjectNode n = EmulatorCore.JSON.createObjectNode()
          .put("event", fails ? "shorts.failed" : "shorts.completed").put("requestId", id)
          .put("status", fails ? "failed" : "completed").put("timestamp", at.toString());
      ObjectNode data = n.putObject("data");
      if (fails) data.put("error", "Video is private or unavailable");
      else data.set("shorts", shorts());
      return n;
    }
  }

  /** Builds a {@link SsembleEmulator}; not thread-safe. */
  public static final class Builder {
    private String apiKey = "emulator-key";
    private Duration phaseDuration = Duration.ofMillis(300);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * @param apiKey the key the emulator accepts; default {@code emulator-key}
     * @return this
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /**
     * @param d how long the queue and each of the four steps last; default 300 ms
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder phaseDuration(Duration d) {
      if (d.isNegative()) throw new IllegalArgumentException("phaseDuration < 0");
      this.phaseDuration = d;
      return this;
    }

    /**
     * @param clock the clock job progress is measured with; default the system clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** @return the running emulator, listening on loopback */
    public SsembleEmulator build() {
      return new SsembleEmulator(this);
    }
  }
}
