package dev.videojob.media;

import java.util.Optional;

/**
 * A finished upload.
 *
 * @param sizeBytes the bytes sent
 * @param sha256 the lower-case hex sha256 of the bytes
 * @param etag the server's {@code ETag}, or null
 * @param checksumVerified whether the server echoed the checksum header and it matched
 * @param status the HTTP status of the successful answer
 */
public record UploadResult(long sizeBytes, String sha256, String etag, boolean checksumVerified, int status) {

  /** @return the server's {@code ETag}, if it sent one */
  public Optional<String> etagValue() {
    return Optional.ofNullable(etag);
  }
}
