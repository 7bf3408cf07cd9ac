package dev.videojob.ffmpeg.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the listings of {@code ffmpeg -version}, {@code -encoders}, {@code -filters} and {@code -muxers} (5.1 to 8.x). */
public final class CapabilityParser {
  private static final Pattern VERSION = Pattern.compile("version\\s+(\\S+)");
  private static final Pattern MAJOR = Pattern.compile("^n?(\\d+)\\.");
  private static final Pattern FILTER = Pattern.compile("^\\s*[A-Z.|]{3}\\s+(\\S+)\\s+\\S+->\\S+");

  private CapabilityParser() {}

  /** @param versionOutput output of {@code ffmpeg -version} @return the version text, or "unknown" */
  public static String version(String versionOutput) {
    Matcher m = VERSION.matcher(versionOutput);
    return m.find() ? m.group(1) : "unknown";
  }

  /** @param version the version text @return its major number, or 0 */
  public static int majorVersion(String version) {
    Matcher m = MAJOR.matcher(version);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /**
   * Names from a listing whose entries follow a dashed separator line ({@code -encoders}, {@code -muxers}).
   *
   * @param listing the tool's output
   * @param requiredFlag a flag letter the first column must contain (E for muxers), or 0 for any
   * @return the names
   */
  public static Set<String> namesAfterSeparator(String listing, char requiredFlag) {
    Set<String> names = new LinkedHashSet<>();
    boolean body = false;
    for (String line : listing.split("\\R")) {
      String t = line.trim();
      if (!body) {
        body = !t.isEmpty() && t.chars().allMatch(c -> c == '-');
        continue;
      }
      String[] cols = t.split("\\s+");
      if (cols.length < 2) continue;
      if (requiredFlag != 0 && cols[0].indexOf(requiredFlag) < 0) continue;
      names.add(cols[1]);
    }
    return names;
  }

  /** @param listing output of {@code ffmpeg -filters} @return the filter names */
  public static Set<String> filters(String listing) {
    Set<String> names = new LinkedHashSet<>();
    for (String line : listing.split("\\R")) {
      Matcher m = FILTER.matcher(line);
      if (m.find()) names.add(m.group(1));
    }
    return names;
  }
}
