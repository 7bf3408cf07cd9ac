package dev.videojob.ffmpeg;

import java.util.Set;

/** The file format a rendition is written in. */
public enum Container {
  /** MP4, written with {@code -movflags +faststart} so playback can start before the download ends. */
  MP4("mp4", "mov,mp4", Set.of(VideoCodec.values()), Set.of(AudioCodec.AAC, AudioCodec.OPUS, AudioCodec.NONE)),
  /** WebM: VP9 or AV1 video with Opus audio. */
  WEBM("webm", "matroska,webm", Set.of(VideoCodec.VP9, VideoCodec.AV1), Set.of(AudioCodec.OPUS, AudioCodec.NONE));

  private final String muxer;
  private final String probePrefix;
  private final Set<VideoCodec> videoCodecs;
  private final Set<AudioCodec> audioCodecs;

  Container(String muxer, String probePrefix, Set<VideoCodec> videoCodecs, Set<AudioCodec> audioCodecs) {
    this.muxer = muxer;
    this.probePrefix = probePrefix;
    this.videoCodecs = videoCodecs;
    this.audioCodecs = audioCodecs;
  }

  /** @return the FFmpeg muxer name, also the usual file extension */
  public String muxer() {
    return muxer;
  }

  /** @return whether this container can carry the video codec */
  boolean allows(VideoCodec codec) {
    return videoCodecs.contains(codec);
  }

  /** @return whether this container can carry the audio codec */
  boolean allows(AudioCodec codec) {
    return audioCodecs.contains(codec);
  }

  /**
   * Whether an ffprobe {@code format_name} is this container.
   *
   * @param formatName the format name ffprobe reported, such as {@code mov,mp4,m4a,3gp,3g2,mj2}
   * @return true when it names this container
   */
  public boolean matchesProbe(String formatName) {
    return formatName != null && formatName.startsWith(probePrefix);
  }
}
