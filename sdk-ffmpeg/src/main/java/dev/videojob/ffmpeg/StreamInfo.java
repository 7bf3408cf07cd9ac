package dev.videojob.ffmpeg;

/**
 * One stream of a probed file. Fields that do not apply to the stream's type (width for audio,
 * sample rate for video) or that ffprobe did not report are 0, 0.0 or null.
 *
 * @param index the stream index in the file
 * @param type video, audio ...
 * @param codec the codec name as ffprobe reports it ({@code h264}, {@code aac}), or null
 * @param profile the codec profile ({@code High}, {@code LC}), or null
 * @param width the coded width in pixels (before rotation), or 0
 * @param height the coded height in pixels (before rotation), or 0
 * @param pixelFormat the pixel format ({@code yuv420p}), or null
 * @param frameRate the average frame rate in frames per second, or 0.0 when unknown
 * @param rotation the display rotation in degrees, normalized to 0, 90, 180 or 270
 * @param sampleRate the audio sample rate in Hz, or 0
 * @param channels the audio channel count, or 0
 * @param bitRate the stream's bit rate in bits per second, or 0 when unknown
 */
public record StreamInfo(int index, StreamType type, String codec, String profile, int width, int height,
    String pixelFormat, double frameRate, int rotation, int sampleRate, int channels, long bitRate) {

  /** @return the width as displayed, after applying the rotation */
  public int displayWidth() {
    return rotation % 180 == 0 ? width : height;
  }

  /** @return the height as displayed, after applying the rotation */
  public int displayHeight() {
    return rotation % 180 == 0 ? height : width;
  }
}
