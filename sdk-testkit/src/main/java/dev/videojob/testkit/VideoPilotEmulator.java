package dev.videojob.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.webhooks.SignatureScheme;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * An in-process VideoPilot (prompt to narrated video in three calls), for examples and applications'
 * own tests. It speaks what the {@code dev.videojob.providers.videopilot.VideoPilot} adapter sends and
 * reads, with Bearer auth: {@code POST /api/videos} (the draft: {@code {_id, title, status:"draft"}}),
 * {@code POST /api/videos/{id}/generate-scenes} ({@code {jobIds:[...]}}), {@code POST /api/queue/render}
 * ({@code {_id, status:"pending", estimatedDuration}}; the draft's scenes must have been generated)
 * and {@code GET /api/queue/render/{renderId}/status} ({@code pending}, {@code processing} with
 * {@code progress}, then {@code completed} with {@code output_url}, {@code duration},
 * {@code file_size} and {@code quality}, or {@code failed} with {@code error}). Errors are
 * {@code {error, message, code}}.
 *
 * <p>The webhook URL is the render request's {@code webhook_url}, so the emulator's timeline starts
 * at the render request: after one {@link Builder#phaseDuration} it sends {@code video.script_ready},
 * after two {@code video.media_ready}, after three {@code render.started}, after four
 * {@code render.completed} (or {@code render.failed}), each {@code {event, data, timestamp}} signed
 * {@code X-VideoPilot-Signature: sha256=<hex HMAC-SHA256>} with {@link Builder#webhookSecret}, and
 * retried three times with exponential backoff (1 s, 2 s, 4 s; the document gives no numbers).
 *
 * <p>Faults: {@link #failNextSubmissions(int, int)} refuses the next draft creates, and a prompt
 * containing {@link #FAILURE_TRIGGER} makes the render fail with "Rendering timeout after 300 seconds".
 * Thread-safe.
 */
public final class VideoPilotEmulator extends ProviderEmulator {
  /** A prompt containing this text makes its render fail. */
  public static final String FAILURE_TRIGGER = "[render-fail]";

  private static final int PHASES = 4;
  private static final List<Duration> RETRIES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
      Duration.ofSeconds(4));
  private static final int SCENES = 3;

  private final Map<String, Draft> drafts = new ConcurrentHashMap<>();
  private final Map<String, Render> renders = new ConcurrentHashMap<>();

  private VideoPilotEmulator(Builder b) {
    super("videopilot", "", "/cdn/", b, b.webhookSecret, Duration.ofSeconds(10));
  }

  /** @return a builder: API key {@code emulator-key}, webhook secret {@code emulator-webhook-secret}, phases of 300 ms, the system clock */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  MockResponse route(RecordedRequest r, String path) {
    boolean post = r.getMethod().equals("POST");
    if (path.equals("/api/videos") && post) return draft(r);
    if (path.startsWith("/api/videos/") && path.endsWith("/generate-scenes") && post) {
      Draft d = drafts.get(path.substring("/api/videos/".length(), path.length() - "/generate-scenes".length()));
      if (d == null) return EmulatorCore.json(404, error("Not found", "No such video", "VIDEO_NOT_FOUND"));
      d.scenesGenerated = true;
      ObjectNode answer = EmulatorCore.JSON.createObjectNode();
      for (int i = 1; i <= SCENES; i++) answer.withArray("jobIds").add("scene_job_" + d.id + "_" + i);
      return EmulatorCore.json(200, answer);
    }
    if (path.equals("/api/queue/render") && post) return render(r);
    String prefix = "/api/queue/render/";
    if (path.startsWith(prefix) && path.endsWith("/status") && r.getMethod().equals("GET")) {
      return answer(renders.get(path.substring(prefix.length(), path.length() - "/status".length())),
          error("Not found", "No such render job", "RENDER_NOT_FOUND"));
    }
    return EmulatorCore.json(404, error("Not found", "No route " + r.getMethod() + " " + path, "NOT_FOUND"));
  }

  @Override
  MockResponse unauthorized() {
    return EmulatorCore.json(401, error("Unauthorized", "Invalid API key", "UNAUTHORIZED"));
  }

  @Override
  JsonNode refusalBody(int status) {
    return error("Service unavailable", "Too many requests, retry later", "BUSY");
  }

  private MockResponse draft(RecordedRequest r) {
    MockResponse refusal = injectedRefusal();
    if (refusal != null) return refusal;
    JsonNode body = EmulatorCore.body(r);
    if (body == null || !body.hasNonNull("prompt") || body.get("prompt").asText().isBlank()) {
      return EmulatorCore.json(400, error("Validation failed", "prompt is required", "VALIDATION_ERROR"));
    }
    String id = "video_emu" + nextId();
    String prompt = body.get("prompt").asText();
    drafts.put(id, new Draft(id, prompt));
    return EmulatorCore.json(201, EmulatorCore.JSON.createObjectNode().put("_id", id)
        .put("title", prompt.length() > 40 ? prompt.substring(0, 40) : prompt).put("status", "draft"));
  }

  private MockResponse render(RecordedRequest r) {
    JsonNode body = EmulatorCore.body(r);
    Draft d = body == null ? null : drafts.get(body.path("video_id").asText());
    if (d == null) return EmulatorCore.json(404, error("Not found", "No such video", "VIDEO_NOT_FOUND"));
    if (!d.scenesGenerated) {
      return EmulatorCore.json(400, error("Scenes not generated", "Generate the video's scenes before rendering",
          "SCENES_REQUIRED"));
    }
    String id = "render_emu" + nextId();
    String quality = body.hasNonNull("quality") ? body.get("quality").asText() : "high";
    String webhookUrl = body.hasNonNull("webhook_url") ? body.get("webhook_url").asText() : null;
    Render job = new Render(id, d, quality, clock.instant());
    renders.put(id, job);
    if (webhookUrl != null) {
      for (int phase = 1; phase <= PHASES; phase++) {
        ObjectNode event = job.event(phase);
        byte[] bytes = EmulatorCore.utf8(event);
        Map<String, String> signature = sign(SignatureScheme.hmacSha256Hex("X-VideoPilot-Signature", "sha256="), bytes);
        core.deliverLater(webhookUrl, bytes, signature, phaseDuration.multipliedBy(phase), RETRIES,
            id + " " + event.get("event").asText());
      }
    }
    return EmulatorCore.json(201, EmulatorCore.JSON.createObjectNode().put("_id", id).put("status", "pending")
        .put("estimatedDuration", Math.max(1, phaseDuration.multipliedBy(PHASES).toSeconds())));
  }

  private static ObjectNode error(String error, String message, String code) {
    return EmulatorCore.JSON.createObjectNode().put("error", error).put("message", message).put("code", code);
  }

  /** A draft video. */
  private static final class Draft {
    final String id;
    final String prompt;
    volatile boolean scenesGenerated;

    Draft(String id, String prompt) {
      this.id = id;
      this.prompt = prompt;
    }
  }

  /** One emulated render; its status is a function of the time since it was requested. */
  private final class Render implements EmulatedJob {
    final String id;
    final Draft draft;
    final String quality;
    final boolean fails;
    final Instant createdAt;

    Render(String id, Draft draft, String quality, Instant createdAt) {
      this.id = id;
      this.draft = draft;
      this.quality = quality;
      this.fails = draft.prompt.contains(FAILURE_TRIGGER);
      this.createdAt = createdAt;
    }

    @Override
    public ObjectNode toJson(Instant now) {
      long phase = phase(createdAt, now);
      ObjectNode n = EmulatorCore.JSON.createObjectNode().put("_id", id).put("video_id", draft.id)
          .put("quality", quality);
      if (phase < PHASES - 1) {
        return n.put("status", "pending").put("estimatedDuration", Math.max(1,
            phaseDuration.multipliedBy(PHASES - phase).toSeconds()));
      }
      if (phase < PHASES) return n.put("status", "processing").put("progress", 75);
      return finished(n);
    }

    private ObjectNode finished(ObjectNode n) {
      if (fails) return n.put("status", "failed").put("error", "Rendering timeout after 300 seconds");
      return n.put("status", "completed").put("progress", 100)
          .put("output_url", core.url("/cdn/videos/" + draft.id + "_" + quality + ".mp4").toString())
          .put("duration", 2.0).put("file_size", core.sampleSize());
    }

    /** The webhook sent after {@code phase} phases. */
    ObjectNode event(int phase) {
      ObjectNode n = EmulatorCore.JSON.createObjectNode();
      ObjectNode data = EmulatorCore.JSON.createObjectNode();
      String title = draft.prompt.length() > 40 ? draft.prompt.substring(0, 40) : draft.prompt;
      switch (phase) {
        case 1 -> {
          n.put("event", "video.script_ready");
          data.put("video_id", draft.id).put("title", title).put("script", "Once upon a time: " + draft.prompt)
              .put("status", "script_ready").put("scene_count", SCENES);
        }
        case 2 -> {
          n.put("event", "video.media_ready");
          data.put("video_id", draft.id).put("title", title).put("status", "media_ready").put("scene_count", SCENES)
              .put("total_duration", 2.0).put("scenes_with_images", SCENES).put("scenes_with_audio", SCENES);
        }
        case 3 -> {
          n.put("event", "render.started");
          data.put("render_job_id", id).put("video_id", draft.id).put("status", "processing").put("quality", quality)
              .put("estimated_duration", Math.max(1, phaseDuration.toSeconds()));
        }
        default -> {
          n.put("event", fails ? "render.failed" : "render.completed");
          data = finished(data.put("render_job_id", id).put("video_id", draft.id).put("quality", quality));
          data.remove("progress");
        }
      }
      n.set("data", data);
      return n.put("timestamp", createdAt.plus(phaseDuration.multipliedBy(phase)).toString());
    }
  }

  /** Builds a {@link VideoPilotEmulator}; not thread-safe. */
  public static final class Builder extends ProviderEmulator.Builder<Builder> {
    private String webhookSecret = "emulator-webhook-secret";

    private Builder() {}

    /**
     * @param secret the secret webhooks are signed with; default {@code emulator-webhook-secret}
     * @return this
     */
    public Builder webhookSecret(String secret) {
      this.webhookSecret = Objects.requireNonNull(secret, "secret == null");
      return this;
    }

    /** @return the running emulator, listening on loopback */
    public VideoPilotEmulator build() {
      return new VideoPilotEmulator(this);
    }
  }
}
