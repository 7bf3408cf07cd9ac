package dev.videojob.core.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Bulkhead;
import dev.failsafe.BulkheadFullException;
import dev.failsafe.Failsafe;
import dev.failsafe.Policy;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.videojob.core.AuthenticationException;
import dev.videojob.core.ErrorContext;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.JobNotFoundException;
import dev.videojob.core.OutcomeUnknownException;
import dev.videojob.core.ProviderUnavailableException;
import dev.videojob.core.QuotaExceededException;
import dev.videojob.core.RateLimitedException;
import dev.videojob.core.RetryEvent;
import dev.videojob.core.VideoJobException;
import dev.videojob.core.internal.AttemptFailure;
import dev.videojob.core.internal.Futures;
import dev.videojob.core.internal.NoHiddenResends;
import dev.videojob.core.internal.Redaction;
import dev.videojob.core.internal.RetryAfter;
import dev.videojob.core.internal.RetryRule;
import dev.videojob.core.internal.SendTracker;
import dev.videojob.core.internal.SleeperScheduler;
import dev.videojob.core.internal.Version;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Thread-safe; build one per provider configuration with {@link #builder(String)} and close it
 * with its provider.
 */
public final class HttpTransport implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpTransport.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final String provider;
  private final HttpUrl baseUrl;
  private final Auth auth;
  private final OkHttpClient client;
  private final boolean ownsClient;
  private final Duration attemptTimeout;
  private final ErrorParser errorParser;
  private final String idempotencyHeader;
  private final boolean idempotencyHonoured;
  private final List<Policy<ApiResponse>> limits;
  private final ObjectMapper mapper;

  private HttpTransport(Builder b) {
    this.provider = b.provider;
    this.baseUrl = b.baseUrl;
    this.auth = b.auth;
    this.ownsClient = b.client == null;
    OkHttpClient base = b.client != null ? b.client : new OkHttpClient();
    OkHttpClient.Builder builder = base.newBuilder()
        .connectTimeout(b.connectTimeout)
        .readTimeout(b.readTimeout)
        .writeTimeout(b.readTimeout)
        .eventListenerFactory(SendTracker.factory());
    // Retries are ours, so the safe-create rule holds; OkHttp must not resend a POST on its own.
    this.client = NoHiddenResends.apply(builder).build();
    this.attemptTimeout = b.attemptTimeout;
    this.errorParser = b.errorParser;
    this.idempotencyHeader = b.idempotencyHeader != null ? b.idempotencyHeader : "Idempotency-Key";
    this.idempotencyHonoured = b.idempotencyHeader != null;
    List<Policy<ApiResponse>> l = new ArrayList<>();
    if (b.ratePermits > 0) {
      l.add(RateLimiter.<ApiResponse>smoothBuilder(b.ratePermits, b.ratePeriod).withMaxWaitTime(b.maxQueueWait).build());
    }
    if (b.maxConcurrency > 0) {
      l.add(Bulkhead.<ApiResponse>builder(b.maxConcurrency).withMaxWaitTime(b.maxQueueWait).build());
    }
    this.limits = List.copyOf(l);
    this.mapper = b.mapper != null ? b.mapper
        : new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
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
    return baseUrl.uri();
  }

  /** @return the provider's auth (for fetching assets that need it; never log its value) */
  public Auth auth() {
    return auth;
  }

  /**
   * The auth to fetch an output at this URL: present only when the URL has the base URL's scheme, host
   * and port and the transport has auth, so a CDN or presigned URL never gets the provider's key.
   *
   * @param url an output's absolute URL
   * @return the auth, or empty
   */
  public Optional<Auth> assetCredentials(URI url) {
    HttpUrl u = url == null ? null : HttpUrl.parse(url.toString());
    if (u == null || auth.headerName() == null) return Optional.empty();
    boolean sameOrigin = u.scheme().equals(baseUrl.scheme()) && u.host().equalsIgnoreCase(baseUrl.host())
        && u.port() == baseUrl.port();
    return sameOrigin ? Optional.of(auth) : Optional.empty();
  }

  /** @return the JSON mapper requests and responses use */
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
    return url(pathOrUrl).uri();
  }

  private HttpUrl url(String pathOrUrl) {
    HttpUrl abs = HttpUrl.parse(pathOrUrl);
    if (abs != null) return abs;
    String base = baseUrl.toString();
    String joined = base.endsWith("/") ? base + (pathOrUrl.startsWith("/") ? pathOrUrl.substring(1) : pathOrUrl)
        : base + (pathOrUrl.startsWith("/") ? pathOrUrl : "/" + pathOrUrl);
    HttpUrl u = HttpUrl.parse(joined);
    if (u == null) throw new IllegalArgumentException("cannot resolve " + Redaction.url(pathOrUrl) + " against " + base);
    return u;
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
    if (context.isCancelled()) {
      return CompletableFuture.failedFuture(new CancellationException("the call was canceled"));
    }
    Attempts attempts = new Attempts(request, context);
    RetryPolicy<ApiResponse> retry = RetryPolicy.<ApiResponse>builder()
        .handleIf(attempts::retryable)
        .withMaxRetries(context.retry().maxRetries())
        .withDelayFn(c -> attempts.nextDelay)
        .onRetryScheduled(e -> attempts.scheduled(e.getAttemptCount(), e.getDelay(), e.getLastResult(),
            e.getLastException()))
        .build();
    List<Policy<ApiResponse>> policies = new ArrayList<>();
    policies.add(retry);
    policies.addAll(limits);
    // The call in flight, so a cancel reaches it even before Failsafe has registered its own hook.
    java.util.concurrent.atomic.AtomicReference<Call> inFlight = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
    CompletableFuture<ApiResponse> failsafe = Failsafe.with(policies)
        .with(new SleeperScheduler(context.sleeper()))
        .getStageAsync(c -> {
          CompletableFuture<ApiResponse> f = new CompletableFuture<>();
          attempt(request, context, f, call -> {
            inFlight.set(call);
            c.onCancel(call::cancel);
            if (cancelled.get()) call.cancel();
          });
          return f;
        });
    CompletableFuture<ApiResponse> result = failsafe.handle((response, failure) -> {
      if (failure != null) throw mapFailure(Futures.unwrap(failure), request, context, cancelled.get());
      if (!response.isSuccessful()) throw mapStatus(response, request, context);
      return response;
    });
    // Cancelling what the caller holds cancels Failsafe's execution, the call in flight and any pending retry.
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        cancelled.set(true);
        Call call = inFlight.get();
        if (call != null) call.cancel();
        failsafe.cancel(true);
      }
    });
    // However the adapter chains its futures, cancelling the caller's future cancels the context, and so this call.
    context.onCancel(() -> result.cancel(true));
    return result;
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

  private void attempt(ApiRequest request, CallContext context, CompletableFuture<ApiResponse> into,
      java.util.function.Consumer<Call> beforeEnqueue) {
    Duration remaining = context.remaining();
    if (remaining.isZero()) {
      into.completeExceptionally(new AttemptFailure(new java.io.InterruptedIOException("deadline reached"), false));
      return;
    }
    Request okRequest;
    try {
      okRequest = build(request, context);
    } catch (RuntimeException e) {
      into.completeExceptionally(e);
      return;
    }
    Call call = client.newCall(okRequest);
    beforeEnqueue.accept(call);
    long budget = Math.min(remaining.toMillis(), attemptTimeout.toMillis());
    call.timeout().timeout(Math.max(1, budget), TimeUnit.MILLISECONDS);
    long started = System.nanoTime();
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        SendTracker t = c.request().tag(SendTracker.class);
        boolean sent = t != null && t.requestSent();
        if (request.createsJob() && sent) context.createAttempted(false, true);
        log.debug("{} {} {} failed after {} ms (request {}): {}", provider, context.operation(), request,
            elapsedMs(started), sent ? "sent" : "not sent", e.toString());
        into.completeExceptionally(new AttemptFailure(e, sent));
      }

      @Override
      public void onResponse(Call c, Response response) {
        if (request.createsJob()) context.createAttempted(false, mayHaveCreated(response.code()));
        try (response) {
          byte[] body = readBounded(response.body());
          ApiResponse r = new ApiResponse(provider, response.request().url().uri(), response.code(),
              response.headers().toMultimap(), body, mapper);
          log.debug("{} {} {} -> {} in {} ms", provider, context.operation(), request, response.code(),
              elapsedMs(started));
          if (request.createsJob() && r.isSuccessful()) context.createAttempted(true, true);
          into.complete(r);
        } catch (IOException e) {
          into.completeExceptionally(new AttemptFailure(e, true));
        }
      }
    });
  }

  /** Whether a create answered with this status may have made something (see {@link VideoJobException#nothingCreated()}). */
  private static boolean mayHaveCreated(int status) {
    if (status >= 200 && status < 300) return true;
    if (status == 303 || status == 409) return true;
    if (status >= 300 && status < 500) return false;
    return status != 503;
  }

  private static long elapsedMs(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }

  private static byte[] readBounded(ResponseBody body) throws IOException {
    if (body == null) return new byte[0];
    if (body.contentLength() > MAX_RESPONSE_BYTES) {
      throw new IOException("response body of " + body.contentLength() + " bytes exceeds " + MAX_RESPONSE_BYTES);
    }
    try (InputStream in = body.byteStream()) {
      byte[] bytes = in.readNBytes((int) MAX_RESPONSE_BYTES + 1);
      if (bytes.length > MAX_RESPONSE_BYTES) throw new IOException("response body exceeds " + MAX_RESPONSE_BYTES + " bytes");
      return bytes;
    }
  }

  private Request build(ApiRequest request, CallContext context) {
    HttpUrl.Builder url = url(request.path()).newBuilder();
    request.query().forEach(url::addQueryParameter);
    RequestBody body = null;
    if (request.jsonBody().isPresent()) {
      try {
        body = RequestBody.create(mapper.writeValueAsBytes(request.jsonBody().get()), JSON);
      } catch (JsonProcessingException e) {
        throw new InvalidRequestException("the request body cannot be written as JSON: " + e.getOriginalMessage(),
            ErrorContext.of(provider), null);
      }
    } else if (request.rawBodyUnsafe() != null) {
      body = RequestBody.create(request.rawBodyUnsafe(), MediaType.get(request.contentType().orElseThrow()));
    } else if (!request.method().equals("GET") && !request.method().equals("DELETE")) {
      body = RequestBody.create(new byte[0], null);
    }
    Request.Builder b = new Request.Builder().url(url.build()).method(request.method(), body)
        .header("User-Agent", Version.userAgent())
        .header("Accept", "application/json")
        .tag(SendTracker.class, new SendTracker());
    if (auth.headerName() != null) b.header(auth.headerName(), auth.headerValue());
    context.options().extraHeaders().forEach(b::header);
    request.headers().forEach(b::header);
    if (request.createsJob()) context.idempotencyKey().ifPresent(k -> b.header(idempotencyHeader, k));
    return b.build();
  }

  /** Per-call retry bookkeeping: decides each retry and its wait against the call's deadline. */
  private final class Attempts {
    private final ApiRequest request;
    private final CallContext context;
    private int retries;
    private volatile Duration nextDelay = Duration.ZERO;

    Attempts(ApiRequest request, CallContext context) {
      this.request = request;
      this.context = context;
    }

    boolean retryable(ApiResponse response, Throwable failure) {
      Optional<Duration> delay;
      if (failure != null) {
        Throwable t = Futures.unwrap(failure);
        if (!(t instanceof AttemptFailure)) return false;
        AttemptFailure f = (AttemptFailure) t;
        if (f.requestSent() && !createSafeToRepeat()) return false;
        delay = RetryRule.afterIoFailure(context.retry(), retries, context.remaining());
      } else {
        int s = response.status();
        if (!RetryRule.isRetryableStatus(s)) return false;
        if (s != 429 && s != 503 && !createSafeToRepeat()) return false;
        delay = RetryRule.afterStatus(context.retry(), retries, response.header("Retry-After").orElse(null),
            context.clock(), context.remaining());
      }
      if (delay.isEmpty()) return false;
      retries++;
      nextDelay = delay.get();
      return true;
    }

    private boolean createSafeToRepeat() {
      return !request.createsJob() || idempotencyHonoured;
    }

    void scheduled(int attempt, Duration delay, ApiResponse last, Throwable failure) {
      int status = last != null ? last.status() : 0;
      String reason = last != null ? "HTTP " + status : String.valueOf(Futures.unwrap(failure).getMessage());
      log.info("{} {} {}: attempt {} failed ({}), retrying in {} ms", provider, context.operation(), request,
          attempt, reason, delay.toMillis());
      try {
        context.retryScheduled(new RetryEvent(provider, context.operation(), attempt, delay, status, reason));
      } catch (RuntimeException e) {
        log.warn("retry listener failed", e);
      }
    }
  }

  /** The context of an error of this call: the provider, and for a submission its key and whether a job may exist. */
  private ErrorContext errorContext(CallContext context) {
    ErrorContext ec = ErrorContext.of(provider).withIdempotencyKey(context.idempotencyKey().orElse(null));
    return context.jobMayExist() ? ec.withJobMayExist(true) : ec;
  }

  /** What to do when a job may exist, for the end of a message; empty when none may. */
  private String mayExistAdvice(ErrorContext ec) {
    if (!ec.jobMayExist()) return "";
    return idempotencyHonoured ? "; a job may exist: resubmit with the same idempotency key, which " + provider
        + " honours, or look it up" : "; a job may exist: look it up before submitting again";
  }

  private RuntimeException mapFailure(Throwable t, ApiRequest request, CallContext context, boolean callerCancelled) {
    if (t instanceof VideoJobException) return (RuntimeException) t;
    ErrorContext ec = errorContext(context);
    String key = context.idempotencyKey().orElse(null);
    if (t instanceof CancellationException) {
      if (callerCancelled || context.isCancelled() || !request.createsJob()) return (CancellationException) t;
      // Nobody asked for it: a create must not look cancelled while its request may still be on its way.
      return new OutcomeUnknownException("the create call was cut short inside the SDK, not by the caller; the"
          + " job may or may not exist: look it up before submitting again", ec.withJobMayExist(true), t, key);
    }
    if (t instanceof RateLimitExceededException || t instanceof BulkheadFullException) {
      return new RateLimitedException("the client-side " + (t instanceof BulkheadFullException ? "concurrency" : "rate")
          + " limit for " + provider + " was reached; nothing was sent, try again later", ec, null, Map.of());
    }
    if (t instanceof AttemptFailure) {
      AttemptFailure f = (AttemptFailure) t;
      String what = f.io() instanceof java.io.InterruptedIOException ? "timed out" : "failed";
      if (request.createsJob() && f.requestSent() && !idempotencyHonoured) {
        return new OutcomeUnknownException("the create call " + what + " after the request was sent (" + f.getMessage()
            + "); the job may or may not exist and " + provider + " takes no idempotency key, so it was not resent",
            ec, f.io(), key);
      }
      return new ProviderUnavailableException(provider + " could not be reached: the call " + what + " ("
          + f.getMessage() + ")" + mayExistAdvice(ec), ec, f.io(), !f.requestSent());
    }
    return new VideoJobException("the call failed: " + t, ec, t);
  }

  private RuntimeException mapStatus(ApiResponse r, ApiRequest request, CallContext context) {
    ProviderError pe;
    try {
      pe = errorParser.parse(r);
    } catch (RuntimeException e) {
      pe = ProviderError.empty();
    }
    int s = r.status();
    ErrorContext ec = errorContext(context).withHttpStatus(s).withRequestId(r.requestId().orElse(null))
        .withProviderError(pe.code(), pe.message(), pe.hint()).withDetails(pe.details());
    String key = context.idempotencyKey().orElse(null);
    String code = pe.code() == null ? "" : pe.code().toLowerCase(Locale.ROOT);
    if (s == 402 || code.contains("credit") || code.contains("quota") || code.contains("subscription")
        || code.contains("payment")) {
      return new QuotaExceededException("the account cannot pay for this: top up credits or upgrade the plan", ec);
    }
    if (s == 401) return new AuthenticationException("the API key was refused: check the credentials", ec);
    if (s == 403) return new AuthenticationException("the API key is not allowed to do this", ec);
    if (s == 404) return new JobNotFoundException("not found at " + Redaction.url(r.url()), ec);
    if (s == 429) {
      Optional<Duration> after = RetryAfter.parse(r.header("Retry-After").orElse(null), context.clock());
      return new RateLimitedException("rate limited" + after.map(d -> "; retry after " + d.toSeconds() + " s").orElse(""),
          ec, after.orElse(null), r.rateLimitHeaders());
    }
    if (s >= 300 && s < 400) {
      String to = r.header("Location").map(Redaction::url).orElse("an address it did not give");
      if (request.createsJob() && s == 303) {
        return new OutcomeUnknownException("the create call was answered 303 See Other (to " + to + "), which usually"
            + " means the job was made; the SDK follows no redirect, so the job may or may not exist: look it up"
            + " before submitting again", ec, null, key);
      }
      return new InvalidRequestException("the call was redirected to " + to + "; the SDK follows no redirects (a create"
          + " must never be resent behind its retry rule, nor credentials sent to another host): set the base URL to the"
          + " provider's current API address", ec, "baseUrl");
    }
    if (s == 408) {
      return new ProviderUnavailableException(provider + " timed out waiting for the request and did not process it;"
          + " try again", ec, null, true);
    }
    if (s >= 500) {
      if (request.createsJob() && !idempotencyHonoured && (s == 502 || s == 504)) {
        return new OutcomeUnknownException("a gateway answered " + s + " to the create call; the job may or may not"
            + " exist and " + provider + " takes no idempotency key, so it was not resent", ec, null, key);
      }
      return new ProviderUnavailableException(provider + " is unavailable" + mayExistAdvice(ec), ec, null, s == 503);
    }
    if (s == 409 && request.createsJob()) {
      return new InvalidRequestException("the provider refused the create call as a conflict; a job with this"
          + " idempotency key may already exist: look it up before submitting again", ec, null);
    }
    return new InvalidRequestException("the provider rejected the request", ec, null);
  }

  /** Closes the connection pool and threads of a client this transport created; a supplied client is left open. */
  @Override
  public void close() {
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "HttpTransport{" + provider + " " + Redaction.url(baseUrl.uri()) + ", " + auth + "}";
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
    private ObjectMapper mapper;

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
     * @param mapper the JSON mapper; default one that ignores unknown properties
     * @return this
     */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = mapper;
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
