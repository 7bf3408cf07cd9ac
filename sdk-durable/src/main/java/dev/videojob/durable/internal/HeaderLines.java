package dev.videojob.durable.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the headers a webhook format read as text, one {@code name:value} line per value, and reads them
 * back. Backslash, carriage return and line feed in a value are escaped, so any value survives.
 */
public final class HeaderLines {
  private HeaderLines() {}

  /**
   * @param headers lower-case name to values
   * @return the text
   */
  public static String encode(Map<String, List<String>> headers) {
    StringBuilder b = new StringBuilder();
    headers.forEach((name, values) -> {
      for (String v : values) {
        if (b.length() > 0) b.append('\n');
        b.append(escape(name)).append(':').append(escape(v));
      }
    });
    return b.toString();
  }

  /**
   * @param text what {@link #encode} wrote
   * @return name to values, in the order written
   */
  public static Map<String, List<String>> decode(String text) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) return out;
    for (String line : text.split("\n", -1)) {
      int colon = line.indexOf(':');
      if (colon < 0) continue;
      out.computeIfAbsent(unescape(line.substring(0, colon)), k -> new ArrayList<>()).add(unescape(line.substring(colon + 1)));
    }
    return out;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace(":", "\\c");
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) return s;
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        b.append(c);
        continue;
      }
      char n = s.charAt(++i);
      b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n == 'c' ? ':' : n);
    }
    return b.toString();
  }
}
