package dev.videojob.ffmpeg;

import java.util.List;

/** The audio a rendition carries: AAC, Opus, or none at all. */
public enum AudioCodec {
  /** AAC-LC through FFmpeg's native encoder; for MP4. */
  AAC("aac", List.of("aac")),
  /** Opus through libopus; for WebM (also allowed in MP4). */
  OPUS("opus", List.of("libopus")),
  /** No audio track: the output is silent even when the input has sound. */
  NONE("", List.of());

  private final String probeName;
  private final List<String> encoderChain;

  AudioCodec(String probeName, List<String> encoderChain) {
    this.probeName = probeName;
    this.encoderChain = encoderChain;
  }

  /** @return the codec name ffprobe reports ({@code aac}, {@code opus}); empty for {@link #NONE} */
  public String probeName() {
    return probeName;
  }

  /** @return the FFmpeg encoder names that produce this codec, in order of preference */
  public List<String> encoderChain() {
    return encoderChain;
  }

  static AudioCodec fromProbeName(String probeName) {
    for (AudioCodec c : values()) {
      if (c != NONE && c.probeName.equals(probeName)) return c;
    }
    return null;
  }
}
