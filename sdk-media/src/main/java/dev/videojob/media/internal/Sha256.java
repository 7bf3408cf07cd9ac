package dev.videojob.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 helpers: a fresh digest (downloads update it while streaming), hex, and the digest of a
 * file or file range read in constant memory. The SDK's one implementation, used by media transfers,
 * provenance and videojob-ffmpeg's outputs.
 */
public final class Sha256 {
  private Sha256() {}

  /** @return a new SHA-256 digest */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** @param digest 32 bytes @return lower-case hex */
  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  /**
   * Digests {@code length} bytes of a file from {@code position}.
   *
   * @param file the file
   * @param position where to start
   * @param length how many bytes
   * @return the 32-byte digest
   * @throws IOException if the file cannot be read or is shorter
   */
  public static byte[] ofRange(Path file, long position, long length) throws IOException {
    MessageDigest d = newDigest();
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long pos = position;
      long left = length;
      while (left > 0) {
        buf.clear();
        if (left < buf.capacity()) buf.limit((int) left);
        int n = ch.read(buf, pos);
        if (n < 0) throw new IOException(file + " ended before byte " + (position + length));
        buf.flip();
        d.update(buf);
        pos += n;
        left -= n;
      }
    }
    return d.digest();
  }

  /**
   * The lower-case hex digest of a whole file, read in constant memory.
   *
   * @param file the file
   * @return 64 hex digits
   * @throws IOException if the file cannot be read
   */
  public static String hexOf(Path file) throws IOException {
    return hex(ofRange(file, 0, Files.size(file)));
  }

  /**
   * Digests a whole stream.
   *
   * @param in the stream, not closed
   * @return the 32-byte digest
   * @throws IOException if reading fails
   */
  public static byte[] of(InputStream in) throws IOException {
    MessageDigest d = newDigest();
    byte[] buf = new byte[64 * 1024];
    for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
    return d.digest();
  }
}
