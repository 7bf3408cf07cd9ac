package dev.videojob.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.webhooks.SignatureScheme;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

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
public final class CreativeAiEmulator extends ProviderEmulator {
  /** A prompt containing this text ends its job failed, as a moderation refusal. */
  public static final String MODERATION_TRIGGER = "[nsfw]";

  private static final List<String> PHASES = List.of("pending", "preparing", "rendering", "encoding");
  /** CreativeAI's documented delivery schedule: attempts at 0 s, 5 s and 30 s. */
  private static final List<Duration> WEBHOOK_RETRIES = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30));
  /** CreativeAI's documented timeout per delivery attempt. */
  private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);
  private static final SignatureScheme SIGNATURE = SignatureScheme.hmacSha256Hex("X-CreativeAI-Signature", "sha256=");

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  private CreativeAiEmulator(Builder b) {
    super("creativeai", "/v1", "/output/", b, b.apiKey, WEBHOOK_TIMEOUT);
  }

  /** @return a builder: API key {@code emulator-key}, phases of 300 ms, the system clock */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  MockResponse route(RecordedRequest r, String path) {
    if (path.equals("/v1/video/generations") && r.getMethod().equals("POST")) return create(r);
    if (path.startsWith("/v1/video/generations/") && r.getMethod().equals("GET")) {
      return answer(jobs.get(path.substring("/v1/video/generations/".length())),
          EmulatorCore.error("not_found", "No such generation"));
    }
    return EmulatorCore.json(404, EmulatorCore.error("not_found", "No route " + r.getMethod() + " " + path));
  }

  private MockResponse create(RecordedRequest r) {
    MockResponse refusal = injectedRefusal();
    if (refusal != null) return refusal;
    JsonNode body = EmulatorCore.body(r);
    if (body == null) return EmulatorCore.json(400, EmulatorCore.error("invalid_json", "Body is not JSON"));
    if (!body.hasNonNull("prompt") || body.get("prompt").asText().isBlank()) {
      return EmulatorCore.json(422, EmulatorCore.error("validation_error", "prompt is required"));
    }
    String id = "vgen_emu" + nextId();
    Job job = new Job(id, body, clock.instant());
    jobs.put(id, job);
    if (job.webhookUrl != null) {
      Duration renderTime = phaseDuration.multipliedBy(PHASES.size());
      ObjectNode payload = job.toJson(job.createdAt.plus(renderTime));
      byte[] bytes = EmulatorCore.utf8(payload);
      Map<String, String> headers = new HashMap<>(sign(SIGNATURE, bytes));
      headers.put("X-CreativeAI-Event", "video.generation." + payload.get("status").asText());
      headers.put("X-CreativeAI-Delivery-Id", id);
      core.deliverLater(job.webhookUrl, bytes, headers, renderTime, WEBHOOK_RETRIES, id);
    }
    return EmulatorCore.json(202, EmulatorCore.JSON.createObjectNode().put("id", id).put("status", "pending"));
  }

  /** One emulated generation; its status is a function of the time since it was created. */
  private final class Job implements EmulatedJob {
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

    @Override
    public ObjectNode toJson(Instant now) {
      long phase = phase(createdAt, now);
      ObjectNode n = EmulatorCore.JSON.createObjectNode().put("id", id).put("object", "video.generation")
          .put("model", model).put("prompt", prompt).put("created_at", createdAt.toString());
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
      return n.put("status", "completed").put("output_url", core.url("/output/" + id + ".mp4").toString())
          .put("credits", 3).put("failover_used", false).put("completed_at", done.toString());
    }
  }

  /** Builds a {@link CreativeAiEmulator}; not thread-safe. */
  public static final class Builder extends ProviderEmulator.Builder<Builder> {

    private Builder() {}

    /** @return the running emulator, listening on loopback */
    public CreativeAiEmulator build() {
      return new CreativeAiEmulator(this);
    }
  }
}
