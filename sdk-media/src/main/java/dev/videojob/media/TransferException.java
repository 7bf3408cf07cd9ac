package dev.videojob.media;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.VideoJobException;

/**
 * A download or upload failed for good: the server refused it (a 4xx other than expiry), retries
 * ran out on 429, 5xx or broken connections, the deadline passed, or a local file could not be
 * written. The message says which and what to do; {@link #httpStatus()} carries the last status.
 */
public final class TransferException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what happened and what to do
   * @param context the HTTP status, when there was one
   * @param cause the underlying failure, or null
   */
  public TransferException(String message, ErrorContext context, Throwable cause) {
    super(message, context, cause);
  }
}
