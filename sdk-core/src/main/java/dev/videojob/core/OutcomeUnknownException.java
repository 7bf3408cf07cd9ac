package dev.videojob.core;

/**
 * A create call was sent but its answer was lost (a timeout or dropped connection after the
 * body went out, or a 502/504), and the provider takes no idempotency key, so sending it again
 * could start a second paid job. The SDK does not gamble: reconcile first (look the job up by its
 * metadata or in the provider's dashboard), then resubmit with the same {@link #idempotencyKey()}
 * if nothing was created.
 */
public class OutcomeUnknownException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  private final String idempotencyKey;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param context where it came from
   * @param cause the failure after the request was sent
   * @param idempotencyKey the key of the logical submission
   */
  public OutcomeUnknownException(String message, ErrorContext context, Throwable cause, String idempotencyKey) {
    super(message + " (idempotency key " + idempotencyKey + ")", context, cause);
    this.idempotencyKey = idempotencyKey;
  }

  /** @return the idempotency key of the submission whose outcome is unknown */
  public String idempotencyKey() {
    return idempotencyKey;
  }
}
