package dev.videojob.webhooks.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and hex helpers shared by the signature schemes and callback tokens. */
public final class Hmacs {
  private static final String ALGORITHM = "HmacSHA256";

  private Hmacs() {}

  /**
   * An HMAC-SHA256 key made ready once: a {@code Mac} keyed at construction and cloned for each MAC,
   * which skips the provider lookup and the key schedule of {@code getInstance} and {@code init}
   * on every call. The keyed {@code Mac} is never used itself, only cloned, so this is thread-safe.
   * Where the provider's {@code Mac} cannot be cloned, each MAC gets a new {@code Mac}.
   */
  public static final class Key {
    private final byte[] key;
    private final Mac prototype; // null when the provider's Mac is not Cloneable

    /**
     * Keys a {@code Mac}.
     *
     * @param key the key bytes, not empty; kept (the caller must not change them)
     */
    public Key(byte[] key) {
      this.key = key;
      Mac keyed = newMac(key);
      Mac prototype;
      try {
        keyed.clone();
        prototype = keyed;
      } catch (CloneNotSupportedException e) {
        prototype = null;
      }
      this.prototype = prototype;
    }

    /**
     * Computes HMAC-SHA256 over the concatenation of the parts.
     *
     * @param parts the message, in pieces
     * @return the 32-byte MAC
     */
    public byte[] sha256(byte[]... parts) {
      Mac mac = mac();
      for (byte[] p : parts) mac.update(Objects.requireNonNull(p, "part == null"));
      return mac.doFinal();
    }

    private Mac mac() {
      if (prototype != null) {
        try {
          return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
          // checked at construction; a provider that changed its mind gets the slow path
        }
      }
      return newMac(key);
    }
  }

  /**
   * Computes HMAC-SHA256 over the concatenation of the parts with a key used once; a key used for
   * many MACs is faster as a {@link Key}.
   *
   * @param key the key bytes; not empty
   * @param parts the message, in pieces
   * @return the 32-byte MAC
   */
  public static byte[] sha256(byte[] key, byte[]... parts) {
    Mac mac = newMac(key);
    for (byte[] p : parts) mac.update(p);
    return mac.doFinal();
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /**
   * Whether a character separates signatures in a header the way the regular expression {@code \s}
   * does (space, tab, line feed, vertical tab, form feed, carriage return).
   *
   * @param c the character
   * @return whether it is one of those six
   */
  public static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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
   * Decodes hex in either case from part of a text, without copying it.
   *
   * @param text the text
   * @param from the first index
   * @param to the index after the last
   * @return the bytes, or null if the range is empty or not an even number of hex digits
   */
  public static byte[] fromHex(CharSequence text, int from, int to) {
    int length = to - from;
    if (length <= 0 || (length & 1) != 0) return null;
    try {
      return HexFormat.of().parseHex(text, from, to);
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
