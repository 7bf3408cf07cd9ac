package dev.videojob.core;

import java.util.Optional;

/**
 * The request cannot be honoured as written: a field the provider does not support, a value
 * out of range, or the provider's 400/409/422 answer, or a redirect the SDK does not follow (fix the base
 * URL). Fix the request; retrying it as is will not help. Nothing was created ({@link #nothingCreated()}),
 * except after a 409 to a create call (a job with the same idempotency key may exist) or a failure in a later
 * step of a multi-step submission.
 */
public class InvalidRequestException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /** The request field at fault, or null when the provider named none. */
  private final String field;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and what to do
   * @param context where it came from
   * @param field the request field at fault (such as {@code "aspectRatio"}), or null
   */
  public InvalidRequestException(String message, ErrorContext context, String field) {
    this(message, context, field, null);
  }

  private InvalidRequestException(String message, ErrorContext context, String field, Throwable cause) {
    super(message, context, cause, true);
    this.field = field;
  }

  /**
   * A request field that a provider cannot honour, found before any network call.
   *
   * @param provider the provider id
   * @param field the field name as on {@code VideoRequest.Builder}
   * @param message why, and what to do instead
   * @return the exception
   */
  public static InvalidRequestException forField(String provider, String field, String message) {
    return new InvalidRequestException(message, ErrorContext.of(provider), field);
  }

  /** @return the request field at fault, if known */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  @Override
  VideoJobException reword(String message) {
    return getClass() == InvalidRequestException.class ? new InvalidRequestException(message, context(), field, this) : this;
  }
}
