package dev.videojob.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.webhooks.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;

/**
 * An in-process VidBuilder (videos assembled from templated scenes), for examples and applications'
 * own tests. It speaks what the {@code dev.videojob.providers.vidbuilder.VidBuilder} adapter sends and
 * reads, with HTTP Basic auth: {@code POST /api/generate-video-async} (requires {@code webhookUrl} and
 * at least one scene; answers 202 {@code {success, jobId, status:"queued", statusUrl, estimatedTime,
 * queue:{position}}}), {@code GET /api/job-status/{jobId}} ({@code queued}, then {@code processing}
 * with a {@code progress} percentage, then {@code completed} or {@code failed}), and the synchronous
 * {@code POST /api/generate-flexible-video}, which answers only when the video is made (after the
 * same phases).
 *
 * <p>A completed job carries the relative {@code videoUrl} {@code /api/download/{jobId}}, which
 * serves the bundled MP4 only with the same Basic credentials (401 without), and
 * {@code s3Upload.standard} with a pre-signed {@code signedUrl} (served without credentials) and
 * {@code expiresIn: "7 days"}. The document does not show the job-status body of a completed job;
 * like the adapter, the emulator gives it the completed webhook's fields. A failed synchronous
 * generation answers 200 {@code {success:false, error}}, which the adapter reads as a failed job.
 *
 * <p>Webhooks {@code started} (when processing begins) and {@code completed} or {@code failed} are
 * POSTed to the job's {@code webhookUrl}, retried after 30 s, 2 min and 5 min as documented; they are
 * unsigned unless {@link Builder#webhookSecret} is set, in which case they carry
 * {@code x-webhook-signature: <hex HMAC-SHA256 of the body>}.
 *
 * <p>Faults: {@link #failNextSubmissions(int, int)} refuses the next creates, and a request whose
 * scenes contain {@link #FAILURE_TRIGGER} fails with "Failed to render video: Out of memory".
 * Thread-safe.
 */
public final class VidBuilderEmulator extends ProviderEmulator {
  /** Scene content containing this text makes the render fail. */
  public static final String FAILURE_TRIGGER = "[render-fail]";

  private static final int PROCESSING_PHASES = 3;
  private static final List<Duration> RETRIES = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2),
      Duration.ofMinutes(5));
  private static final String DOWNLOAD = "/api/download/";

  private final String username;
  private final String password;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  private VidBuilderEmulator(Builder b) {
    super("vidbuilder", "", "/s3/", b, b.webhookSecret, Duration.ofSeconds(10));
    this.username = b.username;
    this.password = b.password;
  }

  /** @return a builder: user {@code emulator}, password {@code emulator-password}, unsigned webhooks, phases of 300 ms, the system clock */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the Basic auth user name the emulator accepts */
  public String username() {
    return username;
  }

  /** @return the Basic auth password the emulator accepts */
  public String password() {
    return password;
  }

  @Override
  MockResponse route(RecordedRequest r, String path) {
    boolean post = r.getMethod().equals("POST");
    if (path.equals("/api/generate-video-async") && post) return create(r, false);
    if (path.equals("/api/generate-flexible-video") && post) return create(r, true);
    if (path.startsWith("/api/job-status/") && r.getMethod().equals("GET")) {
      return answer(jobs.get(path.substring("/api/job-status/".length())), message("Job not found", "No job with this id."));
    }
    if (path.startsWith(DOWNLOAD) && r.getMethod().equals("GET")) {
      Job job = jobs.get(path.substring(DOWNLOAD.length()));
      boolean ready = job != null && !job.fails && !clock.instant().isBefore(job.createdAt.plus(job.end()));
      return ready ? core.mp4() : EmulatorCore.json(404, message("Video not found", "The video is not ready."));
    }
    return EmulatorCore.json(404, message("Not found", "No route " + r.getMethod() + " " + path));
  }

  /** The pre-signed S3 URL: served only with its signature. */
  @Override
  MockResponse file(RecordedRequest r) {
    return r.getUrl().queryParameter("X-Amz-Signature") == null
        ? EmulatorCore.json(403, EmulatorCore.JSON.createObjectNode().put("error", "AccessDenied"))
        : core.mp4();
  }

  /** HTTP Basic with the user name and password, or the API key as a Bearer token. */
  @Override
  boolean authorized(RecordedRequest r) {
    return Credentials.basic(username, password, StandardCharsets.UTF_8).equals(r.getHeaders().get("Authorization")) || super.authorized(r);
  }

  @Override
  MockResponse unauthorized() {
    return EmulatorCore.json(401, message("Unauthorized", "Valid Basic credentials are required."))
        .newBuilder().addHeader("WWW-Authenticate", "Basic realm=\"VidBuilder\"").build();
  }

  @Override
  JsonNode refusalBody(int status) {
    return message("Server busy", "Too many video generations, retry later.");
  }

  private MockResponse create(RecordedRequest r, boolean sync) {
    MockResponse refusal = injectedRefusal();
    if (refusal != null) return refusal;
    JsonNode body = EmulatorCore.body(r);
    if (body == null || !body.isObject()) return EmulatorCore.json(400, message("Invalid JSON", "Send a JSON body."));
    if (!sync) {
      if (!body.hasNonNull("webhookUrl")) {
        return EmulatorCore.json(400, message("Webhook URL is required for async video generation.",
            "Please provide a webhookUrl in your request body to receive status updates.")
            .put("hint", "Use /api/generate-flexible-video for synchronous generation without webhooks."));
      }
      String url = body.get("webhookUrl").asText();
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        return EmulatorCore.json(400, message("Invalid webhook URL format.", "Please provide a valid HTTP/HTTPS URL.")
            .put("receivedUrl", url));
      }
    }
    if (!body.path("scenes").isArray() || body.get("scenes").isEmpty()) {
      return EmulatorCore.json(400, message("At least one scene is required.", "Add scenes to the request."));
    }
    String id = (sync ? "sync" : "vb") + "emu" + nextId();
    Job job = new Job(id, body, clock.instant());
    jobs.put(id, job);
    if (sync) {
      ObjectNode done = job.toJson(job.createdAt.plus(job.end()));
      ObjectNode answer = EmulatorCore.JSON.createObjectNode().put("success", !job.fails);
      if (job.fails) {
        answer.put("error", done.get("error").asText());
      } else {
        answer.put("videoUrl", done.get("videoUrl").asText()).set("duration", done.get("duration"));
        answer.set("s3Upload", done.get("s3Upload"));
      }
      return EmulatorCore.json(200, answer).newBuilder().headersDelay(job.end().toMillis(), TimeUnit.MILLISECONDS)
          .build();
    }
    if (job.webhookUrl != null) {
      ObjectNode started = EmulatorCore.JSON.createObjectNode().put("jobId", id).put("status", "started")
          .put("message", "Video generation started").put("timestamp", job.createdAt.plus(phaseDuration).toString());
      deliver(job, started, phaseDuration);
      deliver(job, job.toJson(job.createdAt.plus(job.end())), job.end());
    }
    ObjectNode answer = EmulatorCore.JSON.createObjectNode().put("success", true).put("jobId", id)
        .put("status", "queued").put("message", "Video generation started. You will receive updates via webhook.")
        .put("webhookConfigured", true).put("statusUrl", "/api/job-status/" + id).put("estimatedTime", "3-15 minutes");
    answer.putObject("queue").put("position", 1);
    return EmulatorCore.json(202, answer);
  }

  private void deliver(Job job, ObjectNode payload, Duration delay) {
    byte[] bytes = EmulatorCore.utf8(payload);
    Map<String, String> headers = webhookSecret == null ? Map.of()
        : sign(SignatureScheme.hmacSha256Hex("x-webhook-signature"), bytes);
    core.deliverLater(job.webhookUrl, bytes, headers, delay, RETRIES, job.id + " " + payload.get("status").asText());
  }

  private static ObjectNode message(String error, String message) {
    return EmulatorCore.JSON.createObjectNode().put("error", error).put("message", message);
  }

  /** One emulated job; its status is a function of the time since it was created. */
  private final class Job implements EmulatedJob {
    final String id;
    final String webhookUrl;
    final boolean fails;
    final int scenes;
    final long seconds;
    final Instant createdAt;

    Job(String id, JsonNode body, Instant createdAt) {
      this.id = id;
      this.webhookUrl = body.hasNonNull("webhookUrl") ? body.get("webhookUrl").asText() : null;
      this.fails = body.get("scenes").toString().contains(FAILURE_TRIGGER);
      this.scenes = body.get("scenes").size();
      long total = 0;
      for (JsonNode s : body.get("scenes")) total += s.path("duration").asLong(4);
      this.seconds = total;
      this.createdAt = createdAt;
    }

    Duration end() {
      return phaseDuration.multipliedBy(1 + PROCESSING_PHASES);
    }

    @Override
    public ObjectNode toJson(Instant now) {
      long phase = phase(createdAt, now);
      ObjectNode n = EmulatorCore.JSON.createObjectNode().put("jobId", id);
      if (phase == 0) {
        return n.put("status", "queued").put("progress", 0).put("message", "Waiting in queue")
            .put("createdAt", createdAt.toString());
      }
      if (phase <= PROCESSING_PHASES) {
        long progress = phase * 100 / (PROCESSING_PHASES + 1);
        return n.put("status", "processing").put("progress", progress)
            .put("message", "Rendering frames: " + progress * 10 + "/1000").put("createdAt", createdAt.toString());
      }
      String timestamp = createdAt.plus(end()).toString();
      if (fails) {
        return n.put("status", "failed").put("error", "Failed to render video: Out of memory").put("timestamp", timestamp);
      }
      n.put("status", "completed").put("progress", 100).put("message", "Video generated successfully")
          .put("videoUrl", DOWNLOAD + id).put("duration", seconds).put("scenes", scenes).put("reelsGenerated", false);
      ObjectNode s3 = n.putObject("s3Upload").put("enabled", true);
      s3.putObject("standard").put("s3Key", "videos/emulator/standard/" + id + ".mp4")
          .put("signedUrl", core.url("/s3/videos/" + id + ".mp4?X-Amz-Expires=604800&X-Amz-Signature=emu"
              + Integer.toHexString(id.hashCode())).toString())
          .put("expiresIn", "7 days");
      return n.put("renderTime", Math.max(1, end().toSeconds()) + "s").put("createdAt", createdAt.toString())
          .put("timestamp", timestamp);
    }
  }

  /** Builds a {@link VidBuilderEmulator}; not thread-safe. */
  public static final class Builder extends ProviderEmulator.Builder<Builder> {
    private String username = "emulator";
    private String password = "emulator-password";
    private String webhookSecret;

    private Builder() {}

    /**
     * @param username the Basic auth user name the emulator accepts; default {@code emulator}
     * @param password its password; default {@code emulator-password}
     * @return this
     */
    public Builder credentials(String username, String password) {
      this.username = Objects.requireNonNull(username, "username == null");
      this.password = Objects.requireNonNull(password, "password == null");
      return this;
    }

    /**
     * @param secret signs webhooks with {@code x-webhook-signature}; default none (unsigned)
     * @return this
     */
    public Builder webhookSecret(String secret) {
      this.webhookSecret = Objects.requireNonNull(secret, "secret == null");
      return this;
    }

    /** @return the running emulator, listening on loopback */
    public VidBuilderEmulator build() {
      return new VidBuilderEmulator(this);
    }
  }
}
