package dev.videojob.media;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.VideoJobException;

/**
 * The bytes transferred do not have the expected sha256 or size; nothing was kept. Retry the
 * transfer, and if it fails again check the expected value against its source.
 */
public final class ChecksumMismatchException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what differed (never a secret) and what to do
   */
  public ChecksumMismatchException(String message) {
    super(message, ErrorContext.none(), null);
  }
}
