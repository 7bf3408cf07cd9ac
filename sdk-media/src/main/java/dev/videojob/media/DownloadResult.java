package dev.videojob.media;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A finished download.
 *
 * @param path the file written, or null when the download went to a stream
 * @param sizeBytes the bytes written
 * @param sha256 the lower-case hex sha256 of the bytes, computed while streaming
 * @param contentType the server's {@code Content-Type}, or null
 * @param attempts the HTTP attempts made (1 when nothing broke)
 * @param resumed how many attempts continued with {@code Range} from where the previous one stopped
 */
public record DownloadResult(Path path, long sizeBytes, String sha256, String contentType, int attempts, int resumed) {

  /** @return the file written, if the download went to a file */
  public Optional<Path> file() {
    return Optional.ofNullable(path);
  }
}
