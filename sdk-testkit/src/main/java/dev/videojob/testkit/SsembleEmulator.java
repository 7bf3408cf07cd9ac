package dev.videojob.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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
public final class SsembleEmulator extends ProviderEmulator {
  /** A source URL containing this text makes its job fail while fetching the video. */
  public static final String FAILURE_TRIGGER = "private-video";

  private static final List<String> STEPS = List.of("fetching_video", "transcribing_audio", "finding_highlights",
      "finalizing");
  private static final List<String> STEP_MESSAGES = List.of("Downloading the video", "Transcribing audio",
      "Finding highlights", "Finalizing clips");
  private static final List<String> TITLES = List.of("The one habit that changed everything",
      "Why most startups fail", "What nobody tells you about focus");
  private static final List<Duration> RETRIES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(3));

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  private SsembleEmulator(Builder b) {
    super("ssemble", "/api/v1", "/cdn/", b, null, Duration.ofSeconds(10));
  }

  /** @return a builder: API key {@code emulator-key}, phases of 300 ms, the system clock */
  public static Builder builder() {
    return new Builder();
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

  @Override
  MockResponse route(RecordedRequest r, String path) {
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

  /** {@code X-API-Key}, or the same key as a Bearer token. */
  @Override
  boolean authorized(RecordedRequest r) {
    return apiKey.equals(r.getHeaders().get("X-API-Key")) || super.authorized(r);
  }

  @Override
  MockResponse unauthorized() {
    return limited(401, EmulatorCore.error("unauthorized", "Invalid or missing API key"));
  }

  @Override
  JsonNode refusalBody(int status) {
    return status == 429 ? EmulatorCore.error("rate_limit_exceeded", "Too many requests")
        : EmulatorCore.error("internal_error", "Service temporarily unavailable");
  }

  private MockResponse create(RecordedRequest r) {
    MockResponse refusal = injectedRefusal();
    if (refusal != null) return refusal;
    JsonNode body = EmulatorCore.body(r);
    String invalid = validate(body);
    if (invalid != null) return limited(400, EmulatorCore.error("validation_error", invalid));
    String id = String.format("6655f0a1c2b3d4e5%08x", nextId());
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
      long phase = phase(createdAt, now);
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
  public static final class Builder extends ProviderEmulator.Builder<Builder> {

    private Builder() {}

    /** @return the running emulator, listening on loopback */
    public SsembleEmulator build() {
      return new SsembleEmulator(this);
    }
  }
}
