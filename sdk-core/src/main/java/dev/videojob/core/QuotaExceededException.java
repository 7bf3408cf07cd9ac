package dev.videojob.core;

/**
 * The account cannot pay for the job: no credits left or no subscription (ssemble's 403
 * {@code insufficient_credits} and {@code subscription_required}). Retrying will not help until
 * the account is topped up.
 */
public class QuotaExceededException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param context where it came from
   */
  public QuotaExceededException(String message, ErrorContext context) {
    this(message, context, null);
  }

  private QuotaExceededException(String message, ErrorContext context, Throwable cause) {
    super(message, context, cause, true);
  }

  @Override
  VideoJobException reword(String message) {
    return getClass() == QuotaExceededException.class ? new QuotaExceededException(message, context(), this) : this;
  }
}
