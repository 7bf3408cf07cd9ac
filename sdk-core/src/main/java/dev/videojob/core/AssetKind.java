package dev.videojob.core;

/** What an output {@link Asset} is. */
public enum AssetKind {
  /** The main generated video. */
  MASTER,
  /** A lower-quality preview of the master. */
  PROXY,
  /** A still image representing the video. */
  THUMBNAIL,
  /** A short vertical cut made from the master (VidBuilder reels). */
  REEL,
  /** One of several short clips cut from a long source (ssemble shorts). */
  SHORT,
  /** A stream manifest (HLS or DASH). */
  MANIFEST,
  /** An audio track. */
  AUDIO,
  /** Captions or subtitles. */
  CAPTIONS,
  /** Anything else the provider returns. */
  OTHER
}
