package dev.videojob.ffmpeg.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File chores for outputs: temporary sibling names, streaming SHA-256, recursive deletion. */
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
