package dev.videojob.core;

import dev.videojob.core.internal.Futures;
import dev.videojob.core.internal.JobWaiter;
import dev.videojob.core.internal.Listeners;
import dev.videojob.core.internal.RequestValidator;
import dev.videojob.core.internal.http.CallerWaits;
import dev.videojob.core.spi.CallContext;
import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.spi.VideoProviderFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: submit video jobs to one or several providers, check and cancel them, and
 * wait for them to finish, synchronously or with {@link CompletableFuture}s.
 *
 * <pre>{@code
 * try (VideoClient client = VideoClient.fromEnv()) {          // or VideoClient.builder().provider(...).build()
 *   VideoJob job = client.submit(VideoRequest.builder()
 *       .prompt("30s promo, upbeat, vertical").aspectRatio(AspectRatio.PORTRAIT_9_16).build());
 *   VideoJob done = client.await(job.ref(), Duration.ofMinutes(15));
 *   done.outputs().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Requests are checked against the chosen provider before any network call. Submissions carry
 * an idempotency key (the request's, or one made per {@code submit} call) on every attempt. With
 * several providers, a submission refused before any job exists (429, 503, capacity) moves to the
 * next one in the {@link RoutingPolicy}'s order, and the job says {@link VideoJob#failoverUsed()}.
 * Waiting polls on one shared scheduler with backoff; {@link #acceptSnapshot(VideoJob)} lets a
 * verified webhook finish a pending wait at once.
 *
 * <p>Every call, synchronous or not, fails only with a {@link VideoJobException} (or a
 * {@link CancellationException} once canceled), whatever the adapter does: an
 * answer the adapter cannot read (an untyped exception from it, thrown or in its future) is a
 * {@link ProviderResponseException}, and for a submission an {@link OutcomeUnknownException}
 * carrying the idempotency key, since the job may exist.
 *
 * <p>Thread-safe. Closing the client closes its providers and the scheduler it created.
 */
public final class VideoClient implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(VideoClient.class);

  /** Every call goes through the guard, so whatever an adapter does, callers see only typed errors. */
  private final Map<String, GuardedProvider> providers;
  private final List<String> providerOrder;
  private final RoutingPolicy routing;
  private final Listeners listeners;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ScheduledExecutorService ownedScheduler;
  private final RetrySettings retry;
  private final JobWaiter waiter;

  private VideoClient(Builder b) {
    if (b.providers.isEmpty()) {
      throw new IllegalStateException("a VideoClient needs at least one provider: call provider(...) on the builder");
    }
    Map<String, GuardedProvider> guarded = new LinkedHashMap<>();
    b.providers.forEach((id, p) -> guarded.put(id, new GuardedProvider(p)));
    this.providers = Map.copyOf(guarded);
    this.routing = b.routing;
    this.listeners = new Listeners(b.listeners);
    this.clock = b.clock;
    this.retry = b.retry;
    if (b.sleeper != null) {
      this.sleeper = b.sleeper;
      this.ownedScheduler = null;
    } else if (b.scheduler != null) {
      this.sleeper = Sleeper.scheduled(b.scheduler);
      this.ownedScheduler = null;
    } else {
      ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "videojob-scheduler");
        t.setDaemon(true);
        return t;
      });
      s.setRemoveOnCancelPolicy(true);
      this.ownedScheduler = s;
      this.sleeper = Sleeper.scheduled(s);
    }
    this.providerOrder = List.copyOf(b.providers.keySet());
    this.waiter = new JobWaiter(clock, sleeper, b.wait, b.jitter, listeners,
        (provider, deadline) -> {
          Instant callDeadline = clock.instant().plus(retry.totalTimeout());
          return context(provider, "status", RequestOptions.defaults(), null)
              .deadline(callDeadline.isBefore(deadline) ? callDeadline : deadline).build();
        });
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client with every provider whose credentials are in the environment ({@code CREATIVEAI_API_KEY},
   * {@code SSEMBLE_API_KEY} ...), found through {@link VideoProviderFactory} on the class path, in the
   * order the factories are found.
   *
   * @return the client
   * @throws VideoJobException if no provider's credentials are set, naming the variables it looked for
   */
  public static VideoClient fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Same as {@link #fromEnv()} over the given variables (for tests and for configuration read elsewhere).
   *
   * @param env the variables
   * @return the client
   * @throws VideoJobException if no provider's credentials are set
   */
  public static VideoClient fromEnv(Map<String, String> env) {
    Builder b = builder();
    List<String> lookedFor = new ArrayList<>();
    for (VideoProviderFactory f : ServiceLoader.load(VideoProviderFactory.class, VideoClient.class.getClassLoader())) {
      lookedFor.add(f.environmentVariables().isEmpty() ? f.id() : f.environmentVariables().get(0));
      f.fromEnv(env).ifPresent(b::provider);
    }
    if (b.providers.isEmpty()) {
      throw new VideoJobException(lookedFor.isEmpty()
          ? "no provider adapters on the class path: add the dev.videojob:videojob-providers dependency"
          : "no provider credentials in the environment: set one of " + String.join(", ", lookedFor));
    }
    return b.build();
  }

  /** @return the configured provider ids, in registration order */
  public List<String> providerIds() {
    return providerOrder;
  }

  /**
   * @param id a provider id
   * @return the provider
   * @throws InvalidRequestException if no such provider is configured
   */
  public VideoProvider provider(String id) {
    return guarded(id).delegate();
  }

  private GuardedProvider guarded(String id) {
    GuardedProvider p = providers.get(id);
    if (p == null) {
      throw new InvalidRequestException("no provider '" + id + "' is configured on this client; configured: "
          + providerOrder, ErrorContext.none(), "provider");
    }
    return p;
  }

  /**
   * Submits a job and returns its first snapshot (the provider's 202 answer).
   *
   * @param request what to generate
   * @return the job
   * @throws InvalidRequestException if no provider can honour the request (before any network call) or the provider rejects it
   * @throws OutcomeUnknownException if the answer was lost or unreadable and resending could create a second paid job
   * @throws VideoJobException for every other failure, after retries and failover; whatever its type, it carries
   *     the submission's {@linkplain VideoJobException#idempotencyKey() idempotency key} and says whether a job
   *     may exist ({@link VideoJobException#nothingCreated()})
   */
  public VideoJob submit(VideoRequest request) {
    return submit(request, RequestOptions.defaults());
  }

  /**
   * Submits a job with per-call options.
   *
   * @param request what to generate
   * @param options per-call overrides
   * @return the job
   * @throws VideoJobException as {@link #submit(VideoRequest)}
   */
  public VideoJob submit(VideoRequest request, RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    String key = keyOf(request);
    try {
      return CallerWaits.join(() -> submitAsync(request, options, key));
    } catch (VideoJobException e) {
      e.forSubmission(key, false); // an interrupt: the failure made here has no key yet
      throw e;
    }
  }

  /**
   * As {@link #submit(VideoRequest)}, without blocking.
   *
   * @param request what to generate
   * @return a future of the job; failures as {@link #submit(VideoRequest)}; cancelling it cancels the call
   */
  public CompletableFuture<VideoJob> submitAsync(VideoRequest request) {
    return submitAsync(request, RequestOptions.defaults());
  }

  /**
   * As {@link #submit(VideoRequest, RequestOptions)}, without blocking. Cancelling the future cancels the call, but a
   * create already sent may still make the job: give the request your own idempotency key to look it up.
   *
   * @param request what to generate
   * @param options per-call overrides
   * @return a future of the job; failures as {@link #submit(VideoRequest)}
   */
  public CompletableFuture<VideoJob> submitAsync(VideoRequest request, RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return submitAsync(request, options, keyOf(request));
  }

  private static String keyOf(VideoRequest request) {
    return request.idempotencyKey().orElseGet(() -> UUID.randomUUID().toString());
  }

  private CompletableFuture<VideoJob> submitAsync(VideoRequest request, RequestOptions options, String key) {
    Objects.requireNonNull(options, "options == null");
    List<VideoProvider> candidates;
    try {
      candidates = candidates(request);
    } catch (VideoJobException e) {
      e.forSubmission(key, false);
      listeners.fire(l -> l.submitFailed(request, e));
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<VideoJob> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<VideoJob>> inFlight = new AtomicReference<>();
    result.whenComplete((j, e) -> {
      CompletableFuture<VideoJob> f = inFlight.get();
      if (result.isCancelled() && f != null) f.cancel(true);
    });
    submitTo(candidates, 0, request, options, key, result, inFlight);
    return result;
  }

  private void submitTo(List<VideoProvider> candidates, int index, VideoRequest request, RequestOptions options,
      String key, CompletableFuture<VideoJob> result, AtomicReference<CompletableFuture<VideoJob>> inFlight) {
    VideoProvider p = candidates.get(index);
    CallContext ctx = context(p, "submit", options, key).build();
    CompletableFuture<VideoJob> call = ctx.link(p.submit(request, ctx));
    inFlight.set(call);
    if (result.isCancelled()) call.cancel(true);
    call.whenComplete((job, err) -> {
      if (err == null) {
        VideoJob out = job.toBuilder().idempotencyKey(key).failoverUsed(job.failoverUsed() || index > 0).build();
        log.debug("submitted {} with idempotency key {}", out, key);
        // The job exists whatever happens to the caller's future, so listeners always hear of it, first.
        listeners.fire(l -> l.submitted(out));
        result.complete(out);
        return;
      }
      Throwable t = Futures.unwrap(err);
      if (t instanceof CancellationException) {
        result.cancel(false);
        return;
      }
      VideoJobException v = (VideoJobException) t; // the guard settled it: typed, with the key
      if (index + 1 < candidates.size() && refusedBeforeCreating(v) && !result.isDone()) {
        VideoProvider next = candidates.get(index + 1);
        log.info("{} refused the submission before creating a job ({}); failing over to {}", p.id(), v.getMessage(),
            next.id());
        listeners.fire(l -> l.failover(p.id(), next.id(), v));
        submitTo(candidates, index + 1, request, options, key, result, inFlight);
        return;
      }
      if (!result.isDone()) {
        listeners.fire(l -> l.submitFailed(request, v));
        result.completeExceptionally(v);
      }
    });
  }

  private static boolean refusedBeforeCreating(VideoJobException e) {
    return (e instanceof RateLimitedException || e instanceof ProviderUnavailableException) && e.nothingCreated();
  }

  private List<VideoProvider> candidates(VideoRequest request) {
    List<String> ids;
    if (request.provider().isPresent()) {
      ids = List.of(guarded(request.provider().get()).id());
    } else {
      ids = routing.order(request, providerOrder).stream().filter(providers::containsKey).distinct()
          .collect(Collectors.toList());
      if (ids.isEmpty()) ids = providerOrder;
    }
    List<VideoProvider> ok = new ArrayList<>();
    InvalidRequestException first = null;
    for (String id : ids) {
      VideoProvider p = providers.get(id);
      try {
        RequestValidator.validate(request, p);
        ok.add(p);
      } catch (InvalidRequestException e) {
        if (first == null) first = e;
        log.debug("{} cannot take the request: {}", id, e.getMessage());
      }
    }
    if (ok.isEmpty()) throw first;
    return ok;
  }

  /**
   * Fetches a job's current status.
   *
   * @param ref the job
   * @return the snapshot
   * @throws JobNotFoundException if the provider does not know the job
   * @throws ProviderResponseException if the provider's answer could not be read
   * @throws VideoJobException for every other failure, after retries
   */
  public VideoJob status(JobRef ref) {
    return Futures.join(statusAsync(ref));
  }

  /**
   * As {@link #status(JobRef)}, without blocking.
   *
   * @param ref the job
   * @return a future of the snapshot; failures as {@link #status(JobRef)}
   */
  public CompletableFuture<VideoJob> statusAsync(JobRef ref) {
    return call(ref, "status", (p, ctx) -> p.status(ref.jobId(), ctx));
  }

  /**
   * Fetches a job's full result (every output with its details).
   *
   * @param ref the job
   * @return the snapshot
   * @throws VideoJobException as {@link #status(JobRef)}
   */
  public VideoJob result(JobRef ref) {
    return Futures.join(resultAsync(ref));
  }

  /**
   * As {@link #result(JobRef)}, without blocking.
   *
   * @param ref the job
   * @return a future of the snapshot; failures as {@link #status(JobRef)}
   */
  public CompletableFuture<VideoJob> resultAsync(JobRef ref) {
    return call(ref, "result", (p, ctx) -> p.result(ref.jobId(), ctx));
  }

  /**
   * Cancels a job.
   *
   * @param ref the job
   * @return the snapshot after canceling
   * @throws CapabilityNotSupportedException if the provider cannot cancel (no network call is made)
   * @throws VideoJobException for every other failure
   */
  public VideoJob cancel(JobRef ref) {
    return Futures.join(cancelAsync(ref));
  }

  /**
   * As {@link #cancel(JobRef)}, without blocking.
   *
   * @param ref the job
   * @return a future of the snapshot; failures as {@link #cancel(JobRef)}
   */
  public CompletableFuture<VideoJob> cancelAsync(JobRef ref) {
    return call(ref, "cancel", (p, ctx) -> {
      if (!p.capabilities().cancel()) {
        return CompletableFuture.failedFuture(new CapabilityNotSupportedException(p.id(), "cancel",
            p.id() + " has no cancel operation; let the job finish, or ignore its result"));
      }
      return p.cancel(ref.jobId(), ctx);
    });
  }

  private CompletableFuture<VideoJob> call(JobRef ref, String operation,
      BiFunction<VideoProvider, CallContext, CompletableFuture<VideoJob>> fn) {
    Objects.requireNonNull(ref, "ref == null");
    try {
      VideoProvider p = guarded(ref.provider());
      CallContext ctx = context(p, operation, RequestOptions.defaults(), null).build();
      return ctx.link(fn.apply(p, ctx));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Waits until the job finishes, polling with backoff and taking webhook snapshots offered through
   * {@link #acceptSnapshot(VideoJob)}. A status this SDK does not recognise keeps the wait going.
   *
   * @param ref the job
   * @param timeout the longest to wait; required and positive
   * @return the final snapshot of the SUCCEEDED job, with its outputs
   * @throws JobFailedException if the job ended FAILED, CANCELED or EXPIRED; {@code job()} has the provider's error
   * @throws JobTimeoutException if the timeout passed first; {@code lastSnapshot()} has what was last seen
   * @throws IllegalArgumentException if the timeout is not positive
   * @throws ProviderResponseException if a poll's answer could not be read
   * @throws VideoJobException if a poll failed in a way that polling again cannot fix (authentication, not found)
   */
  public VideoJob await(JobRef ref, Duration timeout) {
    return Futures.join(awaitAsync(ref, timeout));
  }

  /**
   * As {@link #await(JobRef, Duration)}, without blocking; cancelling the future cancels the poll in flight and the next.
   *
   * @param ref the job
   * @param timeout the longest to wait; required and positive
   * @return a future of the final snapshot; failures as {@link #await(JobRef, Duration)}
   * @throws IllegalArgumentException if the timeout is not positive
   */
  public CompletableFuture<VideoJob> awaitAsync(JobRef ref, Duration timeout) {
    Objects.requireNonNull(ref, "ref == null");
    VideoProvider p;
    try {
      p = guarded(ref.provider());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return waiter.await(p, ref, timeout);
  }

  /**
   * Takes a snapshot that arrived outside polling, normally from a verified webhook: a pending
   * {@code await} of the same job finishes at once when the snapshot is terminal, and listeners see
   * the status change. Only pass snapshots whose authenticity was verified.
   *
   * @param snapshot the verified snapshot
   * @return whether a wait for the job was pending
   */
  public boolean acceptSnapshot(VideoJob snapshot) {
    Objects.requireNonNull(snapshot, "snapshot == null");
    return waiter.offer(snapshot);
  }

  private CallContext.Builder context(VideoProvider p, String operation, RequestOptions options, String key) {
    return CallContext.builder(p.id(), operation).options(options).retry(retry).clock(clock).sleeper(sleeper)
        .idempotencyKey(key).retryListener(e -> listeners.fire(l -> l.retryScheduled(e)));
  }

  /** Closes every provider and the scheduler the client created; pending waits fail with a cancellation. */
  @Override
  public void close() {
    for (VideoProvider p : providers.values()) {
      try {
        p.close();
      } catch (Exception e) {
        log.warn("closing provider {} failed", p.id(), e);
      }
    }
    if (ownedScheduler != null) ownedScheduler.shutdownNow();
  }

  @Override
  public String toString() {
    return "VideoClient{providers=" + providerOrder + "}";
  }

  /** Builds a {@link VideoClient}; not thread-safe. */
  public static final class Builder {
    private final Map<String, VideoProvider> providers = new LinkedHashMap<>();
    private RoutingPolicy routing = RoutingPolicy.inOrder();
    private final List<JobListener> listeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper;
    private ScheduledExecutorService scheduler;
    private RetrySettings retry = RetrySettings.defaults();
    private WaitSettings wait = WaitSettings.defaults();
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * Adds a provider. The first added is the primary; the others are fallbacks in the default routing.
     *
     * @param provider the adapter
     * @return this
     * @throws IllegalArgumentException if a provider with the same id was added
     */
    public Builder provider(VideoProvider provider) {
      Objects.requireNonNull(provider, "provider == null");
      if (providers.putIfAbsent(provider.id(), provider) != null) {
        throw new IllegalArgumentException("a provider with id '" + provider.id() + "' was already added");
      }
      return this;
    }

    /**
     * @param routing the order providers are tried in; default {@link RoutingPolicy#inOrder()}
     * @return this
     */
    public Builder routing(RoutingPolicy routing) {
      this.routing = Objects.requireNonNull(routing, "routing == null");
      return this;
    }

    /**
     * @param listener a listener to add; see {@link JobListener} for threading
     * @return this
     */
    public Builder listener(JobListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * @param clock the clock deadlines are measured with; default the system UTC clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * @param sleeper every retry and polling wait goes through it (for tests); default one on the scheduler
     * @return this
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * @param scheduler an application scheduler for waits, not shut down by the client; default a
     *     single daemon thread owned by the client
     * @return this
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /**
     * @param retry how calls are retried; default {@link RetrySettings#defaults()}
     * @return this
     */
    public Builder retry(RetrySettings retry) {
      this.retry = Objects.requireNonNull(retry, "retry == null");
      return this;
    }

    /**
     * @param wait how waits poll; default {@link WaitSettings#defaults()}
     * @return this
     */
    public Builder waitSettings(WaitSettings wait) {
      this.wait = Objects.requireNonNull(wait, "wait == null");
      return this;
    }

    /**
     * @param jitter the source of polling jitter, values in [0, 1] (for tests); 1.0 gives the schedule without
     *     jitter (the first poll at once, then whole intervals); default random
     * @return this
     */
    public Builder pollJitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter == null");
      return this;
    }

    /**
     * @return the client
     * @throws IllegalStateException if no provider was added
     */
    public VideoClient build() {
      return new VideoClient(this);
    }
  }
}
