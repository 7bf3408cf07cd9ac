package dev.videojob.media.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so a reader sees the old content or the new, never half of it. */
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
   * Moves a finished temporary file over the target, atomically where the file system can.
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
