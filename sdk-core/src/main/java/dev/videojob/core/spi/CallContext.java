package dev.videojob.core.spi;

import dev.videojob.core.RequestOptions;
import dev.videojob.core.RetryEvent;
import dev.videojob.core.RetrySettings;
import dev.videojob.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Everything one logical call needs besides its arguments: the client's clock and sleeper, the
 * retry settings merged with the per-call options, the deadline, the idempotency key of a
 * submission, and where to report retries. Created by the client for each call; an adapter that
 * makes several HTTP calls for one operation (VideoPilot's draft, scenes, render) passes the same
 * context to each, so they share one deadline and one key.
 *
 * <p>Immutable, except for what its calls leave behind, shared with the contexts derived from it: whether
 * it was cancelled, and whether a call that creates a job was answered or may have created one (which the
 * client reads to tell a failed submission's caller whether a job may exist).
 */
public final class CallContext {
  private final String provider;
  private final String operation;
  private final RequestOptions options;
  private final RetrySettings retry;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Instant deadline;
  private final String idempotencyKey;
  private final Consumer<RetryEvent> retryListener;
  private final CompletableFuture<Void> cancellation;
  private final Creates creates;

  private CallContext(Builder b) {
    this.provider = Objects.requireNonNull(b.provider, "provider == null");
    this.operation = Objects.requireNonNull(b.operation, "operation == null");
    this.options = b.options;
    this.retry = b.options.maxRetries().isPresent()
        ? b.retry.toBuilder().maxRetries(b.options.maxRetries().getAsInt()).build() : b.retry;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    Duration budget = b.options.timeout().orElse(retry.totalTimeout());
    this.deadline = b.deadline != null ? b.deadline : clock.instant().plus(budget);
    this.idempotencyKey = b.idempotencyKey;
    this.retryListener = b.retryListener;
    this.cancellation = b.cancellation != null ? b.cancellation : new CompletableFuture<>();
    this.creates = b.creates != null ? b.creates : new Creates();
  }

  /**
   * Starts a context; the client does this for every call, tests and tools may too.
   *
   * @param provider the provider id
   * @param operation the operation name ({@code submit}, {@code status} ...)
   * @return a builder with default options, retry settings, the system clock and a sleeper that must be set
   */
  public static Builder builder(String provider, String operation) {
    return new Builder(provider, operation);
  }

  /** @return the provider id */
  public String provider() {
    return provider;
  }

  /** @return the operation name, for logs and retry events */
  public String operation() {
    return operation;
  }

  /** @return the per-call options */
  public RequestOptions options() {
    return options;
  }

  /** @return the retry settings in force (client defaults with the per-call overrides) */
  public RetrySettings retry() {
    return retry;
  }

  /** @return the clock */
  public Clock clock() {
    return clock;
  }

  /** @return the sleeper every wait goes through */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** @return when the call's time budget runs out */
  public Instant deadline() {
    return deadline;
  }

  /** @return the time left before the deadline, never negative */
  public Duration remaining() {
    Duration d = Duration.between(clock.instant(), deadline);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** @return the idempotency key of a submission */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /**
   * Reports a scheduled retry to the client's listeners.
   *
   * @param event the retry
   */
  public void retryScheduled(RetryEvent event) {
    retryListener.accept(event);
  }

  /**
   * Cancels every HTTP call made under this context (and the contexts derived from it), in flight
   * or waiting for a retry. The client calls this when the caller cancels the future it was given.
   */
  public void cancel() {
    cancellation.complete(null);
  }

  /** @return whether {@link #cancel()} was called */
  public boolean isCancelled() {
    return cancellation.isDone();
  }

  /**
   * Runs an action when the context is canceled, at once if it already is.
   *
   * @param action what to do, such as cancelling a call; must be quick
   */
  public void onCancel(Runnable action) {
    cancellation.thenRun(action);
  }

  /** @return whether a create call under this context (or one derived from it) was answered 2xx, so a job exists */
  public boolean createAnswered() {
    return creates.answered;
  }

  /**
   * Whether a job, or part of one, may exist because of a create call under this context or one derived from it:
   * one was answered 2xx, or sent and its answer lost, or answered with a status that does not rule a job out
   * (5xx other than 503, 409, 303).
   *
   * @return whether a job may exist
   */
  public boolean jobMayExist() {
    return creates.mayExist;
  }

  /** The transport records each attempt of a create call: answered 2xx, and whether it may have created something. */
  void createAttempted(boolean answered, boolean mayExist) {
    if (mayExist || answered) creates.mayExist = true;
    if (answered) creates.answered = true;
  }

  /**
   * Ties a future to this context: cancelling the future cancels the context, and so every call made under it.
   *
   * @param future a future the adapter or client hands out
   * @param <T> the result type
   * @return the same future
   */
  public <T> CompletableFuture<T> link(CompletableFuture<T> future) {
    future.whenComplete((r, e) -> {
      if (future.isCancelled()) cancel();
    });
    return future;
  }

  /**
   * The same context under another operation name (same deadline and key), for an adapter's sub-steps.
   *
   * @param name the step's name, such as {@code render}
   * @return the context
   */
  public CallContext forOperation(String name) {
    Builder b = new Builder(provider, name).options(options).retry(retry).clock(clock).sleeper(sleeper)
        .idempotencyKey(idempotencyKey).retryListener(retryListener);
    b.deadline = deadline;
    b.cancellation = cancellation;
    b.creates = creates;
    return new CallContext(b);
  }

  /** What the create calls under a context and its derived contexts did. */
  private static final class Creates {
    private volatile boolean answered;
    private volatile boolean mayExist;
  }

  /** Builds a {@link CallContext}; not thread-safe. */
  public static final class Builder {
    private final String provider;
    private final String operation;
    private RequestOptions options = RequestOptions.defaults();
    private RetrySettings retry = RetrySettings.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper;
    private Instant deadline;
    private String idempotencyKey;
    private Consumer<RetryEvent> retryListener = e -> { };
    private CompletableFuture<Void> cancellation;
    private Creates creates;

    private Builder(String provider, String operation) {
      this.provider = provider;
      this.operation = operation;
    }

    /**
     * @param options per-call options; default none
     * @return this
     */
    public Builder options(RequestOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * @param retry the client's retry settings; default {@link RetrySettings#defaults()}
     * @return this
     */
    public Builder retry(RetrySettings retry) {
      this.retry = Objects.requireNonNull(retry, "retry == null");
      return this;
    }

    /**
     * @param clock the clock; default the system UTC clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * @param sleeper the sleeper; required
     * @return this
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * @param key the submission's idempotency key; default none
     * @return this
     */
    public Builder idempotencyKey(String key) {
      this.idempotencyKey = key;
      return this;
    }

    /**
     * @param deadline when the call's budget runs out; default now plus the timeout of the options or retry settings
     * @return this
     */
    public Builder deadline(Instant deadline) {
      this.deadline = deadline;
      return this;
    }

    /**
     * @param listener receives retry events; default ignores them
     * @return this
     */
    public Builder retryListener(Consumer<RetryEvent> listener) {
      this.retryListener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * @return the context
     * @throws NullPointerException if no sleeper was set
     */
    public CallContext build() {
      Objects.requireNonNull(sleeper, "sleeper == null");
      return new CallContext(this);
    }
  }
}
