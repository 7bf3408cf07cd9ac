package dev.videojob.ffmpeg;

import dev.videojob.core.AspectRatio;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One video file a plan produces: its frame (aspect ratio, size, fit), codec, quality, audio and
 * container. Build with {@link #builder(Path)} or start from a platform with
 * {@link #forPreset(DeliveryPreset, Path)}.
 *
 * <p>Size: with both width and height the frame is exactly that; with one of them the other follows
 * from the aspect ratio (the source's when none is set); with neither, the frame is the largest of
 * the aspect ratio that fits inside the source (no upscaling). Sizes are rounded to even numbers.
 */
public final class Rendition {
  private final Path output;
  private final AspectRatio aspectRatio;
  private final int width;
  private final int height;
  private final FitMode fit;
  private final VideoCodec videoCodec;
  private final Quality quality;
  private final EncoderSpeed speed;
  private final AudioCodec audioCodec;
  private final long audioBitRate;
  private final Container container;
  private final double minFrameRate;
  private final double maxFrameRate;
  private final Duration minDuration;
  private final Duration maxDuration;

  private Rendition(Builder b) {
    this.output = b.output;
    this.aspectRatio = b.aspectRatio;
    this.width = b.width;
    this.height = b.height;
    this.fit = b.fit;
    this.videoCodec = b.videoCodec;
    this.quality = b.quality != null ? b.quality : Quality.crf(b.videoCodec.defaultCrf());
    this.speed = b.speed;
    this.audioCodec = b.audioCodec;
    this.audioBitRate = b.audioBitRate > 0 ? b.audioBitRate : (b.audioCodec == AudioCodec.OPUS ? 96_000 : 128_000);
    this.container = b.container != null ? b.container
        : output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".webm") ? Container.WEBM : Container.MP4;
    this.minFrameRate = b.minFrameRate;
    this.maxFrameRate = b.maxFrameRate;
    this.minDuration = b.minDuration;
    this.maxDuration = b.maxDuration;
  }

  /**
   * Starts a rendition written to a file.
   *
   * @param output where the file goes; it appears there (replacing any file already there) only when
   *     the whole run succeeds
   * @return a builder with H.264, CRF 23, AAC 128 kb/s, MP4 (WebM for a {@code .webm} name), crop fit
   */
  public static Builder builder(Path output) {
    return new Builder(output);
  }

  /**
   * Starts a rendition that meets a platform's delivery spec: its container, H.264 and AAC, its
   * recommended aspect ratio and size with a blurred-background fit (no black bars), its frame-rate
   * range, its maximum bit rate as a cap, and its duration range (longer input is cut, shorter
   * input is held on its last frame).
   *
   * @param preset the platform
   * @param output where the file goes
   * @return a builder; change what you need, keeping within the preset
   */
  public static Builder forPreset(DeliveryPreset preset, Path output) {
    Objects.requireNonNull(preset, "preset == null");
    Builder b = new Builder(output)
        .container(preset.container())
        .videoCodec(VideoCodec.H264)
        .audio(AudioCodec.AAC)
        .aspectRatio(preset.recommendedAspectRatio())
        .size(preset.recommendedWidth(), preset.recommendedHeight())
        .fit(FitMode.BLUR_PAD)
        .frameRateRange(preset.minFrameRate(), preset.maxFrameRate())
        .durationRange(preset.minDuration(), preset.maxDuration());
    if (preset.maxVideoBitRate() > 0) b.quality(Quality.crf(VideoCodec.H264.defaultCrf()).withMaxRate(preset.maxVideoBitRate()));
    return b;
  }

  /** @return where the file goes */
  public Path output() {
    return output;
  }

  /** @return the frame's aspect ratio, empty to keep the source's */
  public Optional<AspectRatio> aspectRatio() {
    return Optional.ofNullable(aspectRatio);
  }

  /** @return the requested width in pixels, or 0 when derived */
  public int width() {
    return width;
  }

  /** @return the requested height in pixels, or 0 when derived */
  public int height() {
    return height;
  }

  /** @return how the source is fitted into the frame */
  public FitMode fit() {
    return fit;
  }

  /** @return the video codec */
  public VideoCodec videoCodec() {
    return videoCodec;
  }

  /** @return the quality (the codec's default CRF when none was set) */
  public Quality quality() {
    return quality;
  }

  /** @return the speed/compression trade-off */
  public EncoderSpeed speed() {
    return speed;
  }

  /** @return the audio codec, {@link AudioCodec#NONE} for a silent file */
  public AudioCodec audioCodec() {
    return audioCodec;
  }

  /** @return the audio bit rate in bits per second */
  public long audioBitRate() {
    return audioBitRate;
  }

  /** @return the container */
  public Container container() {
    return container;
  }

  /** @return the lowest frame rate; a slower source is converted up to it; 0 for no minimum */
  public double minFrameRate() {
    return minFrameRate;
  }

  /** @return the highest frame rate; a faster source is converted down to it; 0 for no maximum */
  public double maxFrameRate() {
    return maxFrameRate;
  }

  /** @return the shortest duration (a shorter source is held on its last frame), if set */
  public Optional<Duration> minDuration() {
    return Optional.ofNullable(minDuration);
  }

  /** @return the longest duration (a longer source is cut), if set */
  public Optional<Duration> maxDuration() {
    return Optional.ofNullable(maxDuration);
  }

  @Override
  public String toString() {
    return "Rendition{" + output.getFileName() + ", " + (aspectRatio == null ? "source aspect" : aspectRatio)
        + ", " + width + "x" + height + ", " + fit + ", " + videoCodec + ", " + audioCodec + ", " + container + "}";
  }

  /** Builds a {@link Rendition}; not thread-safe. */
  public static final class Builder {
    private final Path output;
    private AspectRatio aspectRatio;
    private int width;
    private int height;
    private FitMode fit = FitMode.CROP;
    private VideoCodec videoCodec = VideoCodec.H264;
    private Quality quality;
    private EncoderSpeed speed = EncoderSpeed.BALANCED;
    private AudioCodec audioCodec = AudioCodec.AAC;
    private long audioBitRate;
    private Container container;
    private double minFrameRate;
    private double maxFrameRate;
    private Duration minDuration;
    private Duration maxDuration;

    private Builder(Path output) {
      this.output = Objects.requireNonNull(output, "output == null");
      if (output.getFileName() == null) throw new IllegalArgumentException("output must name a file: " + output);
    }

    /**
     * Sets the frame's aspect ratio. Default: the source's.
     *
     * @param ratio the ratio, such as {@link AspectRatio#PORTRAIT_9_16}
     * @return this builder
     */
    public Builder aspectRatio(AspectRatio ratio) {
      this.aspectRatio = Objects.requireNonNull(ratio, "ratio == null");
      return this;
    }

    /**
     * Sets the exact frame size; the aspect ratio then follows from it unless set explicitly.
     *
     * @param width pixels, at least 2
     * @param height pixels, at least 2
     * @return this builder
     * @throws IllegalArgumentException when either is below 2
     */
    public Builder size(int width, int height) {
      if (width < 2 || height < 2) throw new IllegalArgumentException("size must be at least 2x2, got " + width + "x" + height);
      this.width = width;
      this.height = height;
      return this;
    }

    /**
     * Sets the height; the width follows from the aspect ratio.
     *
     * @param height pixels, at least 2
     * @return this builder
     * @throws IllegalArgumentException when below 2
     */
    public Builder height(int height) {
      if (height < 2) throw new IllegalArgumentException("height must be >= 2, got " + height);
      this.width = 0;
      this.height = height;
      return this;
    }

    /**
     * Sets the width; the height follows from the aspect ratio.
     *
     * @param width pixels, at least 2
     * @return this builder
     * @throws IllegalArgumentException when below 2
     */
    public Builder width(int width) {
      if (width < 2) throw new IllegalArgumentException("width must be >= 2, got " + width);
      this.width = width;
      this.height = 0;
      return this;
    }

    /**
     * Sets how a source of another shape is fitted. Default {@link FitMode#CROP}.
     *
     * @param fit the mode
     * @return this builder
     */
    public Builder fit(FitMode fit) {
      this.fit = Objects.requireNonNull(fit, "fit == null");
      return this;
    }

    /**
     * Sets the video codec. Default {@link VideoCodec#H264}.
     *
     * @param codec the codec
     * @return this builder
     */
    public Builder videoCodec(VideoCodec codec) {
      this.videoCodec = Objects.requireNonNull(codec, "codec == null");
      return this;
    }

    /**
     * Sets the quality. Default: CRF {@link VideoCodec#defaultCrf()} of the codec.
     *
     * @param quality CRF or bit rate, optionally capped
     * @return this builder
     */
    public Builder quality(Quality quality) {
      this.quality = Objects.requireNonNull(quality, "quality == null");
      return this;
    }

    /**
     * Sets the speed/compression trade-off. Default {@link EncoderSpeed#BALANCED}.
     *
     * @param speed the speed
     * @return this builder
     */
    public Builder speed(EncoderSpeed speed) {
      this.speed = Objects.requireNonNull(speed, "speed == null");
      return this;
    }

    /**
     * Sets the audio codec. Default {@link AudioCodec#AAC}; {@link AudioCodec#NONE} drops the sound.
     *
     * @param codec the codec
     * @return this builder
     */
    public Builder audio(AudioCodec codec) {
      this.audioCodec = Objects.requireNonNull(codec, "codec == null");
      return this;
    }

    /**
     * Sets the audio bit rate. Default 128 kb/s for AAC, 96 kb/s for Opus.
     *
     * @param bitsPerSecond more than 0
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder audioBitRate(long bitsPerSecond) {
      if (bitsPerSecond <= 0) throw new IllegalArgumentException("audioBitRate must be > 0, got " + bitsPerSecond);
      this.audioBitRate = bitsPerSecond;
      return this;
    }

    /**
     * Sets the container. Default: WebM when the file name ends in {@code .webm}, else MP4.
     *
     * @param container the container
     * @return this builder
     */
    public Builder container(Container container) {
      this.container = Objects.requireNonNull(container, "container == null");
      return this;
    }

    /**
     * Sets the frame rate exactly.
     *
     * @param fps frames per second, more than 0
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder frameRate(double fps) {
      return frameRateRange(fps, fps);
    }

    /**
     * Keeps the source frame rate when inside the range, else converts it to the nearer bound.
     *
     * @param min frames per second, 0 for no minimum
     * @param max frames per second, 0 for no maximum
     * @return this builder
     * @throws IllegalArgumentException when negative or min exceeds max
     */
    public Builder frameRateRange(double min, double max) {
      if (min < 0 || max < 0 || (max > 0 && min > max)) {
        throw new IllegalArgumentException("bad frame rate range " + min + ".." + max);
      }
      this.minFrameRate = min;
      this.maxFrameRate = max;
      return this;
    }

    /**
     * Keeps the source duration when inside the range; a longer source is cut at the maximum and a
     * shorter one is extended to the minimum by holding its last frame (and silence).
     *
     * @param min the shortest, or null for none
     * @param max the longest, or null for none
     * @return this builder
     * @throws IllegalArgumentException when negative or min exceeds max
     */
    public Builder durationRange(Duration min, Duration max) {
      if ((min != null && min.isNegative()) || (max != null && (max.isNegative() || max.isZero()))
          || (min != null && max != null && min.compareTo(max) > 0)) {
        throw new IllegalArgumentException("bad duration range " + min + ".." + max);
      }
      this.minDuration = min == null || min.isZero() ? null : min;
      this.maxDuration = max;
      return this;
    }

    /**
     * Builds the rendition.
     *
     * @return the rendition
     * @throws IllegalArgumentException when the container cannot carry the codecs (H.264 in WebM)
     */
    public Rendition build() {
      Rendition r = new Rendition(this);
      if (!r.container.allows(r.videoCodec)) {
        throw new IllegalArgumentException(r.container + " cannot carry " + r.videoCodec
            + "; use VP9 or AV1 for WebM, or choose MP4");
      }
      if (!r.container.allows(r.audioCodec)) {
        throw new IllegalArgumentException(r.container + " cannot carry " + r.audioCodec + " audio; use OPUS or NONE");
      }
      return r;
    }
  }
}
