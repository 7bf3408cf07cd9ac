package dev.videojob.ffmpeg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * What a successful transcode produced.
 *
 * @param input what ffprobe said about the input
 * @param outputs every output, renditions first, then thumbnails, then packages, in plan order
 * @param command the ffmpeg command that ran, executable first
 * @param elapsed how long the run took, probing and checksums included
 */
public record TranscodeResult(MediaInfo input, List<OutputFile> outputs, List<String> command, Duration elapsed) {

  /**
   * Copies the values.
   *
   * @param input what ffprobe said about the input
   * @param outputs every output, renditions first, then thumbnails, then packages, in plan order
   * @param command the ffmpeg command that ran, executable first
   * @param elapsed how long the run took, probing and checksums included
   * @throws NullPointerException when any is null
   */
  public TranscodeResult {
    Objects.requireNonNull(input, "input == null");
    outputs = List.copyOf(Objects.requireNonNull(outputs, "outputs == null"));
    command = List.copyOf(Objects.requireNonNull(command, "command == null"));
    Objects.requireNonNull(elapsed, "elapsed == null");
  }

  /**
   * Finds the output written to a path (for a package, its directory or its manifest).
   *
   * @param path the path given in the plan
   * @return the output
   * @throws NoSuchElementException when the plan had no output there
   */
  public OutputFile output(Path path) {
    Path want = path.toAbsolutePath().normalize();
    for (OutputFile f : outputs) {
      Path p = f.path().toAbsolutePath().normalize();
      if (p.equals(want) || (f.kind() == OutputFile.Kind.HLS || f.kind() == OutputFile.Kind.DASH)
          && want.equals(p.getParent())) {
        return f;
      }
    }
    throw new NoSuchElementException("no output at " + path);
  }
}
