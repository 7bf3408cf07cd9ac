package dev.videojob.core;

/**
 * The provider could not be reached or answered 5xx (or 408), and the retries allowed for the call ran out.
 *
 * <p>{@link #nothingCreated()} says whether it is certain no job was created (the connection was
 * never made, or the provider answered 503 or 408, and no earlier attempt or step may have created
 * one); only then does a client with several providers fail over to the next one.
 */
public class ProviderUnavailableException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param context where it came from
   * @param cause the I/O failure, or null
   * @param nothingCreated whether it is certain the provider created nothing
   */
  public ProviderUnavailableException(String message, ErrorContext context, Throwable cause, boolean nothingCreated) {
    super(message, context, cause, nothingCreated);
  }

  @Override
  VideoJobException reword(String message) {
    return getClass() == ProviderUnavailableException.class
        ? new ProviderUnavailableException(message, context(), this, nothingCreated()) : this;
  }
}
