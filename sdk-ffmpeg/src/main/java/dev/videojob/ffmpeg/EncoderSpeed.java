package dev.videojob.ffmpeg;

/**
 * How much encoding time to trade for compression, mapped onto each encoder's own knob
 * ({@code -preset} for x264/x265/SVT-AV1, {@code -deadline}/{@code -cpu-used} for libvpx and libaom).
 */
public enum EncoderSpeed {
  /** As fast as the encoder goes (x264 {@code ultrafast}); large files, for previews and tests. */
  FASTEST,
  /** Fast (x264 {@code veryfast}). */
  FAST,
  /** The encoder's usual default (x264 {@code medium}). The default. */
  BALANCED,
  /** Slower, smaller files (x264 {@code slow}). */
  SLOW
}
