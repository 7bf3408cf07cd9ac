package dev.videojob.core;

/** The provider refused the credentials (401, or 403 for a key without the permission). Check the API key. */
public class AuthenticationException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param context where it came from
   */
  public AuthenticationException(String message, ErrorContext context) {
    this(message, context, null);
  }

  private AuthenticationException(String message, ErrorContext context, Throwable cause) {
    super(message, context, cause, true);
  }

  @Override
  VideoJobException reword(String message) {
    return getClass() == AuthenticationException.class ? new AuthenticationException(message, context(), this) : this;
  }
}
