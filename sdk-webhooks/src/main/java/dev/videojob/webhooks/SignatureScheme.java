package dev.videojob.webhooks;

import dev.videojob.webhooks.internal.HmacHexScheme;
import dev.videojob.webhooks.internal.StandardWebhooksScheme;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How a provider signs its webhooks: which headers carry what, and what the MAC covers.
 *
 * <p>Three schemes cover the providers this SDK knows: a bare hex HMAC-SHA256 of the body in a
 * header ({@link #hmacSha256Hex(String)}), the same with a prefix such as {@code sha256=}
 * ({@link #hmacSha256Hex(String, String)}), and Standard Webhooks ({@link #standardWebhooks()}).
 * Every scheme works on the raw body bytes, never on re-serialized JSON, compares MAC bytes in
 * constant time, accepts several secrets (rotation) and several signatures per header. Implementations
 * are immutable and thread-safe; {@link WebhookVerifier} checks the body size before calling them.
 */
public interface SignatureScheme {

  /** @return a short name for logs, such as {@code "hmac-sha256-hex(x-api-signature)"} */
  String name();

  /**
   * Reads a secret as this scheme expects it.
   *
   * @param text the secret as the provider shows it
   * @return the secret; by default its UTF-8 text is the key
   * @throws WebhookVerificationException with reason INVALID_SECRET if the text is empty or cannot be decoded
   */
  default WebhookSecret secret(String text) {
    return WebhookSecret.of(text);
  }

  /** @return whether this scheme signs a timestamp that {@link TimestampTolerance} checks */
  boolean signsTimestamp();

  /**
   * Verifies that a body was signed with one of the secrets.
   *
   * @param body the raw body bytes, exactly as received
   * @param headers the request headers
   * @param secrets the accepted secrets, newest first; not empty
   * @param tolerance how far a signed timestamp may be from now
   * @throws WebhookVerificationException if the request is not signed by any of the secrets; its reason says why
   */
  void verify(byte[] body, WebhookHeaders headers, List<WebhookSecret> secrets, TimestampTolerance tolerance);

  /**
   * Signs a body the way the provider would, for tests and for applications that relay events.
   *
   * @param body the raw body bytes
   * @param secret the secret to sign with
   * @param messageId the message id, for schemes that sign one (ignored by the others)
   * @param timestamp the signing time, for schemes that sign one (ignored by the others)
   * @return the headers to send with the body, in the provider's spelling
   */
  Map<String, String> sign(byte[] body, WebhookSecret secret, String messageId, Instant timestamp);

  /**
   * The signature is the lower-case hex HMAC-SHA256 of the body, alone in a header (the
   * Higgsfield-like guide's {@code x-api-signature}).
   *
   * @param header the header name
   * @return the scheme
   * @throws IllegalArgumentException if the header name is blank
   */
  static SignatureScheme hmacSha256Hex(String header) {
    return new HmacHexScheme(header, "");
  }

  /**
   * The signature is a prefix then the hex HMAC-SHA256 of the body (CreativeAI's and VideoPilot's
   * {@code sha256=<hex>}); a value without the prefix is not accepted.
   *
   * @param header the header name, such as {@code "X-VideoPilot-Signature"}
   * @param prefix the prefix, such as {@code "sha256="}; matched ignoring case
   * @return the scheme
   * @throws IllegalArgumentException if the header name is blank
   */
  static SignatureScheme hmacSha256Hex(String header, String prefix) {
    return new HmacHexScheme(header, prefix);
  }

  /**
   * Standard Webhooks (used by Svix, Replicate and OpenAI): headers {@code webhook-id},
   * {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature} (space-separated
   * {@code v1,<base64>} entries); the MAC covers {@code id.timestamp.body}; secrets are
   * {@code whsec_<base64>}.
   *
   * @return the scheme
   */
  static SignatureScheme standardWebhooks() {
    return StandardWebhooksScheme.INSTANCE;
  }
}
