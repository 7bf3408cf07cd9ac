package dev.videojob.media;

import dev.videojob.core.ErrorContext;
import dev.videojob.media.internal.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a deliverable as a provenance manifest records it: its name ({@code master},
 * {@code 9x16}, {@code thumbnail}), sha256 and size. (Named so it never meets
 * {@code dev.videojob.ffmpeg.Rendition}, the transcode target, in one file.)
 *
 * <p>Where the hash is already known, no file is read again: {@link #of(String, DownloadResult)} takes a
 * download's, {@code OutputFile.provenanceEntry(name)} in videojob-ffmpeg takes a transcode's, and the
 * constructor takes any hash computed while the file was written. {@link #of(String, Path)} hashes a file.
 *
 * @param name the rendition's name, unique within its manifest
 * @param sha256 the lower-case hex sha256 of the file
 * @param sizeBytes the file size
 */
public record ProvenanceEntry(String name, String sha256, long sizeBytes) {

  /**
   * @param name the name
   * @param sha256 64 hex digits
   * @param sizeBytes the size
   * @throws IllegalArgumentException if the digest is not 64 hex digits or the size is negative
   */
  public ProvenanceEntry {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(sha256, "sha256 == null");
    if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    if (sizeBytes < 0) throw new IllegalArgumentException("sizeBytes < 0");
  }

  /**
   * An entry from a finished download, without reading the file again.
   *
   * @param name the name
   * @param download the download's result
   * @return the entry
   */
  public static ProvenanceEntry of(String name, DownloadResult download) {
    return new ProvenanceEntry(name, download.sha256(), download.sizeBytes());
  }

  /**
   * An entry for a file, hashed in constant memory.
   *
   * @param name the name
   * @param file the file
   * @return the entry
   * @throws TransferException if the file cannot be read
   */
  public static ProvenanceEntry of(String name, Path file) {
    try {
      long size = Files.size(file);
      return new ProvenanceEntry(name, Sha256.hex(Sha256.ofRange(file, 0, size)), size);
    } catch (IOException e) {
      throw new TransferException("cannot read " + file + " to hash it: " + e.getMessage(), ErrorContext.none(), e);
    }
  }
}
