package dev.videojob.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.WebhookSigner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The face every emulator shares: its credentials and webhook secret, its base URL, its request and delivery
 * counts, injected refusals of the next creates, the builder settings, the auth check in front of every API
 * route and the unauthenticated file downloads beside them. Each emulator adds its routes and its jobs.
 * Thread-safe.
 */
abstract class ProviderEmulator implements AutoCloseable {
  final String apiKey;
  final String webhookSecret;
  final Duration phaseDuration;
  final Clock clock;
  final EmulatorCore core;
  private final String basePath;
  private final String filePrefix;
  private final AtomicInteger ids = new AtomicInteger();

  /**
   * Starts the emulator on loopback.
   *
   * @param name the provider, for threads and logs
   * @param basePath the API's path under the server, such as {@code /v1}, or empty
   * @param filePrefix the path prefix of output files, served without credentials
   * @param b the builder
   * @param webhookSecret the secret webhooks are signed with, or null when they are unsigned
   * @param webhookTimeout the timeout of one delivery attempt
   */
  ProviderEmulator(String name, String basePath, String filePrefix, Builder<?> b, String webhookSecret,
      Duration webhookTimeout) {
    this.apiKey = b.apiKey;
    this.phaseDuration = b.phaseDuration;
    this.clock = b.clock;
    this.webhookSecret = webhookSecret;
    this.basePath = basePath;
    this.filePrefix = filePrefix;
    this.core = new EmulatorCore(name, webhookTimeout, this::dispatch);
  }

  /** @return the API key the emulator accepts (see the emulator's class documentation for how it is sent) */
  public String apiKey() {
    return apiKey;
  }

  /**
   * @return the secret webhooks are signed with, to give the webhook pipeline (CreativeAI's is the API key); null
   *     when the emulator's webhooks are unsigned
   */
  public String webhookSecret() {
    return webhookSecret;
  }

  /** @return the API base URL, such as {@code http://127.0.0.1:40123} plus the provider's path, to set on the adapter */
  public URI baseUrl() {
    if (!basePath.isEmpty()) return core.url(basePath);
    String s = core.url("/").toString();
    return URI.create(s.substring(0, s.length() - 1));
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
   * Answers the next creates with an error, with {@code Retry-After: 1} and the provider's error body, before
   * any job exists (as a provider at capacity does).
   *
   * @param count how many creates
   * @param status the HTTP status, such as 429 or 503
   * @throws IllegalArgumentException if count is negative or status is not 400-599
   */
  public void failNextSubmissions(int count, int status) {
    core.failNext(count, status);
  }

  /** Stops the server and the webhook deliveries. */
  @Override
  public void close() {
    core.close();
  }

  private MockResponse dispatch(RecordedRequest r) {
    String path = r.getUrl().encodedPath();
    if (path.startsWith(filePrefix)) return file(r);
    if (!authorized(r)) return unauthorized();
    return route(r, path);
  }

  /** @return the answer to an authenticated API request */
  abstract MockResponse route(RecordedRequest r, String path);

  /** @return whether the request carries the credentials; by default {@code Authorization: Bearer <API key>} */
  boolean authorized(RecordedRequest r) {
    return ("Bearer " + apiKey).equals(r.getHeaders().get("Authorization"));
  }

  /** @return the answer to a request without the credentials */
  MockResponse unauthorized() {
    return EmulatorCore.json(401, EmulatorCore.error("unauthorized", "Invalid API key"));
  }

  /** @return an output file; by default the bundled MP4 */
  MockResponse file(RecordedRequest r) {
    return core.mp4();
  }

  /** @return the injected refusal for this create, or null when none is pending */
  final MockResponse injectedRefusal() {
    Integer status = core.nextInjectedFailure();
    return status == null ? null : EmulatorCore.refusal(status, refusalBody(status));
  }

  /** @return the error body of an injected refusal */
  JsonNode refusalBody(int status) {
    return EmulatorCore.error("capacity", "Upstream capacity reached, retry later");
  }

  /**
   * @param job the job a status call names, or null when there is none
   * @param notFound the provider's error body for an unknown job
   * @return 200 with the job as it is now on the emulator's clock, or 404 with the error body
   */
  final MockResponse answer(EmulatedJob job, JsonNode notFound) {
    return job == null ? EmulatorCore.json(404, notFound) : EmulatorCore.json(200, job.toJson(clock.instant()));
  }

  /** A job whose state is a function of the time since it was created. */
  interface EmulatedJob {
    /** @return the job as the status call answers it at {@code now} */
    ObjectNode toJson(Instant now);
  }

  /** @return the next number for a new job's id */
  final int nextId() {
    return ids.incrementAndGet();
  }

  /** @return how many whole phases have passed from {@code since} to {@code now} */
  final long phase(Instant since, Instant now) {
    return EmulatorCore.phasesSince(Duration.between(since, now).toMillis(), phaseDuration);
  }

  /** @return the signature headers of a body, signed with the webhook secret */
  final Map<String, String> sign(SignatureScheme scheme, byte[] body) {
    return WebhookSigner.of(scheme, webhookSecret).sign(body);
  }

  /**
   * The settings every emulator's builder shares. Not thread-safe.
   *
   * @param <B> the emulator's builder type, returned by every setter
   */
  abstract static class Builder<B extends Builder<B>> {
    String apiKey = "emulator-key";
    Duration phaseDuration = Duration.ofMillis(300);
    Clock clock = Clock.systemUTC();

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    /**
     * @param apiKey the key the emulator accepts; default {@code emulator-key}
     * @return this
     */
    public B apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return self();
    }

    /**
     * @param d how long each phase of a job lasts (the emulator's class documentation lists its phases); default 300 ms
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public B phaseDuration(Duration d) {
      if (d.isNegative()) throw new IllegalArgumentException("phaseDuration < 0");
      this.phaseDuration = d;
      return self();
    }

    /**
     * @param clock the clock job progress is measured with; default the system clock
     * @return this
     */
    public B clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return self();
    }
  }
}
