package dev.videojob.core;

/** The provider does not know the job (404): a wrong id, another account's job, or one it has purged. */
public class JobNotFoundException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened
   * @param context where it came from
   */
  public JobNotFoundException(String message, ErrorContext context) {
    this(message, context, null);
  }

  private JobNotFoundException(String message, ErrorContext context, Throwable cause) {
    super(message, context, cause, true);
  }

  @Override
  VideoJobException reword(String message) {
    return getClass() == JobNotFoundException.class ? new JobNotFoundException(message, context(), this) : this;
  }
}
