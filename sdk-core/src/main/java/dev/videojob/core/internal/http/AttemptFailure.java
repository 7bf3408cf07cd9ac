package dev.videojob.core.internal.http;

import java.io.IOException;

/**
 * An attempt's I/O failure, with how far the attempt got: whether the request had reached the wire, and
 * the status of the answer when the failure came while reading its body.
 */
public final class AttemptFailure extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean requestSent;
  private final int status;

  /**
   * A failure before any answer.
   *
   * @param cause the I/O failure
   * @param requestSent whether the request headers had started being written
   */
  public AttemptFailure(IOException cause, boolean requestSent) {
    this(cause, requestSent, 0);
  }

  /**
   * @param cause the I/O failure
   * @param requestSent whether the request headers had started being written
   * @param status the HTTP status of the answer whose body could not be read, or 0 when none came
   */
  public AttemptFailure(IOException cause, boolean requestSent, int status) {
    super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
    this.requestSent = requestSent;
    this.status = status;
  }

  /** @return whether the request had reached the wire */
  public boolean requestSent() {
    return requestSent;
  }

  /** @return the status of the answer whose body failed, or 0 when no answer came */
  public int status() {
    return status;
  }

  /** @return the I/O failure */
  public IOException io() {
    return (IOException) getCause();
  }
}
