package dev.videojob.core;

import dev.videojob.core.spi.CallContext;

/**
 * Makes a failed submission say what it may have left behind, whatever adapter raised it: the idempotency
 * key, whether a job may exist (from what the context's create calls recorded), and, when the provider had
 * accepted a create call, a failure to read its answer is an {@link OutcomeUnknownException}.
 */
final class SubmitFailures {
  private SubmitFailures() {}

  /**
   * @param failure the failure as the caller would see it
   * @param cause what the adapter's future failed with, unwrapped
   * @param context the submission's context
   * @param key the submission's idempotency key
   * @return the failure to report: the same one with the key and outcome, or an {@link OutcomeUnknownException}
   */
  static VideoJobException settle(VideoJobException failure, Throwable cause, CallContext context, String key) {
    if (context.createAnswered() && unreadableAnswer(failure, cause)) {
      ErrorContext ec = failure.context().withIdempotencyKey(key);
      return new OutcomeUnknownException("the provider accepted the create call, but what followed could not be"
          + " read (" + cause + "); the job may exist: look it up before submitting again", ec, failure, key);
    }
    failure.forSubmission(key, context.jobMayExist());
    return failure;
  }

  /** An untyped failure, or the SDK's word that a 2xx body could not be read. */
  private static boolean unreadableAnswer(VideoJobException failure, Throwable cause) {
    if (!(cause instanceof VideoJobException) || failure.getClass() == VideoJobException.class) return true;
    int status = failure.httpStatus().orElse(0);
    return failure instanceof ProviderUnavailableException && status >= 200 && status < 300;
  }
}
