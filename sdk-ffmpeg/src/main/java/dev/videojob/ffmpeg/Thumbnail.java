package dev.videojob.ffmpeg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A still image taken from the input at a time or at a fraction of its duration, optionally
 * scaled to a width (the height keeps the source's aspect ratio). JPEG or PNG, by file extension.
 *
 * @param output where the image goes ({@code .jpg}, {@code .jpeg} or {@code .png})
 * @param at the time, or null when {@code fraction} is used
 * @param fraction the position as a fraction of the duration (0.0 to 1.0), or NaN when {@code at} is used
 * @param width the width in pixels, or 0 for the source's
 */
public record Thumbnail(Path output, Duration at, double fraction, int width) {

  /**
   * Checks the values.
   *
   * @param output where the image goes ({@code .jpg}, {@code .jpeg} or {@code .png})
   * @param at the time, or null when {@code fraction} is used
   * @param fraction the position as a fraction of the duration (0.0 to 1.0), or NaN when {@code at} is used
   * @param width the width in pixels, or 0 for the source's
   * @throws IllegalArgumentException when neither or both positions are set, a value is out of range,
   *     or the extension is not jpg, jpeg or png
   */
  public Thumbnail {
    Objects.requireNonNull(output, "output == null");
    if ((at == null) == Double.isNaN(fraction)) {
      throw new IllegalArgumentException("set exactly one of at or fraction");
    }
    if (at != null && at.isNegative()) throw new IllegalArgumentException("at must be >= 0, got " + at);
    if (!Double.isNaN(fraction) && (fraction < 0 || fraction > 1)) {
      throw new IllegalArgumentException("fraction must be 0.0..1.0, got " + fraction);
    }
    if (width < 0 || width == 1) throw new IllegalArgumentException("width must be 0 (source) or >= 2, got " + width);
    String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!(name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png"))) {
      throw new IllegalArgumentException("thumbnail must be .jpg, .jpeg or .png: " + output);
    }
  }

  /**
   * A thumbnail at a time.
   *
   * @param at how far into the input
   * @param output where the image goes
   * @return the thumbnail, at the source's size
   */
  public static Thumbnail at(Duration at, Path output) {
    return new Thumbnail(output, Objects.requireNonNull(at, "at == null"), Double.NaN, 0);
  }

  /**
   * A thumbnail at a fraction of the duration (0.5 is the middle).
   *
   * @param fraction 0.0 to 1.0
   * @param output where the image goes
   * @return the thumbnail, at the source's size
   */
  public static Thumbnail atFraction(double fraction, Path output) {
    if (Double.isNaN(fraction)) throw new IllegalArgumentException("fraction is NaN");
    return new Thumbnail(output, null, fraction, 0);
  }

  /**
   * The same thumbnail scaled to a width.
   *
   * @param width pixels, at least 2
   * @return a copy with the width
   */
  public Thumbnail withWidth(int width) {
    if (width < 2) throw new IllegalArgumentException("width must be >= 2, got " + width);
    return new Thumbnail(output, at, fraction, width);
  }

  /** @return the time, if given as a time */
  public Optional<Duration> time() {
    return Optional.ofNullable(at);
  }

  /** @return whether the image is PNG (else JPEG) */
  public boolean isPng() {
    return output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
  }
}
