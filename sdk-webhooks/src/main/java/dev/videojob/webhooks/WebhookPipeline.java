package dev.videojob.webhooks;

import dev.videojob.core.Claim;
import dev.videojob.core.IdempotencyStore;
import dev.videojob.core.IdempotencyStoreException;
import dev.videojob.core.VideoJob;
import dev.videojob.core.internal.Redaction;
import dev.videojob.webhooks.WebhookResponse.Outcome;
import dev.videojob.webhooks.WebhookVerificationException.Reason;
import dev.videojob.webhooks.internal.BoundedBody;
import dev.videojob.webhooks.internal.BudgetedRun;
import dev.videojob.webhooks.internal.DaemonThreads;
import dev.videojob.webhooks.internal.EventKeys;
import dev.videojob.webhooks.internal.EventProcessor;
import dev.videojob.webhooks.internal.RecordingHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one provider's webhooks end to end: verify (signature, or callback token for a provider
 * that signs nothing), parse, de-duplicate, and process each event, answering the provider only once
 * the event can no longer be lost.
 *
 * <p>This is the plain-Java entry point: call {@link #receive(WebhookRequest)} from any framework
 * (Spring, Vert.x, Javalin ...) and write the {@link WebhookResponse} out; {@link WebhookServlet} is
 * a thin adapter over it. Thread-safe; one pipeline per provider endpoint.
 *
 * <p>Three modes, chosen on the builder; each says what it guarantees:
 * <table>
 *   <caption>Processing modes</caption>
 *   <tr><th>mode</th><th>configured with</th><th>the 2xx goes back</th><th>guarantee</th></tr>
 *   <tr><td>synchronous (default)</td><td>{@link Builder#idempotencyStore idempotencyStore(...)}</td>
 *     <td>after the handler succeeded, within {@link Builder#handlerBudget the handler budget}; a failing or
 *     slower handler is answered 503, so the provider redelivers</td>
 *     <td>at least once, never lost while the provider keeps redelivering; duplicates dropped by the store</td></tr>
 *   <tr><td>durable inbox</td><td>{@link Builder#inbox inbox(...)} ({@code videojob-durable})</td>
 *     <td>after the event is committed to the inbox table</td>
 *     <td>never lost once acknowledged; processed on any instance with retries; exactly-once effect for a
 *     handler that writes through the inbox's transaction</td></tr>
 *   <tr><td>acknowledge before handling</td><td>{@link Builder#acknowledgeBeforeHandlingMayLoseEvents()}</td>
 *     <td>as soon as the event is queued in memory</td>
 *     <td>none: a failing handler or a crash loses the event (the provider has its 2xx and never redelivers)</td></tr>
 * </table>
 *
 * <p>De-duplication: an event's key is {@code provider:delivery:<id>}, or
 * {@code provider:job:<jobId>:<event>:<JobStatus>} where the provider names no delivery, or the hash of the
 * body for an event the format does not know. The key holds only what the format read from the verified
 * body, never an unsigned header, and the normalized status rather than the provider's raw spelling. In the
 * synchronous and acknowledge-first modes the event is claimed in the {@link IdempotencyStore} under that key:
 * a finished duplicate is answered 200 and dropped; a duplicate of an event still being processed is answered
 * 503 with {@code Retry-After}; a handler that throws releases the claim, so the redelivery is processed. In
 * the durable mode the inbox's table is keyed by it, and any later delivery of a stored event is a duplicate.
 *
 * <p>A verified body the format cannot read is answered 400 ({@link WebhookResponse.Outcome#MALFORMED}) and
 * claims nothing: a {@link WebhookParseException}, and equally any other runtime exception the format's
 * {@link WebhookFormat#parse parse} throws on a value it cannot take (a timestamp beyond {@link java.time.Instant}'s
 * range, a number such as {@code 1e309}), logged at WARN with the provider and the exception's class and
 * message (cut before any query string). Only a format that returns no event, or another provider's, is a 500.
 */
public final class WebhookPipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookPipeline.class);

  /** The default lease of a claim: 5 minutes, the longest a handler should run. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
  /** The default number of handler threads when the pipeline owns its executor. */
  public static final int DEFAULT_WORKERS = 16;
  /** The default number of events that may wait for a handler thread. */
  public static final int DEFAULT_QUEUE_CAPACITY = 1000;
  /**
   * The default time a synchronous delivery waits for its handler before it is answered 503: 8 seconds,
   * below the 10 seconds per attempt that ssemble and CreativeAI document (VideoPilot allows 30).
   */
  public static final Duration DEFAULT_HANDLER_BUDGET = Duration.ofSeconds(8);

  private static final int MAX_REASON_CHARS = 200;

  private enum Mode { SYNCHRONOUS, DURABLE, ACKNOWLEDGE_FIRST }

  private final WebhookFormat format;
  private final WebhookVerifier verifier;
  private final CallbackTokens tokens;
  private final int maxBodyBytes;
  private final Mode mode;
  private final IdempotencyStore store;
  private final WebhookInbox inbox;
  private final EventProcessor processor;
  private final Consumer<VideoJob> snapshotListener;
  private final Executor executor;
  private final ExecutorService ownedExecutor;
  private final Duration lease;
  private final Duration handlerBudget;
  private final Clock clock;

  private WebhookPipeline(Builder b) {
    this.format = b.format;
    this.tokens = b.tokens;
    this.maxBodyBytes = b.maxBodyBytes;
    if (b.format.signatureScheme().isPresent()) {
      WebhookVerifier.Builder vb = WebhookVerifier.builder(b.format.signatureScheme().get())
          .maxBodyBytes(b.maxBodyBytes).clock(b.clock).timestampTolerance(b.tolerance);
      if (!b.timestampCheck) vb.disableTimestampCheck();
      for (String s : b.secretTexts) vb.secret(s);
      for (WebhookSecret s : b.secrets) vb.secret(s);
      this.verifier = vb.build();
    } else {
      this.verifier = null;
      if (b.tokens == null) {
        throw new IllegalStateException(b.format.provider() + " signs no webhooks: configure callbackTokens(...) and "
            + "build its callback URLs with CallbackTokens.callbackUrl, so each callback carries a per-job token");
      }
    }
    this.mode = b.inbox != null ? Mode.DURABLE : b.acknowledgeFirst ? Mode.ACKNOWLEDGE_FIRST : Mode.SYNCHRONOUS;
    if (mode == Mode.DURABLE) checkDurable(b);
    else if (b.store == null) {
      throw new IllegalStateException("No idempotencyStore or inbox configured: use an in-memory store for one"
          + " instance, a JDBC store for several, or a durable inbox (videojob-durable) so that no acknowledged"
          + " event is lost");
    }
    this.store = b.store;
    this.inbox = b.inbox;
    this.snapshotListener = b.snapshotListener;
    this.processor = mode == Mode.DURABLE ? null
        : new EventProcessor(b.store, b.handler, b.confirmer, b.snapshotListener, b.lease, b.retention);
    this.lease = b.lease;
    this.handlerBudget = b.handlerBudget;
    this.clock = b.clock;
    if (mode == Mode.DURABLE) {
      this.executor = null;
      this.ownedExecutor = null;
    } else if (b.executor != null) {
      this.executor = b.executor;
      this.ownedExecutor = null;
    } else {
      ThreadPoolExecutor pool = new ThreadPoolExecutor(b.workers, b.workers, 60, TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(b.queueCapacity), new DaemonThreads("videojob-webhook-" + format.provider()),
          new ThreadPoolExecutor.AbortPolicy());
      pool.allowCoreThreadTimeOut(true);
      this.executor = pool;
      this.ownedExecutor = pool;
    }
  }

  private static void checkDurable(Builder b) {
    String p = b.format.provider();
    if (b.store != null) {
      throw new IllegalStateException("The inbox de-duplicates " + p + " events on its own table: remove"
          + " idempotencyStore(...) from this pipeline");
    }
    if (b.handler != null) {
      throw new IllegalStateException("The inbox runs the handler for " + p + " events: give the handler to the"
          + " inbox, not to the pipeline");
    }
    if (b.confirmer != null) {
      throw new IllegalStateException("A statusConfirmer is not supported with an inbox: confirm the status in"
          + " the inbox's handler instead");
    }
    if (b.acknowledgeFirst) {
      throw new IllegalStateException("acknowledgeBeforeHandlingMayLoseEvents() and inbox(...) exclude each"
          + " other: the inbox acknowledges once the event is stored");
    }
    if (b.executor != null) {
      throw new IllegalStateException("The inbox runs handlers on its own threads: remove executor(...) from"
          + " this pipeline");
    }
    if (!b.inbox.supports(p)) {
      throw new IllegalStateException("The inbox " + b.inbox + " has no format and handler for " + p
          + ": register them with the inbox before building this pipeline");
    }
  }

  /**
   * Starts a pipeline for one provider's format.
   *
   * @param format the provider's webhook format (from its adapter)
   * @return a builder
   * @throws NullPointerException if format is null
   */
  public static Builder builder(WebhookFormat format) {
    return new Builder(format);
  }

  /**
   * Reads a body under the size limit and receives it.
   *
   * @param body the request body stream; not closed
   * @param headers the request headers
   * @param rawQuery the raw query string without {@code ?}, or null
   * @return what to answer
   * @throws IOException if reading the body fails (the client went away)
   */
  public WebhookResponse receive(InputStream body, WebhookHeaders headers, String rawQuery) throws IOException {
    Objects.requireNonNull(body, "body == null");
    byte[] bytes;
    try {
      bytes = BoundedBody.read(body, maxBodyBytes);
    } catch (WebhookVerificationException e) {
      LOG.warn("{} webhook rejected: {}", format.provider(), e.reason());
      return WebhookResponse.of(Outcome.TOO_LARGE, null, e.reason());
    }
    return receive(WebhookRequest.of(bytes, headers, rawQuery));
  }

  /**
   * Verifies, parses and de-duplicates a request, and processes the event as the pipeline's mode says:
   * runs the handler and waits for it (synchronous), stores it in the inbox (durable), or queues it
   * (acknowledge before handling). Never throws for a bad request: the response says what happened;
   * whatever the format's parser throws on a verified body is answered {@link WebhookResponse.Outcome#MALFORMED}.
   *
   * @param request the request
   * @return what to answer the provider
   * @throws NullPointerException if request is null
   */
  public WebhookResponse receive(WebhookRequest request) {
    Objects.requireNonNull(request, "request == null");
    String provider = format.provider();
    if (request.body().length > maxBodyBytes) {
      LOG.warn("{} webhook rejected: {}", provider, Reason.BODY_TOO_LARGE);
      return WebhookResponse.of(Outcome.TOO_LARGE, null, Reason.BODY_TOO_LARGE);
    }
    try {
      if (tokens != null) {
        tokens.verify(provider, request.queryParameter(CallbackTokens.REFERENCE_PARAMETER).orElse(null),
            request.queryParameter(CallbackTokens.TOKEN_PARAMETER).orElse(null));
      }
      if (verifier != null) verifier.verify(request.body(), request.headers());
    } catch (WebhookVerificationException e) {
      LOG.warn("{} webhook rejected: {}", provider, e.reason());
      Outcome o = e.reason() == Reason.BODY_TOO_LARGE ? Outcome.TOO_LARGE : Outcome.REJECTED;
      return WebhookResponse.of(o, null, e.reason());
    }

    RecordingHeaders headers = mode == Mode.DURABLE ? new RecordingHeaders(request.headers()) : null;
    WebhookEvent event;
    try {
      event = format.parse(request.body(), headers != null ? headers : request.headers(), clock.instant());
    } catch (WebhookParseException e) {
      LOG.warn("{} webhook malformed: {}", provider, e.getMessage());
      return WebhookResponse.of(Outcome.MALFORMED, null, null);
    } catch (RuntimeException e) {
      // A value the format could not take (a timestamp beyond Instant's range, 1e309, a negative size):
      // the body is what is wrong, and redelivering the same bytes cannot help, so 400, not 500.
      LOG.warn("{} webhook malformed: its format could not read a value: {}", provider, reason(e));
      return WebhookResponse.of(Outcome.MALFORMED, null, null);
    }
    if (event == null || !event.provider().equals(provider)) {
      LOG.error("{} webhook format is broken: it returned {} for a verified body", provider,
          event == null ? "no event" : "an event of " + event.provider());
      return WebhookResponse.of(Outcome.FAILED, null, null);
    }

    String key = EventKeys.of(event, format.deliveryIdIdentifiesEvent());
    if (mode == Mode.DURABLE) return store(key, event, headers.read());

    Claim claim;
    try {
      claim = store.claim(key, lease);
    } catch (IdempotencyStoreException e) {
      LOG.error("{} webhook not processed: idempotency store unavailable", provider, e);
      return WebhookResponse.of(Outcome.UNAVAILABLE, event, null);
    } catch (RuntimeException e) {
      LOG.error("{} webhook not processed: idempotency store failed (is it closed?)", provider, e);
      return WebhookResponse.of(Outcome.FAILED, event, null);
    }
    switch (claim.state()) {
      case DONE:
        LOG.debug("{} duplicate of a processed event dropped: {}", provider, event);
        return WebhookResponse.of(Outcome.DUPLICATE, event, null);
      case IN_PROGRESS:
        LOG.debug("{} duplicate of an event in progress, asked to retry: {}", provider, event);
        return WebhookResponse.of(Outcome.RETRY_LATER, event, null);
      default:
        break;
    }
    return mode == Mode.SYNCHRONOUS ? handleWithinBudget(event, claim) : queue(event, claim);
  }

  /** Durable mode: the 2xx only once the inbox has committed the event. */
  private WebhookResponse store(String key, WebhookEvent event, Map<String, List<String>> headersRead) {
    WebhookInbox.Acceptance acceptance;
    try {
      acceptance = inbox.accept(key, event, headersRead);
    } catch (RuntimeException e) {
      LOG.error("{} webhook not stored: the inbox failed; asked to retry: {}", event.provider(), event, e);
      return WebhookResponse.of(Outcome.UNAVAILABLE, event, null);
    }
    if (acceptance == WebhookInbox.Acceptance.DUPLICATE) {
      LOG.debug("{} duplicate of a stored event dropped: {}", event.provider(), event);
      return WebhookResponse.of(Outcome.DUPLICATE, event, null);
    }
    if (snapshotListener != null && event.snapshot().isPresent()) {
      try {
        snapshotListener.accept(event.snapshot().get());
      } catch (RuntimeException e) {
        LOG.warn("{} verified-snapshot listener failed", event.provider(), e);
      }
    }
    return WebhookResponse.of(Outcome.ACCEPTED, event, null);
  }

  /** Synchronous mode: run the handler and answer by its result, or 503 when it does not finish in the budget. */
  private WebhookResponse handleWithinBudget(WebhookEvent event, Claim claim) {
    String provider = event.provider();
    BudgetedRun<EventProcessor.Result> run =
        new BudgetedRun<>(() -> processor.process(event, claim), EventProcessor.Result.FAILED);
    try {
      executor.execute(run);
    } catch (RejectedExecutionException e) {
      LOG.warn("{} webhook handler queue full or pipeline closed; asked to retry: {}", provider, event);
      processor.release(claim);
      return WebhookResponse.of(Outcome.OVERLOADED, event, null);
    }
    Optional<EventProcessor.Result> result;
    try {
      result = run.await(handlerBudget);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = Optional.empty();
    }
    if (result.isEmpty()) {
      if (run.abandon()) {
        LOG.warn("{} webhook waited {} for a handler thread and never started; released and asked to retry: {}",
            provider, handlerBudget, event);
        processor.release(claim);
        return WebhookResponse.of(Outcome.OVERLOADED, event, null);
      }
      LOG.warn("{} webhook handler still running after its {} budget; asked to retry (its result still counts): {}",
          provider, handlerBudget, event);
      return WebhookResponse.of(Outcome.HANDLER_TIMEOUT, event, null);
    }
    return result.get() == EventProcessor.Result.FAILED
        ? WebhookResponse.of(Outcome.HANDLER_FAILED, event, null)
        : WebhookResponse.of(Outcome.ACCEPTED, event, null);
  }

  /** Acknowledge-first mode: queue and answer at once; whatever happens to the event later is not redelivered. */
  private WebhookResponse queue(WebhookEvent event, Claim claim) {
    try {
      executor.execute(() -> processor.process(event, claim));
    } catch (RejectedExecutionException e) {
      LOG.warn("{} webhook handoff queue full or pipeline closed; asked to retry: {}", event.provider(), event);
      processor.release(claim);
      return WebhookResponse.of(Outcome.OVERLOADED, event, null);
    }
    return WebhookResponse.of(Outcome.ACCEPTED, event, null);
  }

  /** The exception's class and message, the message cut at its first {@code ?} (signed URLs carry secrets there). */
  private static String reason(RuntimeException e) {
    String message = e.getMessage();
    if (message == null) return e.getClass().getName();
    int q = message.indexOf('?');
    if (q >= 0) message = message.substring(0, q) + "?" + Redaction.MASK;
    if (message.length() > MAX_REASON_CHARS) message = message.substring(0, MAX_REASON_CHARS) + "...";
    return e.getClass().getName() + ": " + message;
  }

  /** @return the provider this pipeline receives for */
  public String provider() {
    return format.provider();
  }

  /** @return the largest body accepted, in bytes */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Stops taking events and, when the pipeline owns its executor, waits up to 30 seconds for
   * handlers that are running. In the acknowledge-first mode an event still queued is left claimed and lost;
   * in the synchronous mode its delivery was not acknowledged, so the provider's redelivery takes it over once
   * the lease runs out. An inbox is not closed by the pipeline.
   */
  @Override
  public void close() {
    if (ownedExecutor == null) return;
    ownedExecutor.shutdown();
    try {
      if (!ownedExecutor.awaitTermination(30, TimeUnit.SECONDS)) ownedExecutor.shutdownNow();
    } catch (InterruptedException e) {
      ownedExecutor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "WebhookPipeline{" + format.provider() + ", " + mode + ", " + (verifier != null ? verifier : tokens) + "}";
  }

  /** Builds a {@link WebhookPipeline}; not thread-safe. */
  public static final class Builder {
    private final WebhookFormat format;
    private final List<String> secretTexts = new ArrayList<>();
    private final List<WebhookSecret> secrets = new ArrayList<>();
    private CallbackTokens tokens;
    private IdempotencyStore store;
    private WebhookInbox inbox;
    private boolean acknowledgeFirst;
    private Duration handlerBudget = DEFAULT_HANDLER_BUDGET;
    private WebhookHandler handler;
    private Consumer<VideoJob> snapshotListener;
    private StatusConfirmer confirmer;
    private Executor executor;
    private int workers = DEFAULT_WORKERS;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private Duration lease = DEFAULT_LEASE;
    private Duration retention = IdempotencyStore.DEFAULT_RETENTION;
    private int maxBodyBytes = WebhookVerifier.DEFAULT_MAX_BODY_BYTES;
    private Clock clock = Clock.systemUTC();
    private Duration tolerance = TimestampTolerance.DEFAULT;
    private boolean timestampCheck = true;

    private Builder(WebhookFormat format) {
      this.format = Objects.requireNonNull(format, "format == null");
    }

    /**
     * Adds an accepted signing secret, read as the provider's scheme expects; call again for each
     * secret during a rotation. Required for a provider that signs.
     *
     * @param text the secret
     * @return this
     */
    public Builder secret(String text) {
      secretTexts.add(Objects.requireNonNull(text, "text == null"));
      return this;
    }

    /**
     * Adds an accepted signing secret.
     *
     * @param secret the secret
     * @return this
     */
    public Builder secret(WebhookSecret secret) {
      secrets.add(Objects.requireNonNull(secret, "secret == null"));
      return this;
    }

    /**
     * Requires every callback to carry a token from these {@link CallbackTokens}. Required for a
     * provider that signs nothing; optional (an extra check) for one that signs.
     *
     * @param tokens the tokens the callback URLs were built with
     * @return this
     */
    public Builder callbackTokens(CallbackTokens tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens == null");
      return this;
    }

    /**
     * Sets where events are claimed so each is processed once; required in the synchronous (default) and
     * acknowledge-first modes, not allowed with an {@link #inbox inbox}. Share one store across instances (a
     * JDBC store) when several instances receive webhooks.
     *
     * @param store the store; not closed by the pipeline
     * @return this
     */
    public Builder idempotencyStore(IdempotencyStore store) {
      this.store = Objects.requireNonNull(store, "store == null");
      return this;
    }

    /**
     * Durable mode: stores each verified event in a durable inbox before answering, and leaves processing to
     * the inbox (which runs the handler, with retries, on any instance). Nothing acknowledged is lost, even
     * when this instance is killed right after answering. The inbox de-duplicates on its own, so
     * {@link #idempotencyStore}, {@link #handler}, {@link #statusConfirmer}, {@link #executor} and
     * {@link #acknowledgeBeforeHandlingMayLoseEvents()} are not allowed with it. A store that fails is answered
     * 503 with {@code Retry-After}.
     *
     * @param inbox the inbox (such as {@code dev.videojob.durable.JdbcWebhookInbox}); not closed by the pipeline
     * @return this
     */
    public Builder inbox(WebhookInbox inbox) {
      this.inbox = Objects.requireNonNull(inbox, "inbox == null");
      return this;
    }

    /**
     * Opts in to answering 200 as soon as an event is queued in memory, before its handler runs: the behaviour
     * of the first releases, kept for handlers that may lose events. <b>A handler that throws, a full
     * queue drained by {@link WebhookPipeline#close()}, or a crash of this instance (deploy, OOM,
     * {@code kill -9}) loses the event</b>: the provider has its 200 and never delivers it again. Prefer the
     * synchronous default (the 2xx waits for the handler) or an {@link #inbox inbox}.
     *
     * @return this
     */
    public Builder acknowledgeBeforeHandlingMayLoseEvents() {
      this.acknowledgeFirst = true;
      return this;
    }

    /**
     * Synchronous mode: sets how long a delivery waits for its handler before it is answered 503 with
     * {@code Retry-After} (the handler keeps running, and its result still counts: a success marks the event
     * done, so the redelivery is a duplicate); default {@link WebhookPipeline#DEFAULT_HANDLER_BUDGET}. Keep it
     * below the provider's delivery timeout (ssemble and CreativeAI: 10 s per attempt; VideoPilot: 30 s).
     *
     * @param budget positive
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder handlerBudget(Duration budget) {
      this.handlerBudget = positive(budget, "budget");
      return this;
    }

    /**
     * Sets the application's handler; default none (events are only passed to {@link #onVerifiedSnapshot}).
     * In the synchronous mode the answer waits for it: returning marks the event done and answers 200,
     * throwing releases the event and answers 503 so the provider delivers it again. With an inbox, give the
     * handler to the inbox instead.
     *
     * @param handler the handler, run on the executor
     * @return this
     */
    public Builder handler(WebhookHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler == null");
      return this;
    }

    /**
     * Passes each processed event's job snapshot on, after the handler succeeded (with an inbox: once the
     * event is stored):
     * {@code .onVerifiedSnapshot(client::acceptSnapshot)} completes a pending {@code VideoClient.await}
     * at once. Default none. Exceptions it throws are logged and otherwise ignored.
     *
     * @param listener the listener, run on the executor (with an inbox: on the request thread)
     * @return this
     */
    public Builder onVerifiedSnapshot(Consumer<VideoJob> listener) {
      this.snapshotListener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Confirms each event's claimed status with the provider's API before the handler runs; default
     * none. The handler then sees the confirmed snapshot; an event whose status the provider does not
     * confirm is dropped (and released, so a later genuine delivery is processed).
     *
     * @param confirmer the confirmer, run on the executor
     * @return this
     */
    public Builder statusConfirmer(StatusConfirmer confirmer) {
      this.confirmer = Objects.requireNonNull(confirmer, "confirmer == null");
      return this;
    }

    /**
     * Runs handlers on your executor instead of the pipeline's own; it is not shut down by
     * {@link WebhookPipeline#close()}. A {@link RejectedExecutionException} answers 503. In the synchronous
     * mode the request thread waits for the run within the {@link #handlerBudget handler budget}.
     *
     * @param executor the executor; bound its queue so overload is answered rather than buffered
     * @return this
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Sets the number of handler threads of the pipeline's own executor; default {@value WebhookPipeline#DEFAULT_WORKERS}.
     *
     * @param workers positive
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder workers(int workers) {
      if (workers <= 0) throw new IllegalArgumentException("workers must be positive: " + workers);
      this.workers = workers;
      return this;
    }

    /**
     * Sets how many events may wait for a handler thread before requests are answered 503 (in the synchronous
     * mode an event still waiting when the handler budget runs out is answered 503 too);
     * default {@value WebhookPipeline#DEFAULT_QUEUE_CAPACITY}.
     *
     * @param capacity positive
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder queueCapacity(int capacity) {
      if (capacity <= 0) throw new IllegalArgumentException("queueCapacity must be positive: " + capacity);
      this.queueCapacity = capacity;
      return this;
    }

    /**
     * Sets how long a claim holds before another delivery may take it over (the node is presumed
     * dead); default {@link WebhookPipeline#DEFAULT_LEASE}. Make it longer than your slowest handler.
     *
     * @param lease positive
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder lease(Duration lease) {
      this.lease = positive(lease, "lease");
      return this;
    }

    /**
     * Sets how long a processed event is remembered; default {@link IdempotencyStore#DEFAULT_RETENTION}.
     *
     * @param retention positive; at least the provider's redelivery window
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder retention(Duration retention) {
      this.retention = positive(retention, "retention");
      return this;
    }

    /**
     * Sets the largest body accepted; default {@link WebhookVerifier#DEFAULT_MAX_BODY_BYTES}.
     *
     * @param maxBodyBytes positive
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes <= 0) throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * Sets the clock for received-at times and timestamp checks; default the system UTC clock.
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets how far a signed timestamp may be from now, each way; default {@link TimestampTolerance#DEFAULT}.
     *
     * @param tolerance positive
     * @return this
     * @throws IllegalArgumentException if not positive (use {@link #disableTimestampCheck()})
     */
    public Builder timestampTolerance(Duration tolerance) {
      this.tolerance = positive(tolerance, "tolerance");
      return this;
    }

    /**
     * Turns the signed-timestamp check off; replays are then stopped only by de-duplication.
     *
     * @return this
     */
    public Builder disableTimestampCheck() {
      this.timestampCheck = false;
      return this;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isZero() || d.isNegative()) throw new IllegalArgumentException(name + " must be positive: " + d);
      return d;
    }

    /**
     * @return the pipeline; close it to stop its own executor
     * @throws IllegalStateException if neither an idempotency store nor an inbox is set, an inbox is combined with
     *     what it replaces (store, handler, confirmer, executor, acknowledge-first) or has no handler for this
     *     provider, or the provider signs nothing and no callback tokens are set
     * @throws WebhookVerificationException with reason INVALID_SECRET if the provider signs and no valid secret is set
     */
    public WebhookPipeline build() {
      return new WebhookPipeline(this);
    }
  }
}
