package dev.videojob.webhooks.internal;

import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.TimestampTolerance;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookSecret;
import dev.videojob.webhooks.WebhookVerificationException;
import dev.videojob.webhooks.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64> ...}. */
public final class StandardWebhooksScheme implements SignatureScheme {
  /** The one instance; the scheme has no settings. */
  public static final StandardWebhooksScheme INSTANCE = new StandardWebhooksScheme();

  static final String ID = "webhook-id";
  static final String TIMESTAMP = "webhook-timestamp";
  static final String SIGNATURE = "webhook-signature";
  private static final String VERSION = "v1";
  private static final int MAC_LENGTH = 32;

  private StandardWebhooksScheme() {}

  @Override
  public String name() {
    return "standard-webhooks";
  }

  @Override
  public WebhookSecret secret(String text) {
    return WebhookSecret.standardWebhooks(text);
  }

  @Override
  public boolean signsTimestamp() {
    return true;
  }

  @Override
  public void verify(byte[] body, WebhookHeaders headers, List<WebhookSecret> secrets, TimestampTolerance tolerance) {
    String id = required(headers, ID);
    String ts = required(headers, TIMESTAMP);
    List<String> signatureValues = headers.values(SIGNATURE);
    if (signatureValues.isEmpty() || signatureValues.stream().allMatch(String::isBlank)) {
      throw missing(SIGNATURE);
    }
    long seconds;
    try {
      seconds = Long.parseLong(ts.strip());
    } catch (NumberFormatException e) {
      throw new WebhookVerificationException(Reason.MALFORMED_HEADER, "Webhook " + TIMESTAMP
          + " header is not a whole number of Unix seconds");
    }
    Instant signedAt;
    try {
      signedAt = Instant.ofEpochSecond(seconds);
    } catch (java.time.DateTimeException e) {
      throw new WebhookVerificationException(Reason.MALFORMED_HEADER, "Webhook " + TIMESTAMP + " header is out of range");
    }
    tolerance.check(signedAt);

    List<byte[]> received = new ArrayList<>(2);
    for (String value : signatureValues) split(value, received);
    if (received.isEmpty()) {
      throw new WebhookVerificationException(Reason.MALFORMED_HEADER, "Webhook " + SIGNATURE
          + " header holds no v1,<base64> signature");
    }
    byte[] prefix = (id.strip() + "." + seconds + ".").getBytes(StandardCharsets.UTF_8);
    for (WebhookSecret secret : secrets) {
      byte[] expected = secret.hmacSha256(prefix, body);
      boolean match = false;
      for (byte[] r : received) match |= Hmacs.constantTimeEquals(expected, r);
      if (match) return;
    }
    throw new WebhookVerificationException(Reason.NO_MATCHING_SIGNATURE, "Webhook " + SIGNATURE
        + " does not match the body under any configured secret: check the whsec_ secret, and that the raw "
        + "body reaches the verifier unchanged");
  }

  /**
   * Reads the {@code v1,<base64>} entries of a header value: the value stripped of whitespace, split at
   * runs of {@code \s} characters; by hand, since a regular expression here was most of the cost of
   * verifying a small body. Other versions and undecodable entries are skipped.
   */
  private static void split(String value, List<byte[]> received) {
    int end = value.length();
    int i = 0;
    while (i < end && Character.isWhitespace(value.charAt(i))) i++;
    while (end > i && Character.isWhitespace(value.charAt(end - 1))) end--;
    while (i < end) {
      int start = i;
      while (i < end && !Hmacs.isSpace(value.charAt(i))) i++;
      entry(value, start, i, received);
      while (i < end && Hmacs.isSpace(value.charAt(i))) i++;
    }
  }

  private static void entry(String value, int start, int end, List<byte[]> received) {
    int comma = value.indexOf(',', start);
    if (comma < 0 || comma >= end || comma - start != VERSION.length()
        || !value.startsWith(VERSION, start)) {
      return;
    }
    try {
      byte[] mac = Base64.getDecoder().decode(value.substring(comma + 1, end));
      if (mac.length == MAC_LENGTH) received.add(mac);
    } catch (IllegalArgumentException e) {
      // An undecodable entry cannot match; the others may.
    }
  }

  private static String required(WebhookHeaders headers, String name) {
    String v = headers.first(name).orElse("");
    if (v.isBlank()) throw missing(name);
    return v;
  }

  private static WebhookVerificationException missing(String name) {
    return new WebhookVerificationException(Reason.MISSING_HEADER, "Webhook has no " + name
        + " header: is the request from a Standard Webhooks sender?");
  }

  @Override
  public Map<String, String> sign(byte[] body, WebhookSecret secret, String messageId, Instant timestamp) {
    Objects.requireNonNull(messageId, "messageId == null");
    Objects.requireNonNull(timestamp, "timestamp == null");
    long seconds = timestamp.getEpochSecond();
    byte[] mac = secret.hmacSha256((messageId + "." + seconds + ".").getBytes(StandardCharsets.UTF_8), body);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(ID, messageId);
    headers.put(TIMESTAMP, Long.toString(seconds));
    headers.put(SIGNATURE, VERSION + "," + Base64.getEncoder().encodeToString(mac));
    return java.util.Collections.unmodifiableMap(headers);
  }

  @Override
  public String toString() {
    return name();
  }
}
