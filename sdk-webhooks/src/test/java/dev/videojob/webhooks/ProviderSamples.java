package dev.videojob.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes signatures the way each provider document's sample code does, independently of the
 * code under test.
 */
final class ProviderSamples {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProviderSamples() {}

  /** {@code crypto.createHmac('sha256', secret).update(data).digest('hex')}. */
  static String nodeHmacHex(String secret, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Higgsfield-like guide (and VidBuilder's optional signature): HMAC of {@code JSON.stringify(req.body)}. */
  static String higgsfieldSignature(String secret, String rawBody) {
    try {
      String stringified = JSON.writeValueAsString(JSON.readTree(rawBody));
      return nodeHmacHex(secret, stringified.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** CreativeAI: {@code sha256=} + HMAC of the raw body keyed by the API key. */
  static String creativeAiSignature(String apiKey, byte[] rawBody) {
    return "sha256=" + nodeHmacHex(apiKey, rawBody);
  }

  /** VideoPilot: {@code 'sha256=' + hmac.update(payload, 'utf8').digest('hex')} over the raw body text. */
  static String videoPilotSignature(String secret, String payload) {
    return "sha256=" + nodeHmacHex(secret, payload.getBytes(StandardCharsets.UTF_8));
  }
}
