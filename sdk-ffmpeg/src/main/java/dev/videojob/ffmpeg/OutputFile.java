package dev.videojob.ffmpeg;

import dev.videojob.media.ProvenanceEntry;
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
   * @param kind what it is
   * @param path where it is
   * @param info what ffprobe says about it
   * @param sha256 the lowercase hex SHA-256 of the file's bytes
   * @param sizeBytes the file size in bytes
   * @throws NullPointerException when any is null
   */
  public OutputFile {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(info, "info == null");
    Objects.requireNonNull(sha256, "sha256 == null");
  }

  /**
   * This output as an entry of a provenance manifest, with the sha256 and size computed when it was
   * written: the file is not read again. For HLS and DASH the entry is the top-level manifest's.
   *
   * <pre>{@code
   * ProvenanceManifest.builder("spring-sale-26-a", ProvenanceEntry.of("master", download))
   *     .rendition(result.output(Path.of("out/9x16.mp4")).provenanceEntry("9x16"))
   *     .build();
   * }</pre>
   *
   * @param name the entry's name in the manifest, such as {@code 9x16} or {@code thumbnail}
   * @return the entry
   * @throws IllegalArgumentException if the checksum is not 64 lower-case hex digits or the size is negative
   */
  public ProvenanceEntry provenanceEntry(String name) {
    return new ProvenanceEntry(name, sha256, sizeBytes);
  }
}
