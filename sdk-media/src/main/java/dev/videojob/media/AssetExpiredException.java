package dev.videojob.media;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.VideoJobException;

/**
 * The asset's URL no longer works because it expired (the server refused it after its
 * {@code expiresAt}, or said so in its answer). Fetch a fresh URL, for example with
 * {@code client.result(job.ref())}, and download again.
 */
public final class AssetExpiredException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what happened and what to do
   * @param context the HTTP status and where it came from
   */
  public AssetExpiredException(String message, ErrorContext context) {
    super(message, context, null);
  }
}
