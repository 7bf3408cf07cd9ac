package dev.videojob.core.internal;

import dev.videojob.core.Claim;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * Argument checks and key handling shared by the {@code IdempotencyStore} implementations, so every store accepts
 * and rejects the same input and stores the same key the same way.
 */
public final class IdempotencyKeys {
  /** The longest key stored as given; longer keys are stored as {@code "sha256:" + hex}. */
  public static final int MAX_STORED_LENGTH = 255;

  private static final String HASH_PREFIX = "sha256:";

  private IdempotencyKeys() {}

  public static String requireKey(String key) {
    Objects.requireNonNull(key, "key == null");
    if (key.isBlank()) {
      throw new IllegalArgumentException("key is blank: give each delivery or submission a non-blank key");
    }
    return key;
  }

  /**
   * The key itself, or {@code "sha256:"} and the hex SHA-256 of its UTF-8 bytes (71 characters) when it is longer
   * than {@value #MAX_STORED_LENGTH} characters or holds a NUL character (which PostgreSQL cannot store).
   */
  public static String storedKey(String key) {
    if (key.length() <= MAX_STORED_LENGTH && key.indexOf('\0') < 0) return key;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HASH_PREFIX + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM, which every Java SE runtime must provide", e);
    }
  }

  public static Duration requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name + " == null");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + duration);
    }
    return duration;
  }

  /** A claim given to {@code complete} or {@code release} must own its key. */
  public static Claim requireAcquired(Claim claim) {
    Objects.requireNonNull(claim, "claim == null");
    if (!claim.acquired()) {
      throw new IllegalArgumentException("claim for key " + claim.key() + " is " + claim.state()
          + ", not acquired: only a CLAIMED or TAKEN_OVER claim can be completed or released");
    }
    return claim;
  }

  /** Saturates instead of overflowing, so a retention of "forever" ({@code Duration.ofSeconds(Long.MAX_VALUE)}) is the far future. */
  public static long plus(long epochMillis, Duration duration) {
    long millis;
    try {
      millis = duration.toMillis();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
    long end = epochMillis + millis;
    return ((epochMillis ^ end) & (millis ^ end)) < 0 ? Long.MAX_VALUE : end;
  }

  /** A new owner token, unique across nodes. */
  public static String newToken() {
    return UUID.randomUUID().toString();
  }
}
