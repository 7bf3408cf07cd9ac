package dev.videojob.ffmpeg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything to make from one input: video renditions, thumbnails and HLS/DASH packages. The whole
 * plan runs as one ffmpeg process that decodes the input once and feeds every output through a
 * {@code split} in a single filter graph.
 */
public final class TranscodePlan {
  private final Path input;
  private final List<Rendition> renditions;
  private final List<Thumbnail> thumbnails;
  private final List<AdaptiveStream> streams;
  private final Duration timeout;
  private final Duration stallTimeout;

  private TranscodePlan(Builder b) {
    this.input = b.input;
    this.renditions = List.copyOf(b.renditions);
    this.thumbnails = List.copyOf(b.thumbnails);
    this.streams = List.copyOf(b.streams);
    this.timeout = b.timeout;
    this.stallTimeout = b.stallTimeout;
  }

  /**
   * Starts a plan.
   *
   * @param input the media file to read
   * @return a builder (timeout 1 h, stall timeout 60 s)
   */
  public static Builder builder(Path input) {
    return new Builder(input);
  }

  /** @return the input file */
  public Path input() {
    return input;
  }

  /** @return the video renditions */
  public List<Rendition> renditions() {
    return renditions;
  }

  /** @return the thumbnails */
  public List<Thumbnail> thumbnails() {
    return thumbnails;
  }

  /** @return the HLS and DASH packages */
  public List<AdaptiveStream> streams() {
    return streams;
  }

  /** @return the wall-clock limit for the run */
  public Duration timeout() {
    return timeout;
  }

  /** @return the limit on a run that stops reporting anything */
  public Duration stallTimeout() {
    return stallTimeout;
  }

  /** Builds a {@link TranscodePlan}; not thread-safe. */
  public static final class Builder {
    private final Path input;
    private final List<Rendition> renditions = new ArrayList<>();
    private final List<Thumbnail> thumbnails = new ArrayList<>();
    private final List<AdaptiveStream> streams = new ArrayList<>();
    private Duration timeout = Duration.ofHours(1);
    private Duration stallTimeout = Duration.ofSeconds(60);

    private Builder(Path input) {
      this.input = Objects.requireNonNull(input, "input == null");
    }

    /**
     * Adds a video rendition.
     *
     * @param rendition the rendition
     * @return this builder
     */
    public Builder rendition(Rendition rendition) {
      renditions.add(Objects.requireNonNull(rendition, "rendition == null"));
      return this;
    }

    /**
     * Adds a thumbnail.
     *
     * @param thumbnail the thumbnail
     * @return this builder
     */
    public Builder thumbnail(Thumbnail thumbnail) {
      thumbnails.add(Objects.requireNonNull(thumbnail, "thumbnail == null"));
      return this;
    }

    /**
     * Adds an HLS or DASH package.
     *
     * @param stream the package
     * @return this builder
     */
    public Builder stream(AdaptiveStream stream) {
      streams.add(Objects.requireNonNull(stream, "stream == null"));
      return this;
    }

    /**
     * Sets the wall-clock limit. Default 1 hour.
     *
     * @param timeout more than zero
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * Sets how long ffmpeg may go without making progress (no advancing progress report, no
     * stderr line and no growth of the outputs being written) before it is stopped as stalled.
     * Default 60 s.
     *
     * @param stallTimeout more than zero
     * @return this builder
     */
    public Builder stallTimeout(Duration stallTimeout) {
      this.stallTimeout = positive(stallTimeout, "stallTimeout");
      return this;
    }

    /**
     * Builds the plan.
     *
     * @return the plan
     * @throws IllegalArgumentException when it has no outputs, or two outputs share a path, or an output is the input
     */
    public TranscodePlan build() {
      if (renditions.isEmpty() && thumbnails.isEmpty() && streams.isEmpty()) {
        throw new IllegalArgumentException("the plan has no outputs; add a rendition, thumbnail or stream");
      }
      Set<Path> seen = new HashSet<>();
      seen.add(input.toAbsolutePath().normalize());
      List<Path> outs = new ArrayList<>();
      renditions.forEach(r -> outs.add(r.output()));
      thumbnails.forEach(t -> outs.add(t.output()));
      streams.forEach(s -> outs.add(s.directory()));
      for (Path p : outs) {
        if (!seen.add(p.toAbsolutePath().normalize())) {
          throw new IllegalArgumentException("two outputs (or an output and the input) share the path " + p);
        }
      }
      return new TranscodePlan(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be > 0, got " + d);
      return d;
    }
  }
}
