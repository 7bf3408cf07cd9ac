package dev.videojob.ffmpeg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What ffprobe says about a media file: container, duration, size, bit rate and streams.
 *
 * @param path the file that was probed
 * @param container ffprobe's {@code format_name}, such as {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param duration the duration, {@link Duration#ZERO} when unknown (still images)
 * @param sizeBytes the file size in bytes, or 0 when unknown
 * @param bitRate the overall bit rate in bits per second, or 0 when unknown
 * @param streams the streams in file order, unmodifiable
 */
public record MediaInfo(Path path, String container, Duration duration, long sizeBytes, long bitRate,
    List<StreamInfo> streams) {

  /**
   * Checks and copies the values.
   *
   * @param path the file that was probed
   * @param container ffprobe's {@code format_name}, such as {@code mov,mp4,m4a,3gp,3g2,mj2}
   * @param duration the duration, {@link Duration#ZERO} when unknown (still images)
   * @param sizeBytes the file size in bytes, or 0 when unknown
   * @param bitRate the overall bit rate in bits per second, or 0 when unknown
   * @param streams the streams in file order, unmodifiable
   * @throws NullPointerException when path, container, duration or streams is null
   */
  public MediaInfo {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(container, "container == null");
    Objects.requireNonNull(duration, "duration == null");
    streams = List.copyOf(Objects.requireNonNull(streams, "streams == null"));
  }

  /** @return the first video stream, if any */
  public Optional<StreamInfo> video() {
    return first(StreamType.VIDEO);
  }

  /** @return the first audio stream, if any */
  public Optional<StreamInfo> audio() {
    return first(StreamType.AUDIO);
  }

  /**
   * The streams of one type.
   *
   * @param type the stream type
   * @return those streams in file order
   */
  public List<StreamInfo> streams(StreamType type) {
    Objects.requireNonNull(type, "type == null");
    return streams.stream().filter(s -> s.type() == type).toList();
  }

  private Optional<StreamInfo> first(StreamType type) {
    return streams.stream().filter(s -> s.type() == type).findFirst();
  }
}
