package dev.videojob.webhooks;

import dev.videojob.webhooks.WebhookVerificationException.Reason;
import dev.videojob.webhooks.internal.Hmacs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A key that signs webhooks, held as bytes; {@link #toString()} never shows it.
 *
 * <p>Most providers use the secret's text as the HMAC key ({@link #of(String)}); Standard Webhooks
 * secrets are {@code whsec_} followed by the key in base64 ({@link #standardWebhooks(String)}).
 */
public final class WebhookSecret {
  private static final String WHSEC_PREFIX = "whsec_";

  private final byte[] key;
  private final Hmacs.Key mac;

  private WebhookSecret(byte[] key) {
    this.key = key;
    this.mac = new Hmacs.Key(key);
  }

  /**
   * A secret whose UTF-8 text is the HMAC key (CreativeAI's API key, VideoPilot's webhook secret).
   *
   * @param text the secret as the provider shows it
   * @return the secret
   * @throws NullPointerException if text is null
   * @throws WebhookVerificationException with {@link Reason#INVALID_SECRET} if the text is empty or blank
   */
  public static WebhookSecret of(String text) {
    Objects.requireNonNull(text, "text == null");
    if (text.isBlank()) {
      throw new WebhookVerificationException(Reason.INVALID_SECRET,
          "Webhook secret is empty or blank: configure the secret the provider shows in its dashboard");
    }
    return new WebhookSecret(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A Standard Webhooks secret: {@code whsec_} then the key in base64 (the prefix is optional).
   *
   * @param text the secret, such as {@code whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}
   * @return the secret
   * @throws NullPointerException if text is null
   * @throws WebhookVerificationException with {@link Reason#INVALID_SECRET} if the text is empty or not base64
   */
  public static WebhookSecret standardWebhooks(String text) {
    Objects.requireNonNull(text, "text == null");
    String b64 = text.strip();
    if (b64.startsWith(WHSEC_PREFIX)) b64 = b64.substring(WHSEC_PREFIX.length());
    byte[] key;
    try {
      key = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new WebhookVerificationException(Reason.INVALID_SECRET,
          "Standard Webhooks secret is not base64 after its whsec_ prefix: copy the whole secret from the provider");
    }
    if (key.length == 0) {
      throw new WebhookVerificationException(Reason.INVALID_SECRET,
          "Standard Webhooks secret is empty: copy the whole secret (whsec_...) from the provider");
    }
    return new WebhookSecret(key);
  }

  /**
   * A secret made of raw key bytes.
   *
   * @param key the HMAC key; copied
   * @return the secret
   * @throws NullPointerException if key is null
   * @throws WebhookVerificationException with {@link Reason#INVALID_SECRET} if the key is empty
   */
  public static WebhookSecret ofBytes(byte[] key) {
    Objects.requireNonNull(key, "key == null");
    if (key.length == 0) {
      throw new WebhookVerificationException(Reason.INVALID_SECRET, "Webhook secret key is empty");
    }
    return new WebhookSecret(key.clone());
  }

  /** @return a copy of the HMAC key bytes */
  public byte[] keyBytes() {
    return key.clone();
  }

  /**
   * Computes the HMAC-SHA256 of the concatenated parts under this secret, the way a
   * {@link SignatureScheme} checks or makes a signature. The key is prepared once, when the secret
   * is made, so each call only hashes. Thread-safe.
   *
   * @param parts the signed message, in pieces (for example an id and timestamp prefix, then the body)
   * @return the 32-byte MAC
   * @throws NullPointerException if a part is null
   */
  public byte[] hmacSha256(byte[]... parts) {
    return mac.sha256(parts);
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "WebhookSecret{<redacted>}";
  }

  /** Secrets are equal when their key bytes are (compared in constant time). */
  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookSecret && java.security.MessageDigest.isEqual(key, ((WebhookSecret) o).key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }
}
