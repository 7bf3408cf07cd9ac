package dev.videojob.webhooks.internal;

import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.TimestampTolerance;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookSecret;
import dev.videojob.webhooks.WebhookVerificationException;
import dev.videojob.webhooks.WebhookVerificationException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A hex HMAC-SHA256 of the raw body in one header, optionally behind a prefix ({@code sha256=}).
 * Several signatures may come as several header values or separated by commas or spaces.
 */
public final class HmacHexScheme implements SignatureScheme {
  private static final int MAC_LENGTH = 32;

  private final String header;
  private final String prefix;

  /**
   * Creates the scheme.
   *
   * @param header the header name
   * @param prefix the required prefix, or empty for bare hex
   */
  public HmacHexScheme(String header, String prefix) {
    Objects.requireNonNull(header, "header == null");
    Objects.requireNonNull(prefix, "prefix == null");
    if (header.isBlank()) throw new IllegalArgumentException("header is blank");
    this.header = header;
    this.prefix = prefix;
  }

  @Override
  public String name() {
    return "hmac-sha256-hex(" + header + (prefix.isEmpty() ? "" : ", " + prefix) + ")";
  }

  @Override
  public boolean signsTimestamp() {
    return false;
  }

  @Override
  public void verify(byte[] body, WebhookHeaders headers, List<WebhookSecret> secrets, TimestampTolerance tolerance) {
    List<String> values = headers.values(header);
    if (values.isEmpty() || values.stream().allMatch(String::isBlank)) {
      throw new WebhookVerificationException(Reason.MISSING_HEADER,
          "Webhook has no " + header + " header: is the request from the provider, and is signing enabled?");
    }
    List<byte[]> received = new ArrayList<>();
    for (String value : values) {
      for (String candidate : value.split("[,\\s]+")) {
        byte[] mac = decode(candidate.strip());
        if (mac != null) received.add(mac);
      }
    }
    if (received.isEmpty()) {
      throw new WebhookVerificationException(Reason.MALFORMED_HEADER, "Webhook " + header + " header holds no "
          + (prefix.isEmpty() ? "" : prefix + "-prefixed ") + "64-digit hex signature");
    }
    for (WebhookSecret secret : secrets) {
      byte[] expected = Hmacs.sha256(secret.keyBytes(), body);
      boolean match = false;
      for (byte[] r : received) match |= Hmacs.constantTimeEquals(expected, r);
      if (match) return;
    }
    throw new WebhookVerificationException(Reason.NO_MATCHING_SIGNATURE, "Webhook " + header
        + " signature does not match the body under any configured secret: check the secret, and that the "
        + "raw body reaches the verifier unchanged");
  }

  private byte[] decode(String candidate) {
    if (candidate.isEmpty()) return null;
    String hex = candidate;
    if (!prefix.isEmpty()) {
      if (!candidate.regionMatches(true, 0, prefix, 0, prefix.length())) return null;
      hex = candidate.substring(prefix.length());
    }
    byte[] mac = Hmacs.fromHex(hex.toLowerCase(Locale.ROOT));
    return mac != null && mac.length == MAC_LENGTH ? mac : null;
  }

  @Override
  public Map<String, String> sign(byte[] body, WebhookSecret secret, String messageId, Instant timestamp) {
    return Map.of(header, prefix + Hmacs.toHex(Hmacs.sha256(secret.keyBytes(), body)));
  }

  @Override
  public String toString() {
    return name();
  }
}
