package dev.videojob.ffmpeg;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an ffmpeg binary can do: its version and the encoders, filters and muxers it was built with,
 * as listed by {@code -encoders}, {@code -filters} and {@code -muxers}.
 *
 * @param version the version text from {@code ffmpeg -version}, such as {@code 5.1.6-0+deb12u1}
 * @param majorVersion the major version, or 0 when the text has none (some git builds)
 * @param encoders encoder names, unmodifiable
 * @param filters filter names, unmodifiable
 * @param muxers muxer names, unmodifiable
 */
public record Capabilities(String version, int majorVersion, Set<String> encoders, Set<String> filters,
    Set<String> muxers) {

  /**
   * Copies the values.
   *
   * @param version the version text from {@code ffmpeg -version}, such as {@code 5.1.6-0+deb12u1}
   * @param majorVersion the major version, or 0 when the text has none (some git builds)
   * @param encoders encoder names, unmodifiable
   * @param filters filter names, unmodifiable
   * @param muxers muxer names, unmodifiable
   * @throws NullPointerException when any is null
   */
  public Capabilities {
    Objects.requireNonNull(version, "version == null");
    encoders = Set.copyOf(Objects.requireNonNull(encoders, "encoders == null"));
    filters = Set.copyOf(Objects.requireNonNull(filters, "filters == null"));
    muxers = Set.copyOf(Objects.requireNonNull(muxers, "muxers == null"));
  }

  /**
   * The encoder used for a video codec: the first of its {@link VideoCodec#encoderChain()} this binary has.
   *
   * @param codec the codec
   * @return the encoder name, empty when the binary has none of them
   */
  public Optional<String> videoEncoder(VideoCodec codec) {
    Objects.requireNonNull(codec, "codec == null");
    return codec.encoderChain().stream().filter(encoders::contains).findFirst();
  }

  /**
   * The encoder used for an audio codec.
   *
   * @param codec the codec; {@link AudioCodec#NONE} has no encoder
   * @return the encoder name, empty when the binary has none (always empty for NONE)
   */
  public Optional<String> audioEncoder(AudioCodec codec) {
    Objects.requireNonNull(codec, "codec == null");
    return codec.encoderChain().stream().filter(encoders::contains).findFirst();
  }

  /**
   * Whether this binary has a filter.
   *
   * @param name a filter name such as {@code split}
   * @return true when listed by {@code -filters}
   */
  public boolean hasFilter(String name) {
    return filters.contains(name);
  }

  /**
   * Whether this binary has a muxer.
   *
   * @param name a muxer name such as {@code hls}
   * @return true when listed by {@code -muxers}
   */
  public boolean hasMuxer(String name) {
    return muxers.contains(name);
  }
}
