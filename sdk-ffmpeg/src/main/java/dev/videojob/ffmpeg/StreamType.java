package dev.videojob.ffmpeg;

/** The kind of a stream in a media file, as ffprobe's {@code codec_type}. */
public enum StreamType {
  /** Pictures. */
  VIDEO,
  /** Sound. */
  AUDIO,
  /** Subtitles or captions. */
  SUBTITLE,
  /** Timed metadata or other data. */
  DATA,
  /** Anything else, such as attachments. */
  OTHER
}
