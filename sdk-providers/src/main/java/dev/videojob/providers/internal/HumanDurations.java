package dev.videojob.providers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations providers write for people rather than programs: {@code "7 days"},
 * {@code "180s"}, {@code "3-15 minutes"} (the lower bound is taken), {@code "1h"}, or a bare
 * number of seconds. Anything else, a negative or a duration too long for {@link Duration}, reads as empty.
 */
public final class HumanDurations {
  private static final Pattern TEXT = Pattern.compile(
      "\\s*(\\d+(?:\\.\\d+)?)(?:\\s*-\\s*\\d+(?:\\.\\d+)?)?\\s*([a-z]*)\\s*", Pattern.CASE_INSENSITIVE);

  private HumanDurations() {}

  /**
   * @param node an object
   * @param field a field holding seconds (a number) or a duration in words
   * @return the duration, if present and readable
   */
  public static Optional<Duration> read(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (v.isNumber()) return Json.number(node, field).flatMap(Json::ofSeconds);
    return v.isTextual() ? parse(v.asText()) : Optional.empty();
  }

  /**
   * @param text such as {@code "7 days"}, {@code "180s"}, {@code "3-15 minutes"} or {@code "3600"}
   * @return the duration (the lower bound of a range), if readable
   */
  public static Optional<Duration> parse(String text) {
    if (text == null) return Optional.empty();
    Matcher m = TEXT.matcher(text);
    if (!m.matches()) return Optional.empty();
    BigDecimal n = new BigDecimal(m.group(1));
    BigDecimal unit;
    switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "", "s", "sec", "secs", "second", "seconds" -> unit = BigDecimal.ONE;
      case "m", "min", "mins", "minute", "minutes" -> unit = BigDecimal.valueOf(60);
      case "h", "hr", "hrs", "hour", "hours" -> unit = BigDecimal.valueOf(3600);
      case "d", "day", "days" -> unit = BigDecimal.valueOf(86_400);
      case "w", "week", "weeks" -> unit = BigDecimal.valueOf(604_800);
      default -> {
        return Optional.empty();
      }
    }
    return Json.ofSeconds(n.multiply(unit));
  }
}
