package dev.videojob.ffmpeg.internal;

import dev.videojob.ffmpeg.TranscodeException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File chores for outputs: recursive deletion and target checks. Temporary names, the move into place
 * and SHA-256 are videojob-media's ({@code AtomicFiles}, {@code Sha256}), the SDK's one implementation.
 */
public final class OutputFiles {
  private static final Logger LOG = LoggerFactory.getLogger(OutputFiles.class);

  private OutputFiles() {}

  /**
   * Checks that an HLS or DASH package can replace its directory: the directory must not exist, or be
   * empty, because the finished package is moved into its place whole.
   *
   * @param directory the package's directory
   * @param format {@code HLS} or {@code DASH}, for the message
   * @throws TranscodeException {@code BAD_OUTPUT} when it is a file, is not empty, or cannot be read
   */
  public static void requireEmptyOrAbsent(Path directory, String format) {
    Path abs = directory.toAbsolutePath().normalize();
    if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) return;
    String problem;
    if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
      problem = "is a file, not a directory";
    } else {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(abs)) {
        if (!s.iterator().hasNext()) return;
        problem = "is not empty";
      } catch (IOException e) {
        problem = "cannot be read (" + e.getMessage() + ")";
      }
    }
    throw TranscodeException.before(TranscodeException.Category.BAD_OUTPUT, "the " + format + " directory " + abs
        + " " + problem + "; it must be empty or not exist, because the finished package replaces it whole:"
        + " move its contents away or delete it, or choose another directory");
  }

  /**
   * Deletes a file or a directory tree if present; logs instead of throwing.
   *
   * @param path the path
   */
  public static void deleteQuietly(Path path) {
    if (path == null || !Files.exists(path)) return;
    try {
      Files.walkFileTree(path, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      LOG.warn("could not delete temporary output {}: {}", path, e.toString());
    }
  }
}
