package dev.videojob.providers.ssemble;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.JobRef;
import dev.videojob.core.RateLimitedException;
import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.ApiRequest;
import dev.videojob.core.spi.AdapterSupport;
import dev.videojob.core.spi.ApiResponse;
import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.CallContext;
import dev.videojob.core.spi.HttpTransport;
import dev.videojob.core.spi.ProviderCapabilities;
import dev.videojob.core.spi.RequestField;
import dev.videojob.providers.ProviderBuilder;
import dev.videojob.providers.internal.CallbackUrls;
import dev.videojob.providers.internal.Credentials;
import dev.videojob.providers.internal.EnvProviderFactory;
import dev.videojob.providers.internal.HttpAdapter;
import dev.videojob.providers.internal.Json;
import dev.videojob.providers.internal.Urls;
import dev.videojob.webhooks.CallbackTokens;
import dev.videojob.webhooks.CallbackUrlPolicy;
import dev.videojob.webhooks.StatusConfirmer;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ssemble adapter: cuts several vertical shorts out of one long source video.
 *
 * <pre>{@code
 * Ssemble ssemble = Ssemble.builder().apiKey(System.getenv("SSEMBLE_API_KEY"))
 *     .callbackTokens(CallbackTokens.withSecret(tokenSecret)).build();
 * VideoClient client = VideoClient.builder().provider(ssemble).build();
 * VideoJob job = client.submit(VideoRequest.builder()
 *     .extension(SsembleOptions.builder().url(URI.create("https://youtu.be/abc"))
 *         .window(Duration.ZERO, Duration.ofMinutes(10)).build())
 *     .callbackUrl(URI.create("https://app.example.com/webhooks/ssemble"))
 *     .build());
 * }</pre>
 *
 * <p>Calls: {@code POST /shorts/create} (201 {@code {data:{requestId,status,estimatedTime}}}),
 * {@code GET /shorts/:id/status} ({@code {data:{_id,status,step,stepMessage,progress,failureReason}}})
 * for {@code status}, and {@code GET /shorts/:id} for {@code result}, whose shorts become assets of
 * kind {@code SHORT} with title, duration, viral score and thumbnail where given. Auth is
 * {@code X-API-Key}. ssemble has no cancel call (cancel fails with
 * {@link dev.videojob.core.CapabilityNotSupportedException} without a network call) and documents no
 * idempotency key, so a create whose answer was lost is not resent (the transport's safe-create rule).
 * Errors {@code {error:{code,message,details}}} map to the SDK's exceptions, with the code, message and
 * details ({@link dev.videojob.core.VideoJobException#providerDetails()}, also in the message);
 * {@code insufficient_credits} and {@code subscription_required} (403) become
 * {@link dev.videojob.core.QuotaExceededException}.
 *
 * <p>Rate limits: the {@code X-RateLimit-*} headers of the last answer (a 429 included) are kept
 * and read with {@link #lastRateLimit()}; a 429 that outlasts the retries is a
 * {@link RateLimitedException} carrying them too. They are not copied into job metadata, which holds
 * what belongs to the job.
 *
 * <p>Webhooks: ssemble signs nothing. The callback URL is checked against ssemble's rules
 * ({@link CallbackUrlPolicy}: http(s), at most 2,048 characters, no local, private or metadata hosts)
 * before any call; with {@link Builder#callbackTokens} set, the adapter adds a per-job token to it, which
 * the webhook pipeline (configured with the same tokens) checks. {@link #statusConfirmer(VideoClient)}
 * lets the pipeline confirm each callback's claim with {@code GET /shorts/:id} before it is trusted.
 * Parse callbacks with {@link SsembleWebhookFormat}. ssemble abandons a webhook after three failed
 * attempts (each with a 10 s timeout), so keep {@code client.await} (polling) as the fallback; the
 * shorts stay available from {@code GET /shorts/:id}.
 *
 * <p>Assumptions where the documents are silent (each kept in one place, {@code SsembleApi}):
 * {@code GET /shorts/:id} answers {@code {data:{...,shorts:[...]}}} with the webhook's short fields;
 * {@code progress} is a percentage 0-100; {@code estimatedTime} is seconds (or words such as
 * {@code "5 minutes"}); a step without numeric progress stands for the start of its quarter of the work.
 * Thread-safe.
 */
public final class Ssemble extends HttpAdapter {
  /** The provider id. */
  public static final String ID = "ssemble";
  /** ssemble's API base URL. */
  public static final String DEFAULT_BASE_URL = "https://aiclipping.ssemble.com/api/v1";
  /** The environment variable holding the API key. */
  public static final String ENV_API_KEY = "SSEMBLE_API_KEY";
  /** The environment variable that may override the base URL (for proxies). */
  public static final String ENV_BASE_URL = "SSEMBLE_BASE_URL";

  private static final Logger log = LoggerFactory.getLogger(Ssemble.class);

  private static final ProviderCapabilities CAPABILITIES = ProviderCapabilities.builder()
      .polling(true).webhooks(true).cancel(false)
      .supports(RequestField.CALLBACK_URL, RequestField.EXTRA_FIELDS)
      .extensionType(SsembleOptions.class)
      .build();

  private final CallbackUrlPolicy callbackPolicy;
  private final CallbackTokens callbackTokens;
  private final Clock clock;
  private final AtomicReference<SsembleRateLimit> lastRateLimit = new AtomicReference<>();

  private Ssemble(Builder b, HttpTransport http) {
    super(ID, CAPABILITIES, http);
    this.callbackPolicy = b.callbackPolicy;
    this.callbackTokens = b.callbackTokens;
    this.clock = b.clock;
  }

  /** @return a builder with ssemble's base URL and the transport's default timeouts */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An adapter configured from {@value #ENV_API_KEY} (and {@value #ENV_BASE_URL} when set).
   *
   * @return the adapter
   * @throws InvalidRequestException if {@value #ENV_API_KEY} is not set
   */
  public static Ssemble fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Same as {@link #fromEnv()} over the given variables.
   *
   * @param env the variables
   * @return the adapter
   * @throws InvalidRequestException if {@value #ENV_API_KEY} is not set
   */
  public static Ssemble fromEnv(Map<String, String> env) {
    return EnvProviderFactory.withBaseUrl(builder().apiKey(env.get(ENV_API_KEY)), env, ENV_BASE_URL).build();
  }

  /**
   * A confirmer for the webhook pipeline that asks ssemble ({@code GET /shorts/:id}, through the
   * client, with its retries) for the job a callback names; the handler then sees ssemble's own
   * answer, shorts included.
   *
   * @param client a client with this provider configured
   * @return the confirmer
   */
  public static StatusConfirmer statusConfirmer(VideoClient client) {
    Objects.requireNonNull(client, "client == null");
    return event -> client.result(JobRef.of(ID, event.jobId().orElseThrow(
        () -> new IllegalArgumentException("the event names no job"))));
  }

  /** @return the format that parses ssemble's callbacks (unsigned: give the webhook pipeline the callback tokens) */
  public SsembleWebhookFormat webhookFormat() {
    return SsembleWebhookFormat.create();
  }

  /**
   * The rate-limit headers of ssemble's last answer to this adapter, a 429 included.
   *
   * @return the last seen limits, empty until an answer carried them
   */
  public Optional<SsembleRateLimit> lastRateLimit() {
    return Optional.ofNullable(lastRateLimit.get());
  }

  /**
   * Checks that the request carries {@link SsembleOptions} and that its callback URL follows
   * ssemble's rules.
   *
   * @param request the request
   * @throws InvalidRequestException naming the field at fault
   */
  @Override
  public void validate(VideoRequest request) {
    if (request.extension(SsembleOptions.class).isEmpty()) {
      throw InvalidRequestException.forField(ID, "extension", "ssemble needs SsembleOptions (the source video and "
          + "the window to clip): set extension(SsembleOptions.builder()...build())");
    }
    request.callbackUrl().ifPresent(this::webhookUrl);
  }

  private URI webhookUrl(URI given) {
    try {
      return callbackPolicy.check(CallbackUrls.withToken(callbackTokens, given, ID));
    } catch (InvalidRequestException | IllegalArgumentException e) {
      throw InvalidRequestException.forField(ID, "callbackUrl", e.getMessage());
    }
  }

  @Override
  public CompletableFuture<VideoJob> submit(VideoRequest request, CallContext context) {
    SsembleOptions o = request.extension(SsembleOptions.class).orElseThrow();
    ObjectNode body = http.json().createObjectNode();
    o.url().ifPresent(u -> body.put(SsembleApi.URL, u.toString()));
    o.fileUrl().ifPresent(u -> body.put(SsembleApi.FILE_URL, u.toString()));
    body.put(SsembleApi.START, o.startSeconds().orElseThrow());
    body.put(SsembleApi.END, o.endSeconds().orElseThrow());
    o.preferredLength().ifPresent(v -> body.put(SsembleApi.PREFERRED_LENGTH, v));
    o.language().ifPresent(v -> body.put(SsembleApi.LANGUAGE, v));
    o.captionLanguage().ifPresent(v -> body.put(SsembleApi.CAPTION_LANGUAGE, v));
    o.templateId().ifPresent(v -> body.put(SsembleApi.TEMPLATE_ID, v));
    o.layout().ifPresent(v -> body.put(SsembleApi.LAYOUT, v.wire()));
    request.callbackUrl().ifPresent(u -> {
      URI url = webhookUrl(u);
      if (!CallbackUrls.hasToken(url)) {
        log.warn("ssemble signs no webhooks and this callback URL carries no callback token, so the webhook pipeline"
            + " will refuse its callbacks: set callbackTokens(...) on Ssemble.builder() or build the URL with"
            + " CallbackTokens.callbackUrl");
      }
      body.put(SsembleApi.WEBHOOK_URL, url.toString());
    });
    Json.putExtraFields(body, request, http.json());
    return call(ApiRequest.post(SsembleApi.CREATE).json(body).createsJob(true).build(), context,
        r -> SsembleJobs.fromAnswer(r.json(), r.bodyString(), null, context.clock().instant()));
  }

  @Override
  public CompletableFuture<VideoJob> status(String jobId, CallContext context) {
    Objects.requireNonNull(jobId, "jobId == null");
    return call(ApiRequest.get(Urls.path(SsembleApi.STATUS, jobId)).build(), context,
        r -> SsembleJobs.fromAnswer(r.json(), r.bodyString(), jobId, context.clock().instant()));
  }

  /**
   * Fetches the job with its shorts ({@code GET /shorts/:id}).
   *
   * @param jobId the request id
   * @param context the call's context
   * @return the snapshot; once completed, with one {@code SHORT} asset per clip
   */
  @Override
  public CompletableFuture<VideoJob> result(String jobId, CallContext context) {
    Objects.requireNonNull(jobId, "jobId == null");
    return call(ApiRequest.get(Urls.path(SsembleApi.RESULT, jobId)).build(), context,
        r -> SsembleJobs.fromAnswer(r.json(), r.bodyString(), jobId, context.clock().instant()));
  }

  private CompletableFuture<VideoJob> call(ApiRequest request, CallContext context, Function<ApiResponse, VideoJob> read) {
    return http.send(request, context).whenComplete((r, e) -> {
      if (r != null) remember(r.rateLimitHeaders());
      Throwable t = e == null ? null : AdapterSupport.unwrap(e);
      if (t instanceof RateLimitedException) remember(((RateLimitedException) t).rateLimitHeaders());
    }).thenApply(read);
  }

  private void remember(Map<String, String> headers) {
    Map<String, String> limits = new java.util.TreeMap<>();
    headers.forEach((k, v) -> {
      String n = k.toLowerCase(java.util.Locale.ROOT);
      if (n.startsWith("x-ratelimit")) limits.put(n, v);
    });
    if (!limits.isEmpty()) lastRateLimit.set(new SsembleRateLimit(limits, clock.instant()));
  }

  /** Builds an {@link Ssemble} adapter; not thread-safe. */
  public static final class Builder extends ProviderBuilder<Builder> {
    private String apiKey;
    private CallbackUrlPolicy callbackPolicy = CallbackUrlPolicy.defaults();
    private CallbackTokens callbackTokens;
    private Clock clock = Clock.systemUTC();

    private Builder() {
      super(DEFAULT_BASE_URL);
    }

    /**
     * @param apiKey the ssemble API key, sent as {@code X-API-Key}; required
     * @return this
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /**
     * @param policy the rules callback URLs must follow; default {@link CallbackUrlPolicy#defaults()} (ssemble's)
     * @return this
     */
    public Builder callbackUrlPolicy(CallbackUrlPolicy policy) {
      this.callbackPolicy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * Adds a per-job token to every callback URL that does not carry one yet; give the webhook
     * pipeline the same tokens. Default none: callback URLs are sent as given.
     *
     * @param tokens the application's callback tokens
     * @return this
     */
    public Builder callbackTokens(CallbackTokens tokens) {
      this.callbackTokens = Objects.requireNonNull(tokens, "tokens == null");
      return this;
    }

    /**
     * @param clock stamps {@link SsembleRateLimit#observedAt()}; default the system UTC clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /* The transport for this adapter's settings. */
    private HttpTransport.Builder transportFor(Auth auth) {
      return transport(ID, auth);
    }

    /**
     * @return the adapter
     * @throws InvalidRequestException if no API key was set
     * @throws IllegalArgumentException if the base URL is not http(s)
     */
    public Ssemble build() {
      return new Ssemble(this, transport(ID, Auth.header(SsembleApi.API_KEY_HEADER,
          Credentials.apiKey(ID, apiKey, ENV_API_KEY))).build());
    }
  }
}
