package dev.videojob.ffmpeg;

/** How a source whose aspect ratio differs from the rendition's is fitted into the frame. */
public enum FitMode {
  /** Scale to fill the frame and crop what overflows (centre crop). Nothing is letterboxed. */
  CROP,
  /** Scale to fit inside the frame and pad with black bars. Nothing is cut off. */
  PAD,
  /** Scale to fit inside the frame over a blurred, cropped copy of itself instead of black bars. */
  BLUR_PAD
}
