package dev.videojob.webhooks.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and hex helpers shared by the signature schemes and callback tokens. */
public final class Hmacs {
  private static final String ALGORITHM = "HmacSHA256";

  private Hmacs() {}

  /**
   * Computes HMAC-SHA256 over the concatenation of the parts.
   *
   * @param key the key bytes; not empty
   * @param parts the message, in pieces
   * @return the 32-byte MAC
   */
  public static byte[] sha256(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      for (byte[] p : parts) mac.update(p);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /**
   * Compares two MACs in time that does not depend on where they differ.
   *
   * @param a one MAC
   * @param b the other
   * @return whether they are equal
   */
  public static boolean constantTimeEquals(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  /**
   * Decodes hex in either case.
   *
   * @param hex the text
   * @return the bytes, or null if the text is not an even number of hex digits
   */
  public static byte[] fromHex(String hex) {
    if (hex.isEmpty() || (hex.length() & 1) != 0) return null;
    try {
      return HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Encodes bytes as lower-case hex.
   *
   * @param bytes the bytes
   * @return the hex text
   */
  public static String toHex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * SHA-256 of bytes, as lower-case hex.
   *
   * @param bytes the bytes
   * @return the digest in hex
   */
  public static String sha256Hex(byte[] bytes) {
    try {
      return toHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
