package dev.videojob.ffmpeg.internal;

import dev.videojob.ffmpeg.TranscodeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File chores for outputs: temporary sibling names, streaming SHA-256, recursive deletion, target checks. */
public final class OutputFiles {
  private static final Logger LOG = LoggerFactory.getLogger(OutputFiles.class);

  private OutputFiles() {}

  /**
   * A hidden sibling name for writing {@code target} before it is complete; keeps the extension.
   *
   * @param target the final path
   * @return an unused temporary path in the same directory
   */
  public static Path tempSibling(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    String name = abs.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    String tag = UUID.randomUUID().toString().substring(0, 8);
    return abs.resolveSibling("." + stem + "-" + tag + ".part" + ext);
  }

  /**
   * The lowercase hex SHA-256 of a file, read in a stream.
   *
   * @param file the file
   * @return 64 hex characters
   * @throws UncheckedIOException when the file cannot be read
   */
  public static String sha256(Path file) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) >= 0) md.update(buf, 0, n);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

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
