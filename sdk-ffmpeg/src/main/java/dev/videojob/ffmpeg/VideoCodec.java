package dev.videojob.ffmpeg;

import java.util.List;

/**
 * A video codec a rendition can be encoded with, and the FFmpeg encoders that can produce it,
 * best first.
 *
 * <p>The first encoder in {@link #encoderChain()} that the binary offers is used; when none is
 * offered, planning fails with {@link TranscodeException.Category#ENCODER_UNAVAILABLE} before
 * anything is encoded.
 */
public enum VideoCodec {
  /** H.264 / AVC: the format every platform accepts. */
  H264("h264", 23, List.of("libx264", "libopenh264", "h264_videotoolbox", "h264_nvenc", "h264_qsv",
      "h264_vaapi")),
  /** H.265 / HEVC. */
  H265("hevc", 28, List.of("libx265", "hevc_videotoolbox", "hevc_nvenc", "hevc_qsv", "hevc_vaapi")),
  /** VP9, for WebM. */
  VP9("vp9", 33, List.of("libvpx-vp9")),
  /** AV1. */
  AV1("av1", 35, List.of("libsvtav1", "libaom-av1"));

  private final String probeName;
  private final int defaultCrf;
  private final List<String> encoderChain;

  VideoCodec(String probeName, int defaultCrf, List<String> encoderChain) {
    this.probeName = probeName;
    this.defaultCrf = defaultCrf;
    this.encoderChain = encoderChain;
  }

  /** @return the codec name ffprobe reports for this codec ({@code h264}, {@code hevc} ...) */
  public String probeName() {
    return probeName;
  }

  /** @return the constant rate factor used when a rendition asks for no particular quality */
  public int defaultCrf() {
    return defaultCrf;
  }

  /** @return the FFmpeg encoder names that produce this codec, in order of preference */
  public List<String> encoderChain() {
    return encoderChain;
  }

  /**
   * Finds the codec ffprobe reports under a name.
   *
   * @param probeName the {@code codec_name} from ffprobe
   * @return the codec, or null when it is none of these
   */
  static VideoCodec fromProbeName(String probeName) {
    for (VideoCodec c : values()) {
      if (c.probeName.equals(probeName)) return c;
    }
    return null;
  }
}
