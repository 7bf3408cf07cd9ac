package dev.videojob.media;

/**
 * How far a transfer has got.
 *
 * @param url the URL being transferred, with its query string redacted
 * @param bytesTransferred bytes done so far (after a restart from zero, counted again from zero)
 * @param totalBytes the total size, or -1 when the server did not say
 * @param done whether this is the last event of a completed transfer
 */
public record TransferProgress(String url, long bytesTransferred, long totalBytes, boolean done) {

  /** @return the fraction done in [0, 1], or -1 when the total is unknown */
  public double fraction() {
    return totalBytes <= 0 ? -1 : Math.min(1.0, (double) bytesTransferred / totalBytes);
  }
}
