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
    if (allBlank(values)) {
      throw new WebhookVerificationException(Reason.MISSING_HEADER,
          "Webhook has no " + header + " header: is the request from the provider, and is signing enabled?");
    }
    List<byte[]> received = new ArrayList<>(2);
    for (String value : values) split(value, received);
    if (received.isEmpty()) {
      throw new WebhookVerificationException(Reason.MALFORMED_HEADER, "Webhook " + header + " header holds no "
          + (prefix.isEmpty() ? "" : prefix + "-prefixed ") + "64-digit hex signature");
    }
    for (WebhookSecret secret : secrets) {
      byte[] expected = secret.hmacSha256(body);
      boolean match = false;
      for (byte[] r : received) match |= Hmacs.constantTimeEquals(expected, r);
      if (match) return;
    }
    throw new WebhookVerificationException(Reason.NO_MATCHING_SIGNATURE, "Webhook " + header
        + " signature does not match the body under any configured secret: check the secret, and that the "
        + "raw body reaches the verifier unchanged");
  }

  private static boolean allBlank(List<String> values) {
    for (String v : values) {
      if (!v.isBlank()) return false;
    }
    return true;
  }

  /**
   * Splits a header value at runs of commas and {@code \s} characters, strips each candidate of
   * whitespace and keeps those that decode; by hand, since a regular expression here was most of the
   * cost of verifying a small body.
   */
  private void split(String value, List<byte[]> received) {
    int n = value.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSeparator(value.charAt(i))) i++;
      int start = i;
      while (i < n && !isSeparator(value.charAt(i))) i++;
      int end = i;
      while (start < end && Character.isWhitespace(value.charAt(start))) start++;
      while (end > start && Character.isWhitespace(value.charAt(end - 1))) end--;
      byte[] mac = decode(value, start, end);
      if (mac != null) received.add(mac);
    }
  }

  private static boolean isSeparator(char c) {
    return c == ',' || Hmacs.isSpace(c);
  }

  private byte[] decode(String value, int start, int end) {
    if (start >= end) return null;
    int hex = start;
    if (!prefix.isEmpty()) {
      if (!value.regionMatches(true, start, prefix, 0, prefix.length())) return null;
      hex = start + prefix.length();
    }
    if (end - hex != 2 * MAC_LENGTH) return null;
    return Hmacs.fromHex(value, hex, end);
  }

  @Override
  public Map<String, String> sign(byte[] body, WebhookSecret secret, String messageId, Instant timestamp) {
    return Map.of(header, prefix + Hmacs.toHex(secret.hmacSha256(body)));
  }

  @Override
  public String toString() {
    return name();
  }
}
