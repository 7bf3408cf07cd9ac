package dev.videojob.providers.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.videojob.webhooks.WebhookParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The one way every provider's webhook format reads a verified body: exactly one JSON object and
 * nothing after it but whitespace. A body with bytes after its JSON value ({@code {...}}garbage},
 * {@code {...} {...}}) is refused rather than read up to the first value, so what is handled is all
 * that was signed, and every format refuses the same bodies.
 */
public final class WebhookBodies {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private WebhookBodies() {}

  /**
   * Reads a webhook body as one JSON object.
   *
   * @param provider the provider id, for the exception
   * @param body the raw body
   * @return the object
   * @throws WebhookParseException if the body is not JSON, is a JSON value other than an object, or has
   *     anything but whitespace after the object; its message quotes nothing from the body
   */
  public static JsonNode object(String provider, byte[] body) {
    Objects.requireNonNull(body, "body == null");
    JsonNode n;
    try {
      n = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new WebhookParseException(provider,
          "the webhook body is not one JSON object (invalid JSON, or bytes after the object)", e);
    }
    if (n == null || !n.isObject()) {
      throw new WebhookParseException(provider, "the webhook body is not a JSON object", null);
    }
    return n;
  }

  /**
   * The body as text, for a snapshot's raw JSON: the bytes that were verified, decoded once, rather than the
   * parsed tree written back out (which costs as much as the parse).
   *
   * @param body the raw body
   * @return the body decoded as UTF-8
   */
  public static String text(byte[] body) {
    return new String(Objects.requireNonNull(body, "body == null"), StandardCharsets.UTF_8);
  }
}
