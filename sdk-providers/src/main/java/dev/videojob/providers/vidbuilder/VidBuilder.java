package dev.videojob.providers.vidbuilder;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.core.ErrorContext;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.RetrySettings;
import dev.videojob.core.Sleeper;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.internal.Futures;
import dev.videojob.core.internal.RequestValidator;
import dev.videojob.core.spi.ApiRequest;
import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.CallContext;
import dev.videojob.core.spi.HttpTransport;
import dev.videojob.core.spi.ProviderCapabilities;
import dev.videojob.core.spi.RequestField;
import dev.videojob.core.spi.VideoProvider;
import dev.videojob.providers.internal.CallbackUrls;
import dev.videojob.providers.ProviderBuilder;
import dev.videojob.providers.internal.Json;
import dev.videojob.webhooks.CallbackTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * The VidBuilder adapter: videos assembled from templated scenes, a theme and music.
 *
 * <pre>{@code
 * VidBuilder vb = VidBuilder.builder().basicAuth(user, password).build();
 * VideoClient client = VideoClient.builder().provider(vb).build();
 * VideoJob job = client.submit(VideoRequest.builder()
 *     .callbackUrl(URI.create("https://app.example.com/webhooks/vidbuilder"))
 *     .extension(VidBuilderOptions.builder().theme("corporate")
 *         .addScene(VidBuilderScene.of("hero-title", 4, Map.of("title", "Welcome"))).build())
 *     .build());
 * }</pre>
 *
 * <p>Calls: {@code submit} is {@code POST /api/generate-video-async}, which requires a webhook URL
 * ({@code callbackUrl} is required: a request without one fails with {@link InvalidRequestException}
 * before any call) and answers 202 with {@code jobId}, {@code estimatedTime} and, when VidBuilder
 * queues, {@code queue.position} (kept in the job's metadata as {@code queuePosition});
 * {@code status} is {@code GET /api/job-status/:jobId} with {@code progress}. The synchronous
 * {@code POST /api/generate-flexible-video} is {@link #generateNow(VideoRequest)}, which blocks until
 * the video is made (3 to 15 minutes by the document; {@link Builder#syncTimeout}, default 20 min).
 * VidBuilder has no cancel call (cancel fails with {@link dev.videojob.core.CapabilityNotSupportedException}
 * without a network call) and documents no idempotency key, so a create whose answer was lost is not resent.
 * Error bodies {@code {error, message, hint}} become the exceptions' provider code, message and hint.
 *
 * <p>Outputs: {@code s3Upload.standard.signedUrl} is a {@code MASTER} asset that expires
 * {@code expiresIn} (such as {@code "7 days"}) after the body's {@code timestamp} (or, without one,
 * after it was received); {@code videoUrl} ({@code /api/download/{jobId}}) is resolved against the
 * base URL into a second {@code MASTER} asset that {@linkplain dev.videojob.core.Asset#needsAuth() needs
 * the credentials}; reels are {@code REEL} assets.
 *
 * <p>Webhook URLs may be http or https (VidBuilder rejects only malformed ones; its document
 * recommends https); the IP allowlist the document suggests is the receiving application's concern.
 * Webhooks: VidBuilder signs nothing unless configured to; with {@link Builder#callbackTokens}
 * the adapter adds a per-job token to each callback URL for the webhook pipeline to check. Parse
 * callbacks with {@link #webhookFormat()} or {@link #signedWebhookFormat()}.
 *
 * <p>Auth: HTTP Basic (VidBuilder's reference pages) with {@link Builder#basicAuth}, or a Bearer
 * key as in the document's integration example with {@link Builder#apiKey}; exactly one.
 *
 * <p>Assumptions where the document is silent (kept in {@code VidBuilderApi}): the job-status answer
 * of a completed job carries the completed webhook's fields ({@code videoUrl}, {@code s3Upload});
 * the synchronous answer does too, and a missing {@code jobId} there is taken from
 * {@code videoUrl} (else the job is named {@code sync-<idempotency key>}, which the status call does
 * not know); reels come as extra {@code s3Upload} entries or a {@code reels} array;
 * {@code progress} is a percentage. Multipart requests with images (reference pages) are not
 * supported: their field names are not documented. Thread-safe.
 */
public final class VidBuilder implements VideoProvider {
  /** The provider id. */
  public static final String ID = "vidbuilder";
  /** VidBuilder's API base URL. */
  public static final String DEFAULT_BASE_URL = "https://backend.vidbuilder.ai";
  /** The environment variable holding the Basic auth user name. */
  public static final String USERNAME_ENV = "VIDBUILDER_USERNAME";
  /** The environment variable holding the Basic auth password. */
  public static final String PASSWORD_ENV = "VIDBUILDER_PASSWORD";
  /** The environment variable holding a Bearer API key, used when no user name is set. */
  public static final String API_KEY_ENV = "VIDBUILDER_API_KEY";
  /** The environment variable that may override the base URL. */
  public static final String BASE_URL_ENV = "VIDBUILDER_BASE_URL";

  private static final int MAX_WEBHOOK_URL = 2048;
  private static final Sleeper DELAYED = d -> CompletableFuture.runAsync(() -> { },
      CompletableFuture.delayedExecutor(Math.max(0, d.toNanos()), TimeUnit.NANOSECONDS));

  private final HttpTransport http;
  private final HttpTransport syncHttp;
  private final Duration syncTimeout;
  private final Clock clock;
  private final CallbackTokens callbackTokens;
  private final ProviderCapabilities capabilities = ProviderCapabilities.builder()
      .polling(true).webhooks(true).cancel(false)
      .requires(RequestField.CALLBACK_URL)
      .supports(RequestField.QUALITY, RequestField.EXTRA_FIELDS)
      .extensionType(VidBuilderOptions.class)
      .build();
  private final VideoProvider syncEndpoint;

  private VidBuilder(Builder b) {
    Auth auth;
    if (b.user != null && b.apiKey != null) {
      throw new InvalidRequestException("VidBuilder takes Basic auth or an API key, not both",
          ErrorContext.of(ID), "auth");
    } else if (b.user != null) {
      auth = Auth.basic(b.user, b.password);
    } else if (b.apiKey != null && !b.apiKey.isBlank()) {
      auth = Auth.bearer(b.apiKey);
    } else {
      throw new InvalidRequestException("VidBuilder needs credentials: set basicAuth(user, password) (or "
          + USERNAME_ENV + " and " + PASSWORD_ENV + "), or apiKey(...) (" + API_KEY_ENV + ")", ErrorContext.of(ID), "auth");
    }
    this.http = b.transportFor(auth).build();
    // The synchronous endpoint renders while the call is open: its own transport with the long timeout.
    this.syncHttp = b.transportFor(auth).readTimeout(b.syncTimeout).attemptTimeout(b.syncTimeout).build();
    this.syncTimeout = b.syncTimeout;
    this.clock = b.clock;
    this.callbackTokens = b.callbackTokens;
    this.syncEndpoint = new SyncEndpoint();
  }


  /** @return a builder with VidBuilder's base URL and default timeouts */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An adapter configured from {@value #USERNAME_ENV} and {@value #PASSWORD_ENV} (HTTP Basic), or
   * else {@value #API_KEY_ENV} (Bearer), and {@value #BASE_URL_ENV} when set.
   *
   * @return the adapter
   * @throws InvalidRequestException if no credentials are set, or a user name without a password
   */
  public static VidBuilder fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Same as {@link #fromEnv()} over the given variables.
   *
   * @param env the variables
   * @return the adapter
   * @throws InvalidRequestException if no credentials are set, or a user name without a password
   */
  public static VidBuilder fromEnv(Map<String, String> env) {
    Objects.requireNonNull(env, "env == null");
    Builder b = builder();
    String user = env.get(USERNAME_ENV);
    if (user != null && !user.isBlank()) {
      String password = env.get(PASSWORD_ENV);
      if (password == null || password.isBlank()) {
        throw new InvalidRequestException(USERNAME_ENV + " is set but " + PASSWORD_ENV + " is not: set both",
            ErrorContext.of(ID), "auth");
      }
      b.basicAuth(user, password);
    } else {
      b.apiKey(env.get(API_KEY_ENV));
    }
    String base = env.get(BASE_URL_ENV);
    if (base != null && !base.isBlank()) b.baseUrl(base);
    return b.build();
  }

  /** @return the format for VidBuilder's unsigned callbacks (use callback tokens with it) */
  public VidBuilderWebhookFormat webhookFormat() {
    return VidBuilderWebhookFormat.unsigned().withBaseUrl(http.baseUrl().toString());
  }

  /** @return the format for callbacks signed with {@code x-webhook-signature} (give the pipeline the secret) */
  public VidBuilderWebhookFormat signedWebhookFormat() {
    return VidBuilderWebhookFormat.signed().withBaseUrl(http.baseUrl().toString());
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return capabilities;
  }

  /**
   * Checks that the request carries {@link VidBuilderOptions} and no conflicting quality.
   *
   * @param request the request
   * @throws InvalidRequestException naming the field at fault
   */
  @Override
  public void validate(VideoRequest request) {
    VidBuilderOptions o = request.extension(VidBuilderOptions.class).orElseThrow(() -> InvalidRequestException.forField(
        ID, "extension", "VidBuilder needs VidBuilderOptions (at least one scene): set extension(VidBuilderOptions"
            + ".builder()...build())"));
    request.callbackUrl().ifPresent(this::webhookUrl);
    if (request.quality().isPresent() && o.quality().isPresent() && !request.quality().equals(o.quality())) {
      throw InvalidRequestException.forField(ID, "quality", "quality is set to " + request.quality().get()
          + " on the request and " + o.quality().get() + " in VidBuilderOptions: set it in one place");
    }
  }

  private URI webhookUrl(URI given) {
    try {
      URI url = CallbackUrls.withToken(callbackTokens, given, ID);
      if (url.toString().length() > MAX_WEBHOOK_URL) {
        throw InvalidRequestException.forField(ID, "callbackUrl", "callbackUrl with its callback token is longer than"
            + " 2,048 characters: use a shorter webhook URL");
      }
      return url;
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.forField(ID, "callbackUrl", e.getMessage());
    }
  }

  @Override
  public CompletableFuture<VideoJob> submit(VideoRequest request, CallContext context) {
    ObjectNode body = body(request);
    body.put(VidBuilderApi.WEBHOOK_URL, webhookUrl(request.callbackUrl().orElseThrow()).toString());
    Json.putExtraFields(body, request, http.json());
    return http.send(ApiRequest.post(VidBuilderApi.CREATE_ASYNC).json(body).createsJob(true).build(), context)
        .thenApply(r -> VidBuilderJobs.read(r.json(), null, null, http.baseUrl(), context.clock().instant()));
  }

  private ObjectNode body(VideoRequest request) {
    VidBuilderOptions o = request.extension(VidBuilderOptions.class).orElseThrow();
    ObjectNode body = http.json().createObjectNode();
    o.theme().ifPresent(t -> body.put(VidBuilderApi.THEME, t));
    o.music().ifPresent(m -> body.putObject(VidBuilderApi.MUSIC).put(VidBuilderApi.MUSIC_TRACK_ID, m.trackId())
        .put(VidBuilderApi.MUSIC_VOLUME, m.volume()));
    o.quality().or(request::quality).ifPresent(q -> body.put(VidBuilderApi.QUALITY, q));
    o.generateReels().ifPresent(g -> body.put(VidBuilderApi.GENERATE_REELS, g));
    ArrayNode scenes = body.putArray(VidBuilderApi.SCENES);
    for (VidBuilderScene s : o.scenes()) {
      ObjectNode n = scenes.addObject().put(VidBuilderApi.SCENE_TYPE, s.type());
      double d = s.durationSeconds();
      if (d == Math.rint(d) && d < Long.MAX_VALUE) n.put(VidBuilderApi.SCENE_DURATION, (long) d);
      else n.put(VidBuilderApi.SCENE_DURATION, d);
      n.set(VidBuilderApi.SCENE_CONTENT, http.json().valueToTree(s.content()));
    }
    return body;
  }

  @Override
  public CompletableFuture<VideoJob> status(String jobId, CallContext context) {
    Objects.requireNonNull(jobId, "jobId == null");
    String path = String.format(VidBuilderApi.STATUS,
        java.net.URLEncoder.encode(jobId, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    return http.send(ApiRequest.get(path).build(), context)
        .thenApply(r -> VidBuilderJobs.read(r.json(), jobId, null, http.baseUrl(), context.clock().instant()));
  }

  /**
   * Makes the video with the synchronous endpoint ({@code POST /api/generate-flexible-video}) and
   * blocks until it is ready, up to the {@linkplain Builder#syncTimeout sync timeout}. Meant for
   * tests and scripts; production code should {@code submit} and wait for the webhook. The request
   * must not have a callback URL (this endpoint calls none). The call is not retried once sent
   * (VidBuilder takes no idempotency key).
   *
   * @param request what to make, with {@link VidBuilderOptions}
   * @return the finished job with its outputs
   * @throws InvalidRequestException if the request is not valid for VidBuilder (before any call) or VidBuilder rejects it
   * @throws dev.videojob.core.OutcomeUnknownException if the answer was lost after the request was sent
   * @throws dev.videojob.core.VideoJobException for every other failure
   */
  public VideoJob generateNow(VideoRequest request) {
    Objects.requireNonNull(request, "request == null");
    CallContext context = CallContext.builder(ID, "generateNow").clock(clock).sleeper(DELAYED)
        .retry(RetrySettings.defaults().toBuilder().totalTimeout(syncTimeout).build())
        .idempotencyKey(request.idempotencyKey().orElseGet(() -> UUID.randomUUID().toString()))
        .build();
    return Futures.join(generateNow(request, context));
  }

  /**
   * Same as {@link #generateNow(VideoRequest)} under a context of the caller's (clock, sleeper,
   * deadline), without blocking.
   *
   * @param request what to make
   * @param context the call's context
   * @return a future of the finished job; failures as {@link #generateNow(VideoRequest)}
   */
  public CompletableFuture<VideoJob> generateNow(VideoRequest request, CallContext context) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(context, "context == null");
    try {
      RequestValidator.validate(request, syncEndpoint);
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    ObjectNode body = body(request);
    Json.putExtraFields(body, request, http.json());
    String fallbackId = "sync-" + context.idempotencyKey().orElseGet(() -> UUID.randomUUID().toString());
    return context.link(syncHttp.send(ApiRequest.post(VidBuilderApi.CREATE_SYNC).json(body).createsJob(true).build(),
            context)
        .thenApply(r -> {
          com.fasterxml.jackson.databind.JsonNode root = r.json();
          String fallbackStatus = Json.bool(root, VidBuilderApi.SUCCESS).orElse(true) ? "completed" : "failed";
          String id = Json.text(root, VidBuilderApi.JOB_ID).isPresent()
              || Json.text(root, VidBuilderApi.VIDEO_URL).filter(u -> u.startsWith(VidBuilderApi.DOWNLOAD_PREFIX)).isPresent()
              ? null : fallbackId;
          return VidBuilderJobs.read(root, id, fallbackStatus, http.baseUrl(), context.clock().instant());
        }));
  }

  /**
   * VidBuilder's own download URLs ({@code /api/download/{jobId}}) need the API credentials; they are
   * given for URLs on the API's scheme, host and port only, never for another host (such as the S3 URL).
   *
   * @param url the asset URL
   * @return the API credentials for the provider's own origin, else empty
   */
  @Override
  public java.util.Optional<dev.videojob.core.spi.Auth> assetCredentials(java.net.URI url) {
    return http.assetCredentials(url);
  }

  /** Closes the HTTP transports. */
  @Override
  public void close() {
    http.close();
    syncHttp.close();
  }

  @Override
  public String toString() {
    return "VidBuilder{" + http + "}";
  }

  /** The synchronous endpoint's view of the provider, so the client's request checks apply to it too. */
  private final class SyncEndpoint implements VideoProvider {
    private final ProviderCapabilities caps = ProviderCapabilities.builder()
        .supports(RequestField.QUALITY, RequestField.EXTRA_FIELDS).extensionType(VidBuilderOptions.class).build();

    @Override
    public String id() {
      return ID;
    }

    @Override
    public ProviderCapabilities capabilities() {
      return caps;
    }

    @Override
    public void validate(VideoRequest request) {
      VidBuilder.this.validate(request);
    }

    @Override
    public CompletableFuture<VideoJob> submit(VideoRequest request, CallContext context) {
      return generateNow(request, context);
    }

    @Override
    public CompletableFuture<VideoJob> status(String jobId, CallContext context) {
      return VidBuilder.this.status(jobId, context);
    }
  }

  /** Builds a {@link VidBuilder} adapter; not thread-safe. */
  public static final class Builder extends ProviderBuilder<Builder> {
    private String user;
    private String password;
    private String apiKey;
    private Duration syncTimeout = Duration.ofMinutes(20);
    private Clock clock = Clock.systemUTC();
    private CallbackTokens callbackTokens;

    private Builder() {
      super(DEFAULT_BASE_URL);
    }

    /**
     * HTTP Basic credentials (VidBuilder's reference pages); either these or {@link #apiKey}.
     *
     * @param user the user name
     * @param password the password
     * @return this
     */
    public Builder basicAuth(String user, String password) {
      this.user = Objects.requireNonNull(user, "user == null");
      this.password = Objects.requireNonNull(password, "password == null");
      return this;
    }

    /**
     * A key sent as {@code Authorization: Bearer <key>} (the document's integration example);
     * either this or {@link #basicAuth}.
     *
     * @param apiKey the key
     * @return this
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }





    /**
     * @param d how long {@link VidBuilder#generateNow(VideoRequest)} waits for the video; default 20 min
     * @return this
     */
    public Builder syncTimeout(Duration d) {
      this.syncTimeout = Objects.requireNonNull(d, "syncTimeout == null");
      return this;
    }


    /**
     * @param clock the clock {@link VidBuilder#generateNow(VideoRequest)} measures its timeout with; default UTC
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Adds a per-job token to every callback URL that does not carry one yet, for unsigned callbacks;
     * give the webhook pipeline the same tokens. Default none: callback URLs are sent as given.
     *
     * @param tokens the application's callback tokens
     * @return this
     */
    public Builder callbackTokens(CallbackTokens tokens) {
      this.callbackTokens = Objects.requireNonNull(tokens, "tokens == null");
      return this;
    }

    private HttpTransport.Builder transportFor(Auth auth) {
      return transport(ID, auth);
    }

    /**
     * @return the adapter
     * @throws InvalidRequestException if no credentials or both kinds were set
     * @throws IllegalArgumentException if the base URL is not http(s) or a credential is blank
     */
    public VidBuilder build() {
      return new VidBuilder(this);
    }
  }
}
