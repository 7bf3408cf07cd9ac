package dev.videojob.ffmpeg;

import dev.videojob.core.AspectRatio;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An adaptive-bit-rate package written into its own directory: HLS (a master playlist
 * {@code master.m3u8} over one media playlist per ladder step, MPEG-TS segments) or DASH
 * ({@code manifest.mpd} with fMP4 segments). Keyframes are forced at every segment boundary so
 * the steps switch cleanly. The directory appears only when the whole run succeeds.
 */
public final class AdaptiveStream {
  /** The packaging format. */
  public enum Format {
    /** Apple HTTP Live Streaming. */
    HLS("master.m3u8"),
    /** MPEG-DASH. */
    DASH("manifest.mpd");

    private final String manifestName;

    Format(String manifestName) {
      this.manifestName = manifestName;
    }

    /** @return the name of the top-level manifest in the directory */
    public String manifestName() {
      return manifestName;
    }
  }

  /**
   * One rung of the ladder.
   *
   * @param height the frame height in pixels (the width follows from the aspect ratio)
   * @param videoBitRate the target video bit rate in bits per second; the cap is 1.5 times this
   */
  public record Step(int height, long videoBitRate) {
    /**
     * Checks the values.
     *
     * @param height the frame height in pixels (the width follows from the aspect ratio)
     * @param videoBitRate the target video bit rate in bits per second; the cap is 1.5 times this
     * @throws IllegalArgumentException when the height is below 2 or the bit rate not positive
     */
    public Step {
      if (height < 2) throw new IllegalArgumentException("height must be >= 2, got " + height);
      if (videoBitRate <= 0) throw new IllegalArgumentException("videoBitRate must be > 0, got " + videoBitRate);
    }
  }

  private final Format format;
  private final Path directory;
  private final List<Step> steps;
  private final Duration segmentDuration;
  private final AspectRatio aspectRatio;
  private final FitMode fit;
  private final AudioCodec audioCodec;
  private final EncoderSpeed speed;

  private AdaptiveStream(Builder b) {
    this.format = b.format;
    this.directory = b.directory;
    this.steps = List.copyOf(b.steps);
    this.segmentDuration = b.segmentDuration;
    this.aspectRatio = b.aspectRatio;
    this.fit = b.fit;
    this.audioCodec = b.audioCodec;
    this.speed = b.speed;
  }

  /**
   * Starts an HLS package.
   *
   * @param directory the directory to create; it must not exist or be empty
   * @return a builder (H.264 + AAC, 4 s segments, the source's aspect ratio)
   */
  public static Builder hls(Path directory) {
    return new Builder(Format.HLS, directory);
  }

  /**
   * Starts a DASH package.
   *
   * @param directory the directory to create; it must not exist or be empty
   * @return a builder (H.264 + AAC, 4 s segments, the source's aspect ratio)
   */
  public static Builder dash(Path directory) {
    return new Builder(Format.DASH, directory);
  }

  /** @return HLS or DASH */
  public Format format() {
    return format;
  }

  /** @return the directory the package is written to */
  public Path directory() {
    return directory;
  }

  /** @return the ladder, as added */
  public List<Step> steps() {
    return steps;
  }

  /** @return the target segment length */
  public Duration segmentDuration() {
    return segmentDuration;
  }

  /** @return the frame's aspect ratio, empty to keep the source's */
  public Optional<AspectRatio> aspectRatio() {
    return Optional.ofNullable(aspectRatio);
  }

  /** @return how the source is fitted into the frame */
  public FitMode fit() {
    return fit;
  }

  /** @return the audio codec: AAC, or NONE for video only */
  public AudioCodec audioCodec() {
    return audioCodec;
  }

  /** @return the speed/compression trade-off */
  public EncoderSpeed speed() {
    return speed;
  }

  /** @return the path of the top-level manifest once written */
  public Path manifest() {
    return directory.resolve(format.manifestName());
  }

  /** Builds an {@link AdaptiveStream}; not thread-safe. */
  public static final class Builder {
    private final Format format;
    private final Path directory;
    private final List<Step> steps = new ArrayList<>();
    private Duration segmentDuration = Duration.ofSeconds(4);
    private AspectRatio aspectRatio;
    private FitMode fit = FitMode.CROP;
    private AudioCodec audioCodec = AudioCodec.AAC;
    private EncoderSpeed speed = EncoderSpeed.BALANCED;

    private Builder(Format format, Path directory) {
      this.format = format;
      this.directory = Objects.requireNonNull(directory, "directory == null");
      String text = directory.toString();
      if (text.contains("%") || text.contains("$")) {
        throw new IllegalArgumentException("the directory path must not contain % or $ (FFmpeg templates): " + directory);
      }
    }

    /**
     * Adds a rung to the ladder.
     *
     * @param height frame height in pixels
     * @param videoBitRate target bits per second
     * @return this builder
     */
    public Builder step(int height, long videoBitRate) {
      steps.add(new Step(height, videoBitRate));
      return this;
    }

    /**
     * Sets the target segment length. Default 4 s.
     *
     * @param duration at least one second
     * @return this builder
     * @throws IllegalArgumentException when shorter than a second
     */
    public Builder segmentDuration(Duration duration) {
      if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("segmentDuration must be >= 1 s, got " + duration);
      }
      this.segmentDuration = duration;
      return this;
    }

    /**
     * Sets the frame's aspect ratio. Default: the source's.
     *
     * @param ratio the ratio
     * @return this builder
     */
    public Builder aspectRatio(AspectRatio ratio) {
      this.aspectRatio = Objects.requireNonNull(ratio, "ratio == null");
      return this;
    }

    /**
     * Sets the fit mode. Default {@link FitMode#CROP}.
     *
     * @param fit the mode
     * @return this builder
     */
    public Builder fit(FitMode fit) {
      this.fit = Objects.requireNonNull(fit, "fit == null");
      return this;
    }

    /**
     * Sets the audio. Default {@link AudioCodec#AAC}.
     *
     * @param codec AAC or NONE
     * @return this builder
     * @throws IllegalArgumentException for Opus (not used in these packages here)
     */
    public Builder audio(AudioCodec codec) {
      if (Objects.requireNonNull(codec, "codec == null") == AudioCodec.OPUS) {
        throw new IllegalArgumentException("HLS/DASH packages here carry AAC or no audio");
      }
      this.audioCodec = codec;
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
     * Builds the package description.
     *
     * @return the stream
     * @throws IllegalArgumentException when the ladder is empty
     */
    public AdaptiveStream build() {
      if (steps.isEmpty()) throw new IllegalArgumentException("add at least one step(height, bitRate)");
      return new AdaptiveStream(this);
    }
  }
}
