package dev.videojob.providers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.AdapterSupport;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lenient readers for provider JSON, shared by every adapter: a missing, null, mistyped or out-of-range
 * field reads as empty instead of throwing, because providers add, drop and retype fields. What reads as
 * empty is left out of the snapshot and stays in its raw JSON. The readers that take a provider id log
 * such a drop at DEBUG, naming the provider and the field.
 */
public final class Json {
  private static final Logger log = LoggerFactory.getLogger(Json.class);

  /** The earliest instant a provider timestamp may name; anything earlier is not a reading of a real time. */
  static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  /** The latest instant a provider timestamp may name: later ones overflow the arithmetic done with them. */
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
  /** Epoch numbers above this are milliseconds, below it seconds (it is 1973 in milliseconds, 5138 in seconds). */
  private static final BigDecimal MILLIS_THRESHOLD = BigDecimal.valueOf(100_000_000_000L);
  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE / 1000);
  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

  private Json() {}

  /** @param node an object @param field a field @return its text, if present and not null or blank */
  public static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) return Optional.empty();
    String s = v.asText();
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /**
   * @param node an object
   * @param field a field
   * @return its number (a JSON number or numeric text), if present and within the range of a double
   *     ({@code 1e309} reads as empty)
   */
  public static Optional<BigDecimal> number(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    BigDecimal n;
    if (v.isNumber()) {
      // Jackson reads 1e309 as an infinite double, which has no decimal value.
      if (v.isFloatingPointNumber() && !v.isBigDecimal() && !Double.isFinite(v.doubleValue())) return Optional.empty();
      n = v.decimalValue();
    } else if (v.isTextual()) {
      try {
        n = new BigDecimal(v.asText().trim());
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    } else {
      return Optional.empty();
    }
    return Double.isFinite(n.doubleValue()) ? Optional.of(n) : Optional.empty();
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

  /**
   * @param node an object
   * @param field a field holding seconds (number or text)
   * @return the duration to the millisecond, if present, not negative and within {@link Duration}'s millisecond range
   */
  public static Optional<Duration> seconds(JsonNode node, String field) {
    return number(node, field).flatMap(Json::ofSeconds);
  }

  /**
   * @param seconds a number of seconds
   * @return the duration to the millisecond, if not negative and within {@link Duration}'s millisecond range
   */
  public static Optional<Duration> ofSeconds(BigDecimal seconds) {
    // Compared before any conversion: 1e999999999 must not be expanded into a billion digits.
    if (seconds.signum() < 0 || seconds.compareTo(MAX_SECONDS) > 0) return Optional.empty();
    return Optional.of(Duration.ofMillis(seconds.movePointRight(3).longValue()));
  }

  /**
   * @param node an object
   * @param field a field holding an ISO-8601 instant ({@code 2026-03-10T14:23:01Z}, with offset) or epoch seconds/millis
   * @return the instant, if present, readable and between the years 0 and 9999
   */
  public static Optional<Instant> instant(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (v.isNumber()) {
      return number(node, field).flatMap(n -> {
        BigDecimal millis = n.compareTo(MILLIS_THRESHOLD) > 0 ? n : n.movePointRight(3);
        if (millis.compareTo(BigDecimal.valueOf(EARLIEST.toEpochMilli())) < 0
            || millis.compareTo(BigDecimal.valueOf(LATEST.toEpochMilli())) > 0) {
          return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(millis.longValue()));
      });
    }
    if (!v.isTextual()) return Optional.empty();
    String s = v.asText().trim();
    Instant t = utc(s);
    if (t != null) return t.isAfter(LATEST) ? Optional.empty() : Optional.of(t);
    try {
      t = Instant.parse(s);
    } catch (DateTimeException e) {
      try {
        t = OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeException e2) {
        return Optional.empty();
      }
    }
    return t.isBefore(EARLIEST) || t.isAfter(LATEST) ? Optional.empty() : Optional.of(t);
  }

  /**
   * The common form {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} read without a {@link java.time.format.DateTimeFormatter}
   * (whose general parser was about a tenth of webhook intake); anything else, including a leap second, an offset
   * or a lower-case {@code t}, returns null for the full parsers to decide.
   *
   * @param s the text
   * @return the instant (years 0000 to 9999), or null when the text is not exactly of that form
   */
  static Instant utc(String s) {
    int len = s.length();
    if (len < 20 || len > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':' || s.charAt(len - 1) != 'Z') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || day > Month.of(month).length(Year.isLeap(year))) {
      return null;
    }
    int nanos = 0;
    if (len > 20) {
      int fraction = len - 21;
      if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) return null;
      nanos = digits(s, 20, fraction);
      if (nanos < 0) return null;
      for (int i = fraction; i < 9; i++) nanos *= 10;
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** @return the number the digits at {@code from} spell, or -1 if any is not an ASCII digit */
  private static int digits(String s, int from, int count) {
    int n = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /**
   * Reads a size in bytes; anything else is dropped and logged at DEBUG.
   *
   * @param provider the provider id, for the log
   * @param node an object
   * @param field a field holding a number of bytes
   * @return the size, if present, not negative and within a {@code long}
   */
  public static Optional<Long> size(String provider, JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    Optional<Long> size = number(node, field).filter(n -> n.signum() >= 0 && n.compareTo(MAX_LONG) <= 0)
        .map(BigDecimal::longValue);
    if (size.isEmpty()) log.debug("{}: dropped {} from the snapshot: {} is not a size in bytes", provider, field, v);
    return size;
  }

  /**
   * Reads an absolute URL; anything else is dropped and logged at DEBUG (without its query string).
   *
   * @param provider the provider id, for the log
   * @param node an object
   * @param field a field holding an absolute URL
   * @return the URL, if present and an absolute URI
   */
  public static Optional<URI> url(String provider, JsonNode node, String field) {
    return text(node, field).flatMap(t -> absoluteUrl(provider, field, t));
  }

  /**
   * Reads an absolute URL found in a field; anything else is dropped and logged at DEBUG (without its query string).
   *
   * @param provider the provider id, for the log
   * @param field where the text was found, for the log
   * @param text the text
   * @return the URL, if the text is an absolute URI
   */
  public static Optional<URI> absoluteUrl(String provider, String field, String text) {
    try {
      URI u = new URI(text.trim());
      if (u.isAbsolute()) return Optional.of(u);
    } catch (URISyntaxException e) {
      // dropped below
    }
    log.debug("{}: dropped {} from the snapshot: {} is not an absolute URL", provider, field, AdapterSupport.redactUrl(text));
    return Optional.empty();
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
