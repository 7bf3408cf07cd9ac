package dev.videojob.providers.videopilot;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.ProviderExtension;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What only VideoPilot takes: the narration voice ({@code voiceType}), the orientation (instead of
 * the shared aspect ratio) and the render queue priority (1–10). Style and render quality are the
 * shared {@code VideoRequest} fields. Immutable; build with {@link #builder()}.
 */
public final class VideoPilotOptions implements ProviderExtension {
  /** The lowest render priority. */
  public static final int MIN_PRIORITY = 1;
  /** The highest render priority. */
  public static final int MAX_PRIORITY = 10;

  private final String voice;
  private final String orientation;
  private final Integer priority;

  private VideoPilotOptions(Builder b) {
    this.voice = b.voice;
    this.orientation = b.orientation;
    this.priority = b.priority;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the narration voice ({@code voiceType}), if set */
  public Optional<String> voice() {
    return Optional.ofNullable(voice);
  }

  /** @return the orientation ({@code portrait}, {@code landscape}, {@code square}), if set */
  public Optional<String> orientation() {
    return Optional.ofNullable(orientation);
  }

  /** @return the render priority from 1 to 10, if set */
  public OptionalInt priority() {
    return priority == null ? OptionalInt.empty() : OptionalInt.of(priority);
  }

  /**
   * Checks the priority range and that texts are not blank.
   *
   * @throws InvalidRequestException naming the field at fault
   */
  @Override
  public void validate() {
    if (priority != null && (priority < MIN_PRIORITY || priority > MAX_PRIORITY)) {
      throw new InvalidRequestException("videopilot priority must be from " + MIN_PRIORITY + " to " + MAX_PRIORITY
          + ", got " + priority, ErrorContext.of(VideoPilot.ID), "priority");
    }
    if (voice != null && voice.isBlank()) {
      throw new InvalidRequestException("videopilot voice is blank; leave it unset for the default voice",
          ErrorContext.of(VideoPilot.ID), "voice");
    }
    if (orientation != null && orientation.isBlank()) {
      throw new InvalidRequestException("videopilot orientation is blank; leave it unset or use the aspect ratio",
          ErrorContext.of(VideoPilot.ID), "orientation");
    }
  }

  @Override
  public String toString() {
    return "VideoPilotOptions{voice=" + voice + ", orientation=" + orientation + ", priority=" + priority + "}";
  }

  /** Builds {@link VideoPilotOptions}; not thread-safe. */
  public static final class Builder {
    private String voice;
    private String orientation;
    private Integer priority;

    private Builder() {}

    /**
     * @param voice the narration voice, sent as {@code voiceType}; default VideoPilot's
     * @return this
     */
    public Builder voice(String voice) {
      this.voice = Objects.requireNonNull(voice, "voice == null");
      return this;
    }

    /**
     * @param orientation the orientation; default derived from the aspect ratio, else VideoPilot's
     * @return this
     */
    public Builder orientation(String orientation) {
      this.orientation = Objects.requireNonNull(orientation, "orientation == null");
      return this;
    }

    /**
     * @param priority the render queue priority, 1 (lowest) to 10; default VideoPilot's
     * @return this
     */
    public Builder priority(int priority) {
      this.priority = priority;
      return this;
    }

    /** @return the options; ranges are checked by {@link VideoPilotOptions#validate()} before any call */
    public VideoPilotOptions build() {
      return new VideoPilotOptions(this);
    }
  }
}
