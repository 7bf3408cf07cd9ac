package dev.videojob.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * An in-process Higgsfield-like API, for examples and applications' own tests. It speaks what the
 * {@code dev.videojob.providers.higgsfield.Higgsfield} adapter sends and reads:
 * {@code POST /v1/videos} (answers 202 {@code {job_id, status:"queued", estimated_time_seconds}}),
 * {@code GET /v1/videos/{job_id}}, Bearer auth with the API key. Jobs move through {@code queued},
 * {@code started}, {@code in_progress} (with {@code progress}) to {@code complete}, one
 * {@link Builder#phaseDuration} each, and end with {@code assets} (master and proxy, both the
 * bundled two-second MP4) and the request's {@code metadata}.
 *
 * <p>When the job ends, the guide's webhook {@code {job_id, status, assets, metadata}} is POSTed to
 * the request's {@code callback_url} as compact JSON, signed {@code x-api-signature: <hex HMAC-SHA256>}
 * with {@link Builder#webhookSecret}. The guide documents no retry schedule; the emulator tries
 * three times: at once, after 1 s and after 5 s. The status call is the adapter's assumption (the
 * guide shows none), emulated as the adapter reads it.
 *
 * <p>Faults: {@link #failNextSubmissions(int, int)} refuses the next creates, and a prompt containing
 * {@link #MODERATION_TRIGGER} ends with status {@code nsfw}. Thread-safe.
 */
public final class HiggsfieldEmulator extends ProviderEmulator {
  /** A prompt containing this text ends its job with status {@code nsfw} (a moderation refusal). */
  public static final String MODERATION_TRIGGER = "[nsfw]";

  private static final List<String> PHASES = List.of("queued", "started", "in_progress");
  private static final List<Duration> RETRIES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5));

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  private HiggsfieldEmulator(Builder b) {
    super("higgsfield", "", "/output/", b, b.webhookSecret, Duration.ofSeconds(10));
  }

  /** @return a builder: API key {@code emulator-key}, webhook secret {@code emulator-webhook-secret}, phases of 300 ms, the system clock */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  MockResponse route(RecordedRequest r, String path) {
    if (path.equals("/v1/videos") && r.getMethod().equals("POST")) return create(r);
    if (path.startsWith("/v1/videos/") && r.getMethod().equals("GET")) {
      return answer(jobs.get(path.substring("/v1/videos/".length())), EmulatorCore.error("not_found", "No such job"));
    }
    return EmulatorCore.json(404, EmulatorCore.error("not_found", "No route " + r.getMethod() + " " + path));
  }

  private MockResponse create(RecordedRequest r) {
    MockResponse refusal = injectedRefusal();
    if (refusal != null) return refusal;
    JsonNode body = EmulatorCore.body(r);
    if (body == null || !body.hasNonNull("prompt") || body.get("prompt").asText().isBlank()) {
      return EmulatorCore.json(422, EmulatorCore.error("validation_error", "prompt is required"));
    }
    String id = "hf-emu-" + nextId();
    Job job = new Job(id, body, clock.instant());
    jobs.put(id, job);
    if (job.callbackUrl != null) {
      ObjectNode last = job.toJson(job.createdAt.plus(end()));
      core.deliverLater(job.callbackUrl, EmulatorCore.utf8(last), signed(last), end(), RETRIES, id);
    }
    return EmulatorCore.json(202, EmulatorCore.JSON.createObjectNode().put("job_id", id).put("status", "queued")
        .put("estimated_time_seconds", Math.max(1, end().toSeconds())));
  }

  private Duration end() {
    return phaseDuration.multipliedBy(PHASES.size());
  }

  private Map<String, String> signed(ObjectNode payload) {
    return sign(SignatureScheme.hmacSha256Hex("x-api-signature"), EmulatorCore.utf8(payload));
  }

  /** One emulated job; its status is a function of the time since it was created. */
  private final class Job implements EmulatedJob {
    final String id;
    final String prompt;
    final String callbackUrl;
    final JsonNode metadata;
    final Instant createdAt;

    Job(String id, JsonNode body, Instant createdAt) {
      this.id = id;
      this.prompt = body.get("prompt").asText();
      this.callbackUrl = body.hasNonNull("callback_url") ? body.get("callback_url").asText() : null;
      this.metadata = body.get("metadata");
      this.createdAt = createdAt;
    }

    @Override
    public ObjectNode toJson(Instant now) {
      long phase = phase(createdAt, now);
      ObjectNode n = EmulatorCore.JSON.createObjectNode().put("job_id", id).put("created_at", createdAt.toString());
      if (metadata != null && metadata.isObject()) n.set("metadata", metadata.deepCopy());
      if (phase < PHASES.size()) {
        n.put("status", PHASES.get((int) phase)).put("progress", phase * 100 / PHASES.size());
        long left = (PHASES.size() - phase) * phaseDuration.toMillis();
        return n.put("estimated_time_seconds", Math.max(1, left / 1000));
      }
      n.put("completed_at", createdAt.plus(end()).toString());
      if (prompt.contains(MODERATION_TRIGGER)) {
        n.put("status", "nsfw").putObject("error").put("code", "nsfw")
            .put("message", "The prompt was refused by content moderation");
        return n;
      }
      n.put("status", "complete").put("progress", 100);
      ArrayNode assets = n.putArray("assets");
      assets.addObject().put("type", "master").put("url", core.url("/output/" + id + "/master.mp4").toString())
          .put("bitrate", 8_000_000).put("format", "mp4");
      assets.addObject().put("type", "proxy").put("url", core.url("/output/" + id + "/proxy.mp4").toString())
          .put("bitrate", 1_500_000).put("format", "mp4");
      return n;
    }
  }

  /** Builds a {@link HiggsfieldEmulator}; not thread-safe. */
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
    public HiggsfieldEmulator build() {
      return new HiggsfieldEmulator(this);
    }
  }
}
