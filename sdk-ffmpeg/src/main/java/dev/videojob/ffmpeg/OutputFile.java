package dev.videojob.ffmpeg;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One finished output of a transcode, probed and checksummed after it was moved into place.
 * For HLS and DASH the path is the top-level manifest, the media info is ffprobe's view of that
 * manifest, and the checksum is of the manifest file.
 *
 * @param kind what it is
 * @param path where it is
 * @param info what ffprobe says about it
 * @param sha256 the lowercase hex SHA-256 of the file's bytes
 * @param sizeBytes the file size in bytes
 */
public record OutputFile(Kind kind, Path path, MediaInfo info, String sha256, long sizeBytes) {

  /** What an output is. */
  public enum Kind {
    /** A video rendition. */
    VIDEO,
    /** A still image. */
    THUMBNAIL,
    /** An HLS master playlist. */
    HLS,
    /** A DASH manifest. */
    DASH
  }

  /**
   * Checks the values.
   *
   * @throws NullPointerException when any is null
   */
  public OutputFile {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(info, "info == null");
    Objects.requireNonNull(sha256, "sha256 == null");
  }
}
