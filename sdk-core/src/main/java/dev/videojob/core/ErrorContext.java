package dev.videojob.core;

import java.util.OptionalInt;

/**
 * Where an error came from: the provider, the HTTP status, the provider's request id, the
 * provider's own error code, message, hint and details, and, for a submission, its idempotency key
 * and whether a job may exist because of it. Every {@link VideoJobException} carries one.
 *
 * @param provider the provider id, or null when no provider was involved
 * @param httpStatus the HTTP status, or 0 when there was no HTTP answer
 * @param requestId the provider's request id (from a response header), or null
 * @param providerCode the provider's error code ({@code insufficient_credits}), or null
 * @param providerMessage the provider's error message, or null
 * @param hint the provider's hint on how to fix the request (VidBuilder), or null
 * @param details the provider's error details as it sent them (ssemble's {@code error.details}: JSON text
 *     for an object or a list, the text for a string), or null
 * @param idempotencyKey the idempotency key of the submission the error belongs to (the caller's or the
 *     one the SDK made), or null when the call was not a submission
 * @param jobMayExist whether a job, or part of one, may exist because of the submission: a create call
 *     was answered 2xx, or was sent and its answer lost or not a refusal that rules a job out; false
 *     only says nothing of the kind was seen (see {@link VideoJobException#nothingCreated()})
 */
public record ErrorContext(String provider, int httpStatus, String requestId, String providerCode,
    String providerMessage, String hint, String details, String idempotencyKey, boolean jobMayExist) {

  private static final ErrorContext NONE = new ErrorContext(null, 0, null, null, null, null);

  /**
   * A context without details and outside a submission.
   *
   * @param provider the provider id, or null
   * @param httpStatus the HTTP status, or 0
   * @param requestId the provider's request id, or null
   * @param providerCode the provider's error code, or null
   * @param providerMessage the provider's error message, or null
   * @param hint the provider's hint, or null
   */
  public ErrorContext(String provider, int httpStatus, String requestId, String providerCode, String providerMessage,
      String hint) {
    this(provider, httpStatus, requestId, providerCode, providerMessage, hint, null, null, false);
  }

  /** @return a context with nothing known */
  public static ErrorContext none() {
    return NONE;
  }

  /**
   * A context naming only the provider.
   *
   * @param provider the provider id
   * @return the context
   */
  public static ErrorContext of(String provider) {
    return new ErrorContext(provider, 0, null, null, null, null);
  }

  /**
   * @param status the HTTP status
   * @return a copy with it
   */
  public ErrorContext withHttpStatus(int status) {
    return new ErrorContext(provider, status, requestId, providerCode, providerMessage, hint, details, idempotencyKey,
        jobMayExist);
  }

  /**
   * @param id the provider's request id
   * @return a copy with it
   */
  public ErrorContext withRequestId(String id) {
    return new ErrorContext(provider, httpStatus, id, providerCode, providerMessage, hint, details, idempotencyKey,
        jobMayExist);
  }

  /**
   * @param code the provider's error code
   * @param message the provider's message
   * @param hint the provider's hint
   * @return a copy with them (the details are kept)
   */
  public ErrorContext withProviderError(String code, String message, String hint) {
    return new ErrorContext(provider, httpStatus, requestId, code, message, hint, details, idempotencyKey, jobMayExist);
  }

  /**
   * @param details the provider's error details as text, or null
   * @return a copy with them
   */
  public ErrorContext withDetails(String details) {
    return new ErrorContext(provider, httpStatus, requestId, providerCode, providerMessage, hint, details,
        idempotencyKey, jobMayExist);
  }

  /**
   * @param key the idempotency key of the submission, or null
   * @return a copy with it
   */
  public ErrorContext withIdempotencyKey(String key) {
    return new ErrorContext(provider, httpStatus, requestId, providerCode, providerMessage, hint, details, key,
        jobMayExist);
  }

  /**
   * @param mayExist whether a job may exist because of the submission
   * @return a copy with it
   */
  public ErrorContext withJobMayExist(boolean mayExist) {
    return new ErrorContext(provider, httpStatus, requestId, providerCode, providerMessage, hint, details,
        idempotencyKey, mayExist);
  }

  /** @return the HTTP status, if there was an HTTP answer */
  public OptionalInt status() {
    return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }
}
