package dev.videojob.core;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where an error came from: the provider, the HTTP status, the provider's request id, and the
 * provider's own error code, message and hint. Every {@link VideoJobException} carries one.
 *
 * @param provider the provider id, or null when no provider was involved
 * @param httpStatus the HTTP status, or 0 when there was no HTTP answer
 * @param requestId the provider's request id (from a response header), or null
 * @param providerCode the provider's error code ({@code insufficient_credits}), or null
 * @param providerMessage the provider's error message, or null
 * @param hint the provider's hint on how to fix the request (VidBuilder), or null
 */
public record ErrorContext(String provider, int httpStatus, String requestId, String providerCode,
    String providerMessage, String hint) {

  private static final ErrorContext NONE = new ErrorContext(null, 0, null, null, null, null);

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

  /** @param status the HTTP status @return a copy with it */
  public ErrorContext withHttpStatus(int status) {
    return new ErrorContext(provider, status, requestId, providerCode, providerMessage, hint);
  }

  /** @param id the provider's request id @return a copy with it */
  public ErrorContext withRequestId(String id) {
    return new ErrorContext(provider, httpStatus, id, providerCode, providerMessage, hint);
  }

  /**
   * @param code the provider's error code
   * @param message the provider's message
   * @param hint the provider's hint
   * @return a copy with them
   */
  public ErrorContext withProviderError(String code, String message, String hint) {
    return new ErrorContext(provider, httpStatus, requestId, code, message, hint);
  }

  /** @return the HTTP status, if there was an HTTP answer */
  public OptionalInt status() {
    return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** @return the provider's request id, if known */
  public Optional<String> requestIdValue() {
    return Optional.ofNullable(requestId);
  }
}
