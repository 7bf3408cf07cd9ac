package dev.videojob.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The root of every exception this SDK throws; unchecked.
 *
 * <p>Catch a child for a case you can act on ({@link RateLimitedException},
 * {@link InvalidRequestException} ...), or this type for all of them. Each carries an
 * {@link ErrorContext}: the provider, the HTTP status, the provider's request id, and the
 * provider's own code, message and details. Messages never contain a credential or a signature.
 *
 * <p>A failed submission says what it may have left behind, whatever its type: {@link #idempotencyKey()}
 * is the key it was sent with (the caller's, or the one the SDK made) and {@link #nothingCreated()} says
 * whether it is certain that no job exists because of it. When it is not, look the job up (by the key,
 * the metadata or the callback) before submitting again, or resubmit with the same key to a provider
 * that honours keys.
 */
public class VideoJobException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_DETAILS = 300;

  /** The message without the context appended to it. */
  private final String summary;
  /** Whether the failure itself rules out a created job (the context may still say one may exist). */
  private final boolean certainNothingCreated;
  private transient volatile ErrorContext context;

  /**
   * Creates an exception that does not rule out that something was created ({@link #nothingCreated()} is false).
   *
   * @param message what happened and what to do, for a person
   * @param context where it came from; {@link ErrorContext#none()} when unknown
   * @param cause the underlying failure, or null
   */
  public VideoJobException(String message, ErrorContext context, Throwable cause) {
    this(message, context, cause, false);
  }

  /**
   * Creates an exception, saying whether it is certain that the failed call created nothing.
   *
   * @param message what happened and what to do, for a person
   * @param context where it came from; {@link ErrorContext#none()} when unknown
   * @param cause the underlying failure, or null
   * @param nothingCreated whether it is certain that the call created nothing at the provider; even when true,
   *     a context saying {@link ErrorContext#jobMayExist()} makes {@link #nothingCreated()} false
   */
  protected VideoJobException(String message, ErrorContext context, Throwable cause, boolean nothingCreated) {
    super(message, cause);
    this.summary = message;
    this.context = Objects.requireNonNull(context, "context == null");
    this.certainNothingCreated = nothingCreated;
  }

  /**
   * Creates an exception with no provider context.
   *
   * @param message what happened and what to do
   */
  public VideoJobException(String message) {
    this(message, ErrorContext.none(), null);
  }

  /** @return what happened and what to do, with the provider's words, the HTTP status, request id and idempotency key */
  @Override
  public String getMessage() {
    return describe(summary, context);
  }

  private static String describe(String message, ErrorContext c) {
    if (c == null) return message;
    StringBuilder b = new StringBuilder();
    if (c.provider() != null) b.append(c.provider()).append(": ");
    b.append(message);
    if (c.httpStatus() != 0) b.append(" (HTTP ").append(c.httpStatus());
    if (c.providerCode() != null) b.append(c.httpStatus() != 0 ? ", " : " (").append("code ").append(c.providerCode());
    if (c.httpStatus() != 0 || c.providerCode() != null) b.append(')');
    if (c.providerMessage() != null && (message == null || !message.contains(c.providerMessage()))) {
      b.append(": ").append(c.providerMessage());
    }
    if (c.details() != null) {
      String d = c.details().length() > MAX_DETAILS ? c.details().substring(0, MAX_DETAILS) + "..." : c.details();
      b.append(" (details: ").append(d).append(')');
    }
    if (c.hint() != null) b.append(". Hint: ").append(c.hint());
    if (c.requestId() != null) b.append(" [request id ").append(c.requestId()).append(']');
    if (c.idempotencyKey() != null && (message == null || !message.contains(c.idempotencyKey()))) {
      b.append(" [idempotency key ").append(c.idempotencyKey()).append(']');
    }
    return b.toString();
  }

  /** @return where the error came from */
  public ErrorContext context() {
    return context;
  }

  /** @return the provider id, if a provider was involved */
  public Optional<String> provider() {
    return Optional.ofNullable(context.provider());
  }

  /** @return the HTTP status, if there was an HTTP answer */
  public OptionalInt httpStatus() {
    return context.status();
  }

  /** @return the provider's request id, if known */
  public Optional<String> requestId() {
    return Optional.ofNullable(context.requestId());
  }

  /** @return the provider's own error code, if given */
  public Optional<String> providerCode() {
    return Optional.ofNullable(context.providerCode());
  }

  /** @return the provider's own error message, if given */
  public Optional<String> providerMessage() {
    return Optional.ofNullable(context.providerMessage());
  }

  /**
   * The provider's error details as it sent them: ssemble's {@code error.details} (such as
   * {@code {"required":1,"available":0}} or {@code [{"field":"end"}]}) as JSON text, or a text value.
   *
   * @return the details, if the provider gave any
   */
  public Optional<String> providerDetails() {
    return Optional.ofNullable(context.details());
  }

  /**
   * The idempotency key of the submission that failed: the request's own, or the one the SDK made for
   * the {@code submit} call. Every exception out of {@code VideoClient.submit} and {@code submitAsync}
   * carries it, so a job that may exist can be looked up, or the submission repeated with the same key.
   *
   * @return the key, or empty when the failed call was not a submission
   */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(context.idempotencyKey());
  }

  /**
   * Whether it is certain that no job, nor part of one, exists because of the failed call. True for a
   * refusal that rules a job out (a request checked offline, 400/422, 401/403, 402, 404, 408, 429, 503,
   * the client-side limits, a connection never made), false whenever a job may exist: a create call was
   * answered 2xx (its answer unreadable, or a later step of a multi-step submission failed), or was sent and
   * its answer was lost or was a 5xx other than 503, a 409 or a 303; false also for failures that are not
   * about creating anything. For a submission through {@code VideoClient}, it speaks for every attempt and
   * every step. Only a failure with this true may be submitted again freely, or to another provider.
   *
   * @return whether it is certain that nothing was created
   */
  public boolean nothingCreated() {
    return certainNothingCreated && !context.jobMayExist();
  }

  /**
   * This failure re-described as the failure of one step of a larger operation, for adapters that make several
   * calls for one submission (VideoPilot's draft, scenes and render): the same class, so catch clauses still
   * match, with the same context, cause chain, idempotency key and {@link #nothingCreated()}; its message is
   * {@code what + ": " + } this failure's message, and this exception is its cause.
   *
   * @param what what was being done, naming what already exists (such as a draft's id)
   * @return the re-described failure; this exception itself for a subclass defined outside this package
   */
  public VideoJobException inStep(String what) {
    Objects.requireNonNull(what, "what == null");
    VideoJobException copy = reword(what + ": " + summary);
    if (copy != this) copy.context = context;
    return copy;
  }

  /**
   * The same failure with another message; each exception class of this package makes its own kind.
   *
   * @param message the message
   * @return the copy, or this exception when the class cannot copy itself
   */
  VideoJobException reword(String message) {
    return getClass() == VideoJobException.class
        ? new VideoJobException(message, context, this, certainNothingCreated) : this;
  }

  /**
   * Ties this failure to a submission: adds its idempotency key when none is set, and marks that a job
   * may exist. Called by the client before the failure reaches the caller or any listener.
   *
   * @param key the submission's idempotency key
   * @param jobMayExist whether a call of the submission may have created something
   */
  void forSubmission(String key, boolean jobMayExist) {
    ErrorContext c = context;
    if (c.idempotencyKey() == null && key != null) c = c.withIdempotencyKey(key);
    if (jobMayExist && !c.jobMayExist()) c = c.withJobMayExist(true);
    context = c;
  }
}
