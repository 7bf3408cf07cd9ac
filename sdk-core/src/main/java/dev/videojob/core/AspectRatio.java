package dev.videojob.core;

/**
 * A frame aspect ratio such as 9:16, kept in lowest terms.
 *
 * <p>The common ones are constants; any other is {@link #of(int, int)} or {@link #parse(String)}.
 *
 * @param width the horizontal part, at least 1
 * @param height the vertical part, at least 1
 */
public record AspectRatio(int width, int height) {
  /** 9:16, vertical (TikTok, Reels, Shorts). */
  public static final AspectRatio PORTRAIT_9_16 = new AspectRatio(9, 16);
  /** 4:5, vertical feed posts. */
  public static final AspectRatio PORTRAIT_4_5 = new AspectRatio(4, 5);
  /** 1:1, square. */
  public static final AspectRatio SQUARE_1_1 = new AspectRatio(1, 1);
  /** 4:3. */
  public static final AspectRatio LANDSCAPE_4_3 = new AspectRatio(4, 3);
  /** 16:9, landscape (YouTube, web). */
  public static final AspectRatio LANDSCAPE_16_9 = new AspectRatio(16, 9);
  /** 21:9, cinematic. */
  public static final AspectRatio CINEMA_21_9 = new AspectRatio(21, 9);

  /**
   * Creates a ratio, reduced to lowest terms.
   *
   * @param width the horizontal part, at least 1
   * @param height the vertical part, at least 1
   * @throws IllegalArgumentException if either part is less than 1
   */
  public AspectRatio {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("aspect ratio parts must be >= 1, got " + width + ":" + height);
    }
    int g = gcd(width, height);
    width /= g;
    height /= g;
  }

  /**
   * Returns the ratio {@code width:height} in lowest terms.
   *
   * @param width the horizontal part, at least 1
   * @param height the vertical part, at least 1
   * @return the ratio
   * @throws IllegalArgumentException if either part is less than 1
   */
  public static AspectRatio of(int width, int height) {
    return new AspectRatio(width, height);
  }

  /**
   * Parses {@code "9:16"} (also {@code "9x16"} and {@code "9/16"}).
   *
   * @param text the ratio as text
   * @return the ratio
   * @throws IllegalArgumentException if the text is not two positive integers with a separator
   */
  public static AspectRatio parse(String text) {
    if (text != null) {
      String[] parts = text.trim().split("[:x/]", -1);
      if (parts.length == 2) {
        try {
          return new AspectRatio(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException ignored) {
          // fall through to the error below
        }
      }
    }
    throw new IllegalArgumentException("not an aspect ratio (expected W:H such as 9:16): " + text);
  }

  /**
   * The ratio as a number, width divided by height (0.5625 for 9:16).
   *
   * @return width / height
   */
  public double value() {
    return (double) width / height;
  }

  /**
   * Whether the frame is taller than wide.
   *
   * @return true for vertical ratios
   */
  public boolean isPortrait() {
    return height > width;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** Returns {@code "W:H"}, the form providers take. */
  @Override
  public String toString() {
    return width + ":" + height;
  }
}
