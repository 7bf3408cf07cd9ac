package dev.videojob.media.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes files so a reader sees the old content or the new, never half of it: write beside the
 * target, then move into place. The SDK's one implementation, used by media transfers and by
 * videojob-ffmpeg's outputs.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Creates a temporary file beside the target (same file system, so the final move is atomic).
   *
   * @param target the final path
   * @return the temporary file
   * @throws IOException if it cannot be created
   */
  public static Path tempBeside(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    return Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
  }

  /**
   * A fresh hidden name beside the target that keeps its extension, for a tool that picks the format
   * from the name (ffmpeg) or writes a directory (an HLS or DASH package). Nothing is created.
   *
   * @param target the final path
   * @return an unused temporary path in the same directory, such as {@code .master-1a2b3c4d.part.mp4}
   */
  public static Path tempSiblingName(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    String name = abs.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    String tag = UUID.randomUUID().toString().substring(0, 8);
    return abs.resolveSibling("." + stem + "-" + tag + ".part" + ext);
  }

  /**
   * Moves a finished temporary file (or directory) over the target, atomically where the file system
   * can. A directory target must be absent or empty.
   *
   * @param temp the temporary file
   * @param target the final path
   * @throws IOException if the move fails
   */
  public static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Writes bytes to a temporary file and moves it over the target.
   *
   * @param target the final path
   * @param bytes the content
   * @throws IOException if writing fails; the target is then unchanged
   */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path temp = tempBeside(target);
    try {
      Files.write(temp, bytes);
      moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
