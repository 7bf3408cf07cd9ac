package dev.videojob.core.internal.http;

import dev.videojob.core.spi.ApiRequest;

/**
 * The safe-create rule: a call that creates a job is repeated only where that cannot make a second one.
 * If the provider honours idempotency keys, a create is retried like any call. If not, only when nothing
 * can have been created: the request never reached the wire, or the provider answered 429 or 503.
 *
 * <p>Internal: not part of the public API.
 *
 * @param keysHonoured whether the provider honours idempotency keys
 */
public record SafeCreateRule(boolean keysHonoured) {

  /**
   * @param request the call
   * @return whether the call may be repeated after its request reached the wire (or answered 5xx other than 503)
   */
  public boolean mayRepeatAfterSend(ApiRequest request) {
    return !request.createsJob() || keysHonoured;
  }

  /**
   * @param request the call
   * @param requestSent whether the failed attempt's request reached the wire
   * @return whether an I/O failure may be retried
   */
  public boolean mayRetryFailure(ApiRequest request, boolean requestSent) {
    return !requestSent || mayRepeatAfterSend(request);
  }

  /**
   * @param request the call
   * @param status a retryable status (429 or 5xx)
   * @return whether an answer with this status may be retried
   */
  public boolean mayRetryStatus(ApiRequest request, int status) {
    return status == 429 || status == 503 || mayRepeatAfterSend(request);
  }

  /**
   * Whether a create answered with this status may have made something (see
   * {@link dev.videojob.core.VideoJobException#nothingCreated()}): 2xx, 303 and 409 may have, other 3xx and 4xx
   * did not, 503 did not, other 5xx may have.
   *
   * @param status the HTTP status
   * @return whether a job may exist because of this answer
   */
  public static boolean mayHaveCreated(int status) {
    if (status >= 200 && status < 300) return true;
    if (status == 303 || status == 409) return true;
    if (status >= 300 && status < 500) return false;
    return status != 503;
  }
}
