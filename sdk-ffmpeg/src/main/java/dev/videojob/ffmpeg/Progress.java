package dev.videojob.ffmpeg;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One progress report from {@code ffmpeg -progress}. FFmpeg reports {@code N/A} for values it does
 * not know yet; those are -1 (counts), {@code NaN} (rates) or {@link Duration#ZERO} (time) here.
 *
 * @param frame frames written so far, or -1
 * @param fps the current encoding speed in frames per second, or NaN
 * @param outTime how much of the output has been written, in media time
 * @param totalSizeBytes bytes written so far, or -1
 * @param speed encoding speed relative to real time (2.0 is twice as fast), or NaN
 * @param fraction {@code outTime} divided by the input's duration, 0.0 to 1.0, or NaN when the duration is unknown
 * @param finished whether this is ffmpeg's last report ({@code progress=end})
 * @param raw every key and value of this report as ffmpeg wrote it, including keys this type does not model
 */
public record Progress(long frame, double fps, Duration outTime, long totalSizeBytes, double speed,
    double fraction, boolean finished, Map<String, String> raw) {

  /**
   * Copies the values.
   *
   * @param frame frames written so far, or -1
   * @param fps the current encoding speed in frames per second, or NaN
   * @param outTime how much of the output has been written, in media time
   * @param totalSizeBytes bytes written so far, or -1
   * @param speed encoding speed relative to real time (2.0 is twice as fast), or NaN
   * @param fraction {@code outTime} divided by the input's duration, 0.0 to 1.0, or NaN when the duration is unknown
   * @param finished whether this is ffmpeg's last report ({@code progress=end})
   * @param raw every key and value of this report as ffmpeg wrote it, including keys this type does not model
   * @throws NullPointerException when outTime or raw is null
   */
  public Progress {
    Objects.requireNonNull(outTime, "outTime == null");
    raw = Map.copyOf(Objects.requireNonNull(raw, "raw == null"));
  }
}
