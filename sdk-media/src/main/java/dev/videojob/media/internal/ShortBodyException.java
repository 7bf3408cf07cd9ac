package dev.videojob.media.internal;

import java.io.IOException;

/**
 * A response body that ended before the byte count its {@code Content-Length} (or {@code Content-Range})
 * announced. Retried like any broken connection; {@link MediaRetry} words the final failure for it.
 */
final class ShortBodyException extends IOException {
  private static final long serialVersionUID = 1L;

  ShortBodyException(String message) {
    super(message);
  }
}
