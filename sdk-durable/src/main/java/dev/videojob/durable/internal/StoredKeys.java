package dev.videojob.durable.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Event keys as the inbox stores them: up to 100 characters as given, longer ones as {@code sha256:<hex>}. */
public final class StoredKeys {
  /** The longest key stored as given (db-scheduler's standard task_instance column is 100 characters). */
  public static final int MAX_CHARS = 100;

  private StoredKeys() {}

  /** @param key an event key @return the key as stored */
  public static String of(String key) {
    if (key.length() <= MAX_CHARS) return key;
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
