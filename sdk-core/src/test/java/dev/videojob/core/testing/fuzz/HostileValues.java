package dev.videojob.core.testing.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Values that break parsers: numbers out of every range, timestamps past the ends of time, URLs and
 * ids a path or a URI parser chokes on, and strings with control characters, surrogates and odd
 * unicode. The JSON ones are raw JSON tokens (written into a document as they are), so a number can be
 * {@code 1e309} and a string can hold a lone surrogate escape.
 */
public final class HostileValues {
  private HostileValues() {}

  /** Raw JSON numbers (and a few tokens that only look like numbers, which are not JSON at all). */
  public static final List<String> NUMBERS = List.of(
      "1e309", "-1e309", "1e-400", "-1e-400", "1E400", "1e999999999", "-1", "0", "-0", "-0.0", "0.5", "1", "2",
      "100", "101", "250", "1e2", "1e20", "-1e20",
      "2147483647", "2147483648", "-2147483649",
      "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
      "18446744073709551616", "123456789012345678901234567890123456789",
      "1.7976931348623157e308", "4.9e-324", "12345678901234567890e-10", "0.000000000000000000000000001",
      "9".repeat(999), "NaN", "Infinity", "-Infinity", "0x10", "+1", "01", ".5", "1.");

  /** Raw JSON strings that hold numbers, as providers sometimes send them. */
  public static final List<String> NUMERIC_STRINGS = List.of(
      "\"1e309\"", "\"-1e309\"", "\"1e999999999\"", "\"-1e999999999\"", "\"NaN\"", "\"Infinity\"",
      "\"-Infinity\"", "\"-1\"", "\"0x1F\"", "\" 42 \"", "\"9223372036854775808\"", "\"1e-400\"", "\"\"",
      "\"12abc\"", "\"\u0661\u0662\u0663\"");

  /** Raw JSON timestamps: ISO-8601 at and past the ends of {@code Instant}, epoch numbers out of range, nonsense. */
  public static final List<String> TIMESTAMPS = List.of(
      "\"9999-12-31T23:59:59Z\"", "\"+1000000000-01-01T00:00:00Z\"", "\"-1000000000-01-01T00:00:00Z\"",
      "\"+999999999-12-31T23:59:59.999999999Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"",
      "\"0000-01-01T00:00:00Z\"", "\"2026-02-30T25:61:61Z\"", "\"2026-03-10T14:23:01+99:00\"",
      "\"2026-03-10T14:23:01.1234567891Z\"", "\"2026-03-10\"", "\"yesterday\"", "\"\"",
      "-9223372036854775808", "9223372036854775807", "253402300800", "100000000001", "-100000000000000000",
      "-31557014167219201", "31556889864403200", "1e20", "-1e20", "1e309", "-1", "0");

  /** URLs with spaces, illegal characters, odd schemes, bad ports, huge lengths and relative forms. */
  public static final List<String> URLS = List.of(
      "http://exa mple.com/a b.mp4", "https://cdn.example.com/v.mp4?sig=a b", "https://[::1", "http://%zz/",
      "https://h:99999/x", "https://h:-1/", "javascript:alert(1)", "//cdn.example.com/x.mp4",
      "/api/download/../../../etc/passwd", "relative/path.mp4", "file:///etc/passwd", "ftp://x/y",
      "http://169.254.169.254/latest/meta-data", "https://cdn.example.com/" + "a".repeat(10_000),
      "https://\u00fcn\u00efc\u00f6d\u00e9.example/\u0432\u0438\u0434\u0435\u043e.mp4", "https://example.com/\u0000",
      "https://user:pass@example.com/x", "http://", "https:", "::", " ", "https://example.com/%",
      "https://example.com/#a#b", "https://example.com/x\ny", "mailto:a@b", "https://example.com/a?x=%E0%A4%A",
      "HTTPS://EXAMPLE.COM/V.MP4", "https://example.com:0/", "https://-.example/", "https://a..b/",
      "http://[fe80::1%25eth0]/x", "https://example.com/\u202Egpj.exe");

  /** Job and delivery ids with separators, traversal, reserved URL characters, unicode and control characters. */
  public static final List<String> IDS = List.of(
      "~", "a~b", "a~b~c", "~x", "x~", "../../etc", "..", ".", "/", "a/b", "a/../b", "%2e%2e", "%2F", "a?b=c",
      "a#b", "a b", "a+b", "a%b", "a\u0000b", "\uD83C\uDFAC", "\u89C6\u9891", "\u202Eevil", "a\tb", "a\nb",
      "x".repeat(10_000), "null", "undefined", "0", "-1", "'", "\"", "\\", "${jndi:ldap://x}", "<script>");

  /** Plain strings that are hostile anywhere. */
  public static final List<String> STRINGS = List.of(
      "", " ", "\t\r\n", "\u0007", "\u007f", "\uFEFF", "\u2028", "%s%n%x", "{}", "[]", "null", "true",
      "\uD83D\uDE00\uD83D\uDE00", "\u0301\u0301\u0301", "A\u030A", "I\u0307", "\u0130", "\u00DF");

  /** Raw JSON strings Java cannot write itself: lone and reversed surrogates, bad escapes. */
  public static final List<String> RAW_STRINGS = List.of(
      "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"a\\u0000b\"", "\"\\uFFFF\"", "\"\\uD83C\"", "\"\\x41\"",
      "\"\\u12\"", "\"unterminated");

  /** Status words from every provider's vocabulary, so a mutation can steer a body into another state. */
  public static final List<String> STATUS_WORDS = List.of(
      "queued", "pending", "processing", "running", "in_progress", "started", "preparing", "rendering",
      "encoding", "finishing", "upscaling", "transcribing_audio", "completed", "complete", "succeeded", "success",
      "done", "failed", "failure", "error", "canceled", "cancelled", "expired", "nsfw", "timeout", "unknown",
      "video.script_ready", "video.media_ready", "video.generation_failed", "render.started", "render.completed",
      "render.failed", "shorts.completed", "shorts.failed", "video.generation.completed", "video.generation.failed",
      "COMPLETED", "Failed", "Rendering");

  /** Bytes that are not UTF-8: bad starts, overlong forms, encoded surrogates, truncated sequences. */
  public static final List<byte[]> INVALID_UTF8 = List.of(
      new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE, (byte) 0xFF},
      new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      new byte[] {(byte) 0x80}, new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, new byte[] {0x00});

  /** Whole documents that are not the object a parser expects. */
  public static final List<String> DOCUMENTS = List.of(
      "", " ", "null", "true", "0", "-1", "1e309", "\"x\"", "[]", "[{}]", "{}", "{", "}", "[", "{\"a\":", "{\"a\"}",
      "{\"a\":1,}", "{'a':1}", "{a:1}", "\uFEFF{}", "{}{}", "{} garbage", "<html>502 Bad Gateway</html>",
      "{\"a\":1}\u0000", "\u0000", "undefined");

  /**
   * @param r the random source
   * @param values the values
   * @param <T> the value type
   * @return one of the values
   */
  public static <T> T pick(SplittableRandom r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  /**
   * A JSON string token for a Java string, escaped as JSON requires.
   *
   * @param s the string
   * @return the quoted, escaped token
   */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': b.append("\\\""); break;
        case '\\': b.append("\\\\"); break;
        case '\n': b.append("\\n"); break;
        case '\r': b.append("\\r"); break;
        case '\t': b.append("\\t"); break;
        default:
          if (c < 0x20 || Character.isSurrogate(c)) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /**
   * Nested arrays or objects, as raw JSON.
   *
   * @param depth how many levels
   * @param objects objects ({@code {"a":...}}) rather than arrays
   * @return the raw JSON
   */
  public static String nested(int depth, boolean objects) {
    StringBuilder b = new StringBuilder(depth * (objects ? 6 : 2) + 2);
    for (int i = 0; i < depth; i++) b.append(objects ? "{\"a\":" : "[");
    b.append("1");
    for (int i = 0; i < depth; i++) b.append(objects ? '}' : ']');
    return b.toString();
  }
}
