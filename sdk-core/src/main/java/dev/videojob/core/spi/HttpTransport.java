package dev.videojob.core.spi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videojob.core.AuthenticationException;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.JobNotFoundException;
import dev.videojob.core.OutcomeUnknownException;
import dev.videojob.core.ProviderUnavailableException;
import dev.videojob.core.QuotaExceededException;
import dev.videojob.core.RateLimitedException;
import dev.videojob.core.VideoJobException;
import dev.videojob.core.internal.Futures;
import dev.videojob.core.internal.Redaction;
import dev.videojob.core.internal.http.CallLimits;
import dev.videojob.core.internal.http.RequestFactory;
import dev.videojob.core.internal.http.RetryingCall;
import dev.videojob.core.internal.http.SafeCreateRule;
import dev.videojob.core.internal.http.StatusMapping;
import dev.videojob.core.internal.http.WireCall;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The one way adapters call their provider: OkHttp for the wire, Failsafe for retries, Jackson for
 * JSON, with the provider's auth, a {@code videojob-java/<version>} User-Agent and the SDK's error
 * mapping.
 *
 * <p>Retries follow {@link dev.videojob.core.RetrySettings}: only on 429, 5xx and I/O errors, exponential
 * backoff with full jitter, {@code Retry-After} honoured (a wait longer than the cap ends the retries and
 * the {@link RateLimitedException} carries it), bounded attempts and a deadline that counts every wait.
 * All waits go through the context's {@link dev.videojob.core.Sleeper}; cancelling the returned future
 * cancels the HTTP call in flight and any pending retry.
 *
 * <p>The safe-create rule: a call that {@linkplain ApiRequest#createsJob() creates a job} carries the
 * context's idempotency key on every attempt (in the provider's header, else {@code Idempotency-Key}).
 * If the provider honours keys, it is retried like any call. If not, it is retried only when nothing
 * can have been created: the request never reached the wire, or the provider answered 429 or 503.
 * When the answer is lost after the request went out (timeout, reset, 502, 504, 303) the call fails with
 * {@link OutcomeUnknownException} carrying the key, instead of risking a second paid job. Every failure of
 * a create call carries the key ({@link VideoJobException#idempotencyKey()}) and says whether a job may exist
 * ({@link VideoJobException#nothingCreated()}), counting every attempt and every earlier call under the
 * same context; each attempt is recorded on the context ({@link CallContext#jobMayExist()}).
 *
 * <p>Only this retry rule resends: OkHttp's own resends are off (no retry on connection failure, no
 * redirects, no follow-up of a 503 with {@code Retry-After: 0}). A redirect is an
 * {@link InvalidRequestException} naming where it points (fix the base URL); a 303 to a create is an
 * {@link OutcomeUnknownException}, since it usually means the job was made.
 *
 * <p>This class is the small face adapters see; the machinery is in {@code dev.videojob.core.internal.http}:
 * building the request and its auth, the wire call, the retrying call with the safe-create rule and the
 * client-side limits, and the table from statuses to exceptions.
 *
 * <p>Thread-safe; build one per provider configuration with {@link #builder(String)} and close it
 * with its provider.
 */
public final class HttpTransport implements AutoCloseable {
  private final String provider;
  private final Auth auth;
  private final ObjectMapper mapper;
  private final boolean idempotencyHonoured;
  private final RequestFactory requests;
  private final WireCall wire;
  private final RetryingCall calls;

  private HttpTransport(Builder b) {
    this.provider = b.provider;
    this.auth = b.auth;
    this.mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    this.idempotencyHonoured = b.idempotencyHeader != null;
    SafeCreateRule rule = new SafeCreateRule(idempotencyHonoured);
    this.requests = new RequestFactory(provider, b.baseUrl, b.auth, mapper,
        b.idempotencyHeader != null ? b.idempotencyHeader : "Idempotency-Key");
    this.wire = new WireCall(provider, b.client, b.connectTimeout, b.readTimeout, b.attemptTimeout, mapper);
    this.calls = new RetryingCall(provider, requests, wire, new StatusMapping(provider, b.errorParser, rule), rule,
        new CallLimits(b.ratePermits, b.ratePeriod, b.maxConcurrency, b.maxQueueWait));
  }

  /**
   * Starts a transport for a provider.
   *
   * @param provider the provider id, used in errors, logs and retry events
   * @return a builder
   */
  public static Builder builder(String provider) {
    return new Builder(provider);
  }

  /** @return the provider id */
  public String provider() {
    return provider;
  }

  /** @return the base URL relative paths are resolved against */
  public URI baseUrl() {
    return requests.baseUrl().uri();
  }

  /**
   * The auth to fetch an output at this URL: present only when the URL has the base URL's scheme, host
   * and port and the transport has auth, so a CDN or presigned URL never gets the provider's key.
   *
   * @param url an output's absolute URL
   * @return the auth, or empty
   */
  public Optional<Auth> assetCredentials(URI url) {
    return requests.credentialsFor(url);
  }

  /** @return the JSON mapper requests and responses use (it ignores unknown properties) */
  public ObjectMapper json() {
    return mapper;
  }

  /** @return whether the provider honours idempotency keys */
  public boolean idempotencyKeysHonoured() {
    return idempotencyHonoured;
  }

  /**
   * Resolves a path, or an absolute URL, against the base URL.
   *
   * @param pathOrUrl a relative path ({@code /api/download/1}, {@code videos}) or an absolute URL
   * @return the absolute URL
   * @throws IllegalArgumentException if it cannot be resolved
   */
  public URI resolve(String pathOrUrl) {
    return requests.resolve(pathOrUrl).uri();
  }

  /**
   * Sends a call and returns its 2xx response; every other outcome is a {@link VideoJobException}.
   *
   * @param request the call
   * @param context the logical call's context
   * @return a future of the successful response; it fails with {@link InvalidRequestException} (400, 409, 413,
   *     422), {@link AuthenticationException} (401, 403), {@link QuotaExceededException} (402, credit codes),
   *     {@link JobNotFoundException} (404), {@link RateLimitedException} (429 or the client-side limit),
   *     {@link ProviderUnavailableException} (5xx, 408, I/O), {@link OutcomeUnknownException} (see the class doc),
   *     {@link InvalidRequestException} for a redirect (3xx, not followed); the failure of a create call carries
   *     the context's idempotency key; a {@link CancellationException} only when the caller cancelled
   */
  public CompletableFuture<ApiResponse> send(ApiRequest request, CallContext context) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(context, "context == null");
    return calls.send(request, request.rawBodyUnsafe(), context, context::createAttempted);
  }

  /**
   * Sends a call and blocks for its response; an interrupt cancels the call.
   *
   * @param request the call
   * @param context the logical call's context
   * @return the successful response
   * @throws VideoJobException as listed on {@link #send}
   */
  public ApiResponse sendSync(ApiRequest request, CallContext context) {
    return Futures.join(send(request, context));
  }

  /** Closes the connection pool and threads of a client this transport created; a supplied client is left open. */
  @Override
  public void close() {
    wire.close();
  }

  @Override
  public String toString() {
    return "HttpTransport{" + provider + " " + Redaction.url(baseUrl()) + ", " + auth + "}";
  }

  /** Builds an {@link HttpTransport}; not thread-safe. */
  public static final class Builder {
    private final String provider;
    private HttpUrl baseUrl;
    private Auth auth = Auth.none();
    private OkHttpClient client;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration attemptTimeout = Duration.ofSeconds(60);
    private ErrorParser errorParser = ErrorParser.standard();
    private String idempotencyHeader;
    private int ratePermits;
    private Duration ratePeriod = Duration.ofSeconds(1);
    private int maxConcurrency;
    private Duration maxQueueWait = Duration.ofSeconds(30);

    private Builder(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
    }

    /**
     * @param baseUrl the provider's API base URL (overridable for tests and proxies); required
     * @return this
     * @throws IllegalArgumentException if not an http or https URL
     */
    public Builder baseUrl(String baseUrl) {
      HttpUrl u = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl == null"));
      if (u == null) throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + Redaction.url(baseUrl));
      this.baseUrl = u;
      return this;
    }

    /**
     * @param auth how calls authenticate; default none
     * @return this
     */
    public Builder auth(Auth auth) {
      this.auth = Objects.requireNonNull(auth, "auth == null");
      return this;
    }

    /**
     * @param client an OkHttp client to share pools and dispatcher with; default a new one, closed with the transport
     * @return this
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.client = client;
      return this;
    }

    /**
     * @param d the connect timeout; default 10 s
     * @return this
     */
    public Builder connectTimeout(Duration d) {
      this.connectTimeout = Objects.requireNonNull(d, "connectTimeout == null");
      return this;
    }

    /**
     * @param d the read and write timeout (between bytes); default 30 s
     * @return this
     */
    public Builder readTimeout(Duration d) {
      this.readTimeout = Objects.requireNonNull(d, "readTimeout == null");
      return this;
    }

    /**
     * @param d the longest one attempt may take, also cut to the call's deadline; default 60 s
     * @return this
     */
    public Builder attemptTimeout(Duration d) {
      this.attemptTimeout = Objects.requireNonNull(d, "attemptTimeout == null");
      return this;
    }

    /**
     * @param parser reads the provider's error bodies; default {@link ErrorParser#standard()}
     * @return this
     */
    public Builder errorParser(ErrorParser parser) {
      this.errorParser = Objects.requireNonNull(parser, "parser == null");
      return this;
    }

    /**
     * Declares that the provider honours idempotency keys in this header, which makes creates safe to retry.
     *
     * @param header the header name; default none (keys are still sent as {@code Idempotency-Key}, but not relied on)
     * @return this
     */
    public Builder idempotencyKeyHeader(String header) {
      this.idempotencyHeader = header;
      return this;
    }

    /**
     * A client-side rate limit for this provider key: calls beyond it wait up to {@link #maxQueueWait}, then fail
     * with {@link RateLimitedException} without being sent.
     *
     * @param permits calls per period, 0 for no limit (the default)
     * @param period the period
     * @return this
     */
    public Builder rateLimit(int permits, Duration period) {
      if (permits < 0) throw new IllegalArgumentException("permits < 0");
      this.ratePermits = permits;
      this.ratePeriod = Objects.requireNonNull(period, "period == null");
      return this;
    }

    /**
     * At most this many calls in flight to this provider; others wait up to {@link #maxQueueWait}.
     *
     * @param max the bound, 0 for none (the default)
     * @return this
     */
    public Builder maxConcurrency(int max) {
      if (max < 0) throw new IllegalArgumentException("max < 0");
      this.maxConcurrency = max;
      return this;
    }

    /**
     * @param d how long a call waits for the rate limit or concurrency bound; default 30 s
     * @return this
     */
    public Builder maxQueueWait(Duration d) {
      this.maxQueueWait = Objects.requireNonNull(d, "maxQueueWait == null");
      return this;
    }

    /**
     * @return the transport
     * @throws NullPointerException if no base URL was set
     */
    public HttpTransport build() {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      return new HttpTransport(this);
    }
  }
}
