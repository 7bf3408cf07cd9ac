package dev.videojob.ffmpeg;

import dev.videojob.core.AspectRatio;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A platform's delivery spec as data: what an upload must be, where that comes from and when it was
 * read. Check a file with {@link DeliveryPresets#validate(MediaInfo, DeliveryPreset)}; make one with
 * {@link Rendition#forPreset(DeliveryPreset, java.nio.file.Path)}. Sizes are in display orientation
 * (short and long edge), so one preset covers portrait and landscape. A limit of 0 means the
 * platform publishes none.
 *
 * @param name the platform, for messages
 * @param container the container to deliver
 * @param videoCodecs the accepted video codecs
 * @param audioCodecs the accepted audio codecs (a silent file is always accepted)
 * @param minShortEdge the smallest allowed short edge in pixels, or 0
 * @param maxLongEdge the largest allowed long edge in pixels, or 0
 * @param minFrameRate the lowest frame rate, or 0
 * @param maxFrameRate the highest frame rate, or 0
 * @param minDuration the shortest duration
 * @param maxDuration the longest duration
 * @param maxVideoBitRate the highest video bit rate in bits per second, or 0
 * @param maxFileSize the largest file in bytes, or 0
 * @param minAspect the narrowest width/height ratio (0.5625 for 9:16)
 * @param maxAspect the widest width/height ratio (1.7778 for 16:9)
 * @param recommendedAspectRatio the ratio the platform recommends
 * @param recommendedWidth the recommended width in pixels
 * @param recommendedHeight the recommended height in pixels
 * @param source where the values come from
 * @param asOf the date of the published spec the values were read from; platforms change their
 *     limits, so re-check {@code source} before relying on one
 */
public record DeliveryPreset(String name, Container container, Set<VideoCodec> videoCodecs, Set<AudioCodec> audioCodecs,
    int minShortEdge, int maxLongEdge, double minFrameRate, double maxFrameRate, Duration minDuration,
    Duration maxDuration, long maxVideoBitRate, long maxFileSize, double minAspect, double maxAspect,
    AspectRatio recommendedAspectRatio, int recommendedWidth, int recommendedHeight, URI source, LocalDate asOf) {

  /**
   * Checks and copies the values.
   *
   * @param name the platform, for messages
   * @param container the container to deliver
   * @param videoCodecs the accepted video codecs
   * @param audioCodecs the accepted audio codecs (a silent file is always accepted)
   * @param minShortEdge the smallest allowed short edge in pixels, or 0
   * @param maxLongEdge the largest allowed long edge in pixels, or 0
   * @param minFrameRate the lowest frame rate, or 0
   * @param maxFrameRate the highest frame rate, or 0
   * @param minDuration the shortest duration
   * @param maxDuration the longest duration
   * @param maxVideoBitRate the highest video bit rate in bits per second, or 0
   * @param maxFileSize the largest file in bytes, or 0
   * @param minAspect the narrowest width/height ratio (0.5625 for 9:16)
   * @param maxAspect the widest width/height ratio (1.7778 for 16:9)
   * @param recommendedAspectRatio the ratio the platform recommends
   * @param recommendedWidth the recommended width in pixels
   * @param recommendedHeight the recommended height in pixels
   * @param source where the values come from
   * @param asOf the date of the published spec the values were read from; platforms change their
   *     limits, so re-check {@code source} before relying on one
   * @throws NullPointerException when an object field is null
   * @throws IllegalArgumentException when a range is inverted or the recommended frame is outside the preset
   */
  public DeliveryPreset {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(container, "container == null");
    videoCodecs = Set.copyOf(videoCodecs);
    audioCodecs = Set.copyOf(audioCodecs);
    Objects.requireNonNull(minDuration, "minDuration == null");
    Objects.requireNonNull(maxDuration, "maxDuration == null");
    Objects.requireNonNull(recommendedAspectRatio, "recommendedAspectRatio == null");
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(asOf, "asOf == null");
    if (minDuration.compareTo(maxDuration) > 0 || minAspect > maxAspect
        || (maxFrameRate > 0 && minFrameRate > maxFrameRate)) {
      throw new IllegalArgumentException(name + ": a min exceeds its max");
    }
    if (videoCodecs.isEmpty()) throw new IllegalArgumentException(name + ": no video codec accepted");
  }
}
