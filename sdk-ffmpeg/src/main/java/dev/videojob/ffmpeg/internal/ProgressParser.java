package dev.videojob.ffmpeg.internal;

import dev.videojob.ffmpeg.Progress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the {@code key=value} lines of {@code ffmpeg -progress} into {@link Progress} reports, one per
 * block (a block ends with a {@code progress=} line). Tolerates {@code N/A}, unknown keys and junk
 * lines. Not thread-safe: one parser per stream.
 */
public final class ProgressParser {
  private final Duration inputDuration;
  private final Map<String, String> block = new LinkedHashMap<>();

  /** @param inputDuration the input's duration for {@link Progress#fraction()}, or zero when unknown */
  public ProgressParser(Duration inputDuration) {
    this.inputDuration = inputDuration == null ? Duration.ZERO : inputDuration;
  }

  /**
   * Feeds one line.
   *
   * @param line a line from ffmpeg's stdout
   * @return the finished report when the line ends a block, else null
   */
  public Progress feed(String line) {
    int eq = line.indexOf('=');
    if (eq <= 0) return null;
    String key = line.substring(0, eq).trim();
    String value = line.substring(eq + 1).trim();
    block.put(key, value);
    if (!key.equals("progress")) return null;
    Progress p = toProgress(block);
    block.clear();
    return p;
  }

  private Progress toProgress(Map<String, String> b) {
    long frame = parseLong(b.get("frame"));
    double fps = parseDouble(b.get("fps"));
    long outUs = parseLong(b.get("out_time_us"));
    if (outUs < 0) outUs = parseLong(b.get("out_time_ms")); // microseconds too, despite the name
    if (outUs < 0) outUs = parseClock(b.get("out_time"));
    Duration outTime = outUs > 0 ? Duration.ofNanos(outUs * 1000) : Duration.ZERO;
    long size = parseLong(b.get("total_size"));
    String speedText = b.get("speed");
    double speed = speedText == null ? Double.NaN : parseDouble(speedText.replace("x", ""));
    boolean finished = "end".equals(b.get("progress"));
    double fraction = Double.NaN;
    if (!inputDuration.isZero()) {
      fraction = finished ? 1.0 : Math.min(1.0, (double) outTime.toNanos() / inputDuration.toNanos());
    }
    return new Progress(frame, fps, outTime, size, speed, fraction, finished, b);
  }

  private static long parseLong(String s) {
    if (s == null) return -1;
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static double parseDouble(String s) {
    if (s == null) return Double.NaN;
    try {
      double d = Double.parseDouble(s.trim());
      return Double.isFinite(d) ? d : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Parses {@code HH:MM:SS.micros}; -1 when it is not that. */
  private static long parseClock(String s) {
    if (s == null || s.startsWith("-")) return -1;
    String[] parts = s.split(":");
    if (parts.length != 3) return -1;
    try {
      long h = Long.parseLong(parts[0]);
      long m = Long.parseLong(parts[1]);
      double sec = Double.parseDouble(parts[2]);
      return (long) (((h * 60 + m) * 60 + sec) * 1_000_000L);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
