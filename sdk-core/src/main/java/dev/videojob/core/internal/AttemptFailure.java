package dev.videojob.core.internal;

import java.io.IOException;

/** An attempt's I/O failure, with whether the request had reached the wire. */
public final class AttemptFailure extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean requestSent;

  /**
   * @param cause the I/O failure
   * @param requestSent whether the request headers had started being written
   */
  public AttemptFailure(IOException cause, boolean requestSent) {
    super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
    this.requestSent = requestSent;
  }

  /** @return whether the request had reached the wire */
  public boolean requestSent() {
    return requestSent;
  }

  /** @return the I/O failure */
  public IOException io() {
    return (IOException) getCause();
  }
}
