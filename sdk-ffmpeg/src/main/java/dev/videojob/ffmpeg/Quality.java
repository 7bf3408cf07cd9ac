package dev.videojob.ffmpeg;

/**
 * How a video rendition spends bits: a constant rate factor (visual quality held constant) or a
 * target bit rate, either optionally capped by a maximum rate.
 *
 * @param crf the constant rate factor (lower is better; 0 to 63), or -1 when a bit rate is used
 * @param bitRate the target video bit rate in bits per second, or 0 when a CRF is used
 * @param maxRate the cap in bits per second (with a buffer of twice that), or 0 for none
 */
public record Quality(int crf, long bitRate, long maxRate) {

  /**
   * Checks the values.
   *
   * @param crf the constant rate factor (lower is better; 0 to 63), or -1 when a bit rate is used
   * @param bitRate the target video bit rate in bits per second, or 0 when a CRF is used
   * @param maxRate the cap in bits per second (with a buffer of twice that), or 0 for none
   * @throws IllegalArgumentException when neither or both of CRF and bit rate are set, or a value is out of range
   */
  public Quality {
    if ((crf >= 0) == (bitRate > 0)) {
      throw new IllegalArgumentException("set exactly one of crf (0..63) or bitRate (> 0), got crf="
          + crf + " bitRate=" + bitRate);
    }
    if (crf > 63) throw new IllegalArgumentException("crf must be 0..63, got " + crf);
    if (maxRate < 0) throw new IllegalArgumentException("maxRate must be >= 0, got " + maxRate);
    if (bitRate > 0 && maxRate > 0 && maxRate < bitRate) {
      throw new IllegalArgumentException("maxRate " + maxRate + " is below bitRate " + bitRate);
    }
  }

  /**
   * Constant quality.
   *
   * @param crf the constant rate factor, 0 to 63 (x264's useful range is 18 to 28)
   * @return the quality
   * @throws IllegalArgumentException when out of range
   */
  public static Quality crf(int crf) {
    if (crf < 0) throw new IllegalArgumentException("crf must be 0..63, got " + crf);
    return new Quality(crf, 0, 0);
  }

  /**
   * A target average bit rate.
   *
   * @param bitsPerSecond the video bit rate, more than 0
   * @return the quality
   * @throws IllegalArgumentException when not positive
   */
  public static Quality bitRate(long bitsPerSecond) {
    if (bitsPerSecond <= 0) throw new IllegalArgumentException("bitRate must be > 0, got " + bitsPerSecond);
    return new Quality(-1, bitsPerSecond, 0);
  }

  /**
   * The same quality capped at a maximum rate (for platforms with a bit rate limit).
   *
   * @param bitsPerSecond the cap, more than 0
   * @return a copy with the cap
   * @throws IllegalArgumentException when not positive or below the target bit rate
   */
  public Quality withMaxRate(long bitsPerSecond) {
    if (bitsPerSecond <= 0) throw new IllegalArgumentException("maxRate must be > 0, got " + bitsPerSecond);
    return new Quality(crf, bitRate, bitsPerSecond);
  }

  /** @return whether this is constant-quality (CRF) rather than a target bit rate */
  public boolean isCrf() {
    return crf >= 0;
  }
}
