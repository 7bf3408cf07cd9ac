package dev.videojob.providers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.core.VideoRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Lenient readers for provider JSON, shared by every adapter: a missing, null or mistyped field
 * reads as empty instead of throwing, because providers add, drop and retype fields.
 */
public final class Json {
  private Json() {}

  /** @param node an object @param field a field @return its text, if present and not null or blank */
  public static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) return Optional.empty();
    String s = v.asText();
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** @param node an object @param field a field @return its number (a JSON number or numeric text), if present */
  public static Optional<BigDecimal> number(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (v.isNumber()) return Optional.of(v.decimalValue());
    try {
      return v.isTextual() ? Optional.of(new BigDecimal(v.asText().trim())) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** @param node an object @param field a field @return its boolean (true/false or "true"/"false"), if present */
  public static Optional<Boolean> bool(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (v.isBoolean()) return Optional.of(v.booleanValue());
    if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
      return Optional.of(Boolean.parseBoolean(v.asText()));
    }
    return Optional.empty();
  }

  /** @param node an object @param field a field holding seconds (number or text) @return the duration, if present */
  public static Optional<Duration> seconds(JsonNode node, String field) {
    return number(node, field).filter(n -> n.signum() >= 0)
        .map(n -> Duration.ofMillis(n.multiply(BigDecimal.valueOf(1000)).longValue()));
  }

  /**
   * @param node an object
   * @param field a field holding an ISO-8601 instant ({@code 2026-03-10T14:23:01Z}, with offset) or epoch seconds/millis
   * @return the instant, if present and readable
   */
  public static Optional<Instant> instant(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (v.isNumber()) {
      long n = v.asLong();
      return Optional.of(n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n));
    }
    String s = v.asText().trim();
    try {
      return Optional.of(Instant.parse(s));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(s).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  /**
   * Writes the request's raw pass-through fields over the body, last, so they override what the adapter wrote.
   *
   * @param body the request body being built
   * @param request the request
   * @param mapper the mapper that turns the values into JSON
   * @return the body
   */
  public static ObjectNode putExtraFields(ObjectNode body, VideoRequest request, ObjectMapper mapper) {
    request.extraFields().forEach((k, v) -> body.set(k, mapper.valueToTree(v)));
    return body;
  }

  /**
   * Parses bytes as a JSON object.
   *
   * @param mapper the mapper
   * @param bytes the JSON
   * @return the object
   * @throws java.io.IOException if the bytes are not a JSON object
   */
  public static JsonNode object(ObjectMapper mapper, byte[] bytes) throws java.io.IOException {
    JsonNode n = mapper.readTree(bytes);
    if (n == null || !n.isObject()) throw new java.io.IOException("not a JSON object");
    return n;
  }
}
