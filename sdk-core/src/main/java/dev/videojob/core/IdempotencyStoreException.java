package dev.videojob.core;

/**
 * An {@link IdempotencyStore} could not do its work: the database is unreachable, the table is
 * missing (the message says which DDL to run or how to enable creating it), or a statement failed.
 */
public class IdempotencyStoreException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param cause the underlying failure, or null
   */
  public IdempotencyStoreException(String message, Throwable cause) {
    super(message, ErrorContext.none(), cause);
  }
}
