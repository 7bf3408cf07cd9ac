package dev.videojob.ffmpeg;

import java.util.Objects;

/**
 * One way a file breaks a {@link DeliveryPreset}.
 *
 * @param rule which rule
 * @param message what was found, what is allowed, for a person
 */
public record PresetViolation(Rule rule, String message) {

  /** The rules a preset checks. */
  public enum Rule {
    /** The container is not the one the platform takes. */
    CONTAINER,
    /** There is no video stream. */
    NO_VIDEO,
    /** The video codec is not accepted. */
    VIDEO_CODEC,
    /** The audio codec is not accepted. */
    AUDIO_CODEC,
    /** The picture is smaller or larger than allowed. */
    RESOLUTION,
    /** The frame rate is outside the range. */
    FRAME_RATE,
    /** The duration is outside the range. */
    DURATION,
    /** The video bit rate is above the maximum. */
    BIT_RATE,
    /** The file is larger than allowed. */
    FILE_SIZE,
    /** The aspect ratio is outside the range. */
    ASPECT_RATIO,
    /** The pixel format is not 4:2:0 8-bit. */
    PIXEL_FORMAT
  }

  /**
   * Checks the values.
   *
   * @param rule which rule
   * @param message what was found, what is allowed, for a person
   * @throws NullPointerException when either is null
   */
  public PresetViolation {
    Objects.requireNonNull(rule, "rule == null");
    Objects.requireNonNull(message, "message == null");
  }
}
