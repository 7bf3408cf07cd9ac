package dev.videojob.providers.vidbuilder;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.core.ErrorContext;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.ApiRequest;
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
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
 * {@code POST /api/generate-flexible-video} is {@link #sync()}{@code .generateNow(request)}
 * ({@link VidBuilderSync}), which blocks until the video is made (3 to 15 minutes by the document;
 * {@link Builder#syncTimeout}, default 20 min).
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
 * callbacks with {@link #webhookFormat()} (unsigned) or {@link #signedWebhookFormat()}.
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
public final class VidBuilder extends HttpAdapter {
  /** The provider id. */
  public static final String ID = "vidbuilder";
  /** VidBuilder's API base URL. */
  public static final String DEFAULT_BASE_URL = "https://backend.vidbuilder.ai";
  /** The environment variable holding the Basic auth user name. */
  public static final String ENV_USERNAME = "VIDBUILDER_USERNAME";
  /** The environment variable holding the Basic auth password. */
  public static final String ENV_PASSWORD = "VIDBUILDER_PASSWORD";
  /** The environment variable holding a Bearer API key, used when no user name is set. */
  public static final String ENV_API_KEY = "VIDBUILDER_API_KEY";
  /** The environment variable that may override the base URL. */
  public static final String ENV_BASE_URL = "VIDBUILDER_BASE_URL";

  private static final int MAX_WEBHOOK_URL = 2048;

  private static final ProviderCapabilities CAPABILITIES = ProviderCapabilities.builder()
      .polling(true).webhooks(true).cancel(false)
      .requires(RequestField.CALLBACK_URL)
      .supports(RequestField.QUALITY, RequestField.EXTRA_FIELDS)
      .extensionType(VidBuilderOptions.class)
      .build();

  private final CallbackTokens callbackTokens;
  private final VidBuilderSync sync;

  private VidBuilder(Builder b, HttpTransport http, HttpTransport syncHttp) {
    super(ID, CAPABILITIES, http);
    this.callbackTokens = b.callbackTokens;
    this.sync = new VidBuilderSync(this, syncHttp, b.syncTimeout, b.clock);
  }

  /** @return a builder with VidBuilder's base URL and default timeouts */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An adapter configured from {@value #ENV_USERNAME} and {@value #ENV_PASSWORD} (HTTP Basic), or
   * else {@value #ENV_API_KEY} (Bearer), and {@value #ENV_BASE_URL} when set.
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
    Builder b = builder();
    Optional<String> user = EnvProviderFactory.text(env, ENV_USERNAME);
    if (user.isPresent()) {
      b.basicAuth(user.get(), EnvProviderFactory.text(env, ENV_PASSWORD).orElseThrow(() -> Credentials.missing(ID,
          "auth", "a password with its user name: " + ENV_USERNAME + " is set but " + ENV_PASSWORD + " is not, set both")));
    } else {
      b.apiKey(env.get(ENV_API_KEY));
    }
    return EnvProviderFactory.withBaseUrl(b, env, ENV_BASE_URL).build();
  }

  /**
   * The synchronous endpoint, {@code POST /api/generate-flexible-video}, which answers only once the video is
   * made; it shares this adapter's credentials and base URL and is closed with it.
   *
   * @return the synchronous endpoint
   */
  public VidBuilderSync sync() {
    return sync;
  }

  /** @return the format that parses VidBuilder's unsigned callbacks (give the webhook pipeline the callback tokens) */
  public VidBuilderWebhookFormat webhookFormat() {
    return VidBuilderWebhookFormat.unsigned().withBaseUrl(http.baseUrl().toString());
  }

  /** @return the format for callbacks signed with {@code x-webhook-signature} (give the pipeline the secret) */
  public VidBuilderWebhookFormat signedWebhookFormat() {
    return VidBuilderWebhookFormat.signed().withBaseUrl(http.baseUrl().toString());
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
        .thenApply(r -> VidBuilderJobs.read(r.json(), r.bodyString(), null, null, http.baseUrl(), context.clock().instant()));
  }

  /** The request body both endpoints share: theme, music, quality, reels and scenes, without the webhook URL. */
  ObjectNode body(VideoRequest request) {
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
    return http.send(ApiRequest.get(Urls.path(VidBuilderApi.STATUS, jobId)).build(), context)
        .thenApply(r -> VidBuilderJobs.read(r.json(), r.bodyString(), jobId, null, http.baseUrl(), context.clock().instant()));
  }

  /**
   * VidBuilder's own download URLs ({@code /api/download/{jobId}}) need the API credentials; they are
   * given for URLs on the API's scheme, host and port only, never for another host (such as the S3 URL).
   *
   * @param url the asset URL
   * @return the API credentials for the provider's own origin, else empty
   */
  @Override
  public Optional<Auth> assetCredentials(URI url) {
    return http.assetCredentials(url);
  }

  /** Closes the HTTP transports. */
  @Override
  public void close() {
    super.close();
    sync.close();
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
     * @param d how long {@link VidBuilderSync#generateNow(VideoRequest)} waits for the video; default 20 min
     * @return this
     */
    public Builder syncTimeout(Duration d) {
      this.syncTimeout = Objects.requireNonNull(d, "syncTimeout == null");
      return this;
    }

    /**
     * @param clock the clock {@link VidBuilderSync#generateNow(VideoRequest)} measures its timeout with; default UTC
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

    /**
     * @return the adapter
     * @throws InvalidRequestException if no credentials or both kinds were set
     * @throws IllegalArgumentException if the base URL is not http(s) or a credential is blank
     */
    public VidBuilder build() {
      Auth auth;
      if (user != null && apiKey != null) {
        throw new InvalidRequestException("VidBuilder takes Basic auth or an API key, not both", ErrorContext.of(ID),
            "auth");
      } else if (user != null) {
        auth = Auth.basic(user, password);
      } else if (apiKey != null && !apiKey.isBlank()) {
        auth = Auth.bearer(apiKey);
      } else {
        throw Credentials.missing(ID, "auth", "credentials: set basicAuth(user, password) (or " + ENV_USERNAME + " and "
            + ENV_PASSWORD + "), or apiKey(...) (" + ENV_API_KEY + ")");
      }
      // The synchronous endpoint renders while the call is open: its own transport with the long timeout.
      return new VidBuilder(this, transport(ID, auth).build(),
          transport(ID, auth).readTimeout(syncTimeout).attemptTimeout(syncTimeout).build());
    }
  }
}
