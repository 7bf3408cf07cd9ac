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
 * provider's own code and message. Messages never contain a credential or a signature.
 */
public class VideoJobException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorContext context;

  /**
   * Creates an exception.
   *
   * @param message what happened and what to do, for a person
   * @param context where it came from; {@link ErrorContext#none()} when unknown
   * @param cause the underlying failure, or null
   */
  public VideoJobException(String message, ErrorContext context, Throwable cause) {
    super(describe(message, context), cause);
    this.context = Objects.requireNonNull(context, "context == null");
  }

  /**
   * Creates an exception with no provider context.
   *
   * @param message what happened and what to do
   */
  public VideoJobException(String message) {
    this(message, ErrorContext.none(), null);
  }

  private static String describe(String message, ErrorContext c) {
    if (c == null) return message;
    StringBuilder b = new StringBuilder();
    if (c.provider() != null) b.append(c.provider()).append(": ");
    b.append(message);
    if (c.httpStatus() != 0) b.append(" (HTTP ").append(c.httpStatus());
    if (c.providerCode() != null) b.append(c.httpStatus() != 0 ? ", " : " (").append("code ").append(c.providerCode());
    if (c.httpStatus() != 0 || c.providerCode() != null) b.append(')');
    if (c.providerMessage() != null && !message.contains(c.providerMessage())) {
      b.append(": ").append(c.providerMessage());
    }
    if (c.hint() != null) b.append(". Hint: ").append(c.hint());
    if (c.requestId() != null) b.append(" [request id ").append(c.requestId()).append(']');
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
}
