package dev.videojob.media.internal;

/** An attempt answered 429 or 5xx; carries what the retry rule needs. */
public final class RetryableStatus extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String retryAfter;

  /**
   * @param status the HTTP status
   * @param retryAfter the {@code Retry-After} header, or null
   */
  public RetryableStatus(int status, String retryAfter) {
    super("HTTP " + status, null, false, false);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** @return the HTTP status */
  public int status() {
    return status;
  }

  /** @return the {@code Retry-After} header, or null */
  public String retryAfter() {
    return retryAfter;
  }
}
