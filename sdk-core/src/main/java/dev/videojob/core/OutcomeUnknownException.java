package dev.videojob.core;

/**
 * A create call may have created a job, but the SDK cannot tell: its answer was lost (a timeout or
 * dropped connection after the body went out, a 502/504, a 303), or it was answered 2xx with a body
 * that cannot be read, and sending it again could start a second paid job. The SDK does not gamble:
 * reconcile first (look the job up by its metadata, its callback or in the provider's dashboard), then
 * resubmit with the same {@link #idempotencyKey()} if nothing was created. {@link #nothingCreated()} is
 * always false.
 */
public class OutcomeUnknownException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param context where it came from
   * @param cause the failure after the request was sent, or null
   * @param idempotencyKey the key of the logical submission (shown in the message and by {@link #idempotencyKey()});
   *     null keeps the context's
   */
  public OutcomeUnknownException(String message, ErrorContext context, Throwable cause, String idempotencyKey) {
    super(message, keyed(context, idempotencyKey), cause, false);
  }

  private static ErrorContext keyed(ErrorContext context, String key) {
    ErrorContext c = context == null ? ErrorContext.none() : context;
    return (key == null ? c : c.withIdempotencyKey(key)).withJobMayExist(true);
  }

  @Override
  VideoJobException reword(String message) {
    return getClass() == OutcomeUnknownException.class ? new OutcomeUnknownException(message, context(), this, null) : this;
  }
}
