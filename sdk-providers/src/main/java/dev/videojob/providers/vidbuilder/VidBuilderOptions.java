package dev.videojob.providers.vidbuilder;

import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.ProviderExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What only VidBuilder takes: the scenes the video is made of, the theme, the music, the quality
 * and whether to also cut reels. Set it with
 * {@code VideoRequest.builder().extension(VidBuilderOptions.builder()...build())}; VidBuilder needs it
 * on every request. Immutable; build with {@link #builder()}.
 */
public final class VidBuilderOptions implements ProviderExtension {
  private final List<VidBuilderScene> scenes;
  private final String theme;
  private final VidBuilderMusic music;
  private final String quality;
  private final Boolean generateReels;

  private VidBuilderOptions(Builder b) {
    this.scenes = List.copyOf(b.scenes);
    this.theme = b.theme;
    this.music = b.music;
    this.quality = b.quality;
    this.generateReels = b.generateReels;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the scenes in order; unmodifiable */
  public List<VidBuilderScene> scenes() {
    return scenes;
  }

  /** @return the theme, such as {@code corporate}, if set */
  public Optional<String> theme() {
    return Optional.ofNullable(theme);
  }

  /** @return the background music, if set */
  public Optional<VidBuilderMusic> music() {
    return Optional.ofNullable(music);
  }

  /** @return the quality, such as {@code 4k}, if set */
  public Optional<String> quality() {
    return Optional.ofNullable(quality);
  }

  /** @return whether reels are wanted too, if said */
  public Optional<Boolean> generateReels() {
    return Optional.ofNullable(generateReels);
  }

  /**
   * Checks that there is at least one scene.
   *
   * @throws InvalidRequestException (field {@code scenes}) if there is none
   */
  @Override
  public void validate() {
    if (scenes.isEmpty()) {
      throw InvalidRequestException.forField(VidBuilder.ID, "scenes", "a VidBuilder video needs at least one scene:"
          + " add one with VidBuilderOptions.builder().addScene(...)");
    }
  }

  @Override
  public String toString() {
    return "VidBuilderOptions{scenes=" + scenes.size() + (theme != null ? ", theme=" + theme : "")
        + (quality != null ? ", quality=" + quality : "") + "}";
  }

  /** Builds {@link VidBuilderOptions}; not thread-safe. */
  public static final class Builder {
    private final List<VidBuilderScene> scenes = new ArrayList<>();
    private String theme;
    private VidBuilderMusic music;
    private String quality;
    private Boolean generateReels;

    private Builder() {}

    /**
     * @param scene a scene, added after the others; at least one is required
     * @return this
     */
    public Builder addScene(VidBuilderScene scene) {
      scenes.add(Objects.requireNonNull(scene, "scene == null"));
      return this;
    }

    /**
     * @param theme the visual theme, such as {@code corporate}; default VidBuilder's
     * @return this
     */
    public Builder theme(String theme) {
      this.theme = theme;
      return this;
    }

    /**
     * @param music the background music; default VidBuilder's
     * @return this
     */
    public Builder music(VidBuilderMusic music) {
      this.music = music;
      return this;
    }

    /**
     * The output quality, such as {@code 4k}; the same as {@code VideoRequest.quality}, which may be
     * used instead (both set to different values is an error). Default VidBuilder's.
     *
     * @param quality the quality
     * @return this
     */
    public Builder quality(String quality) {
      this.quality = quality;
      return this;
    }

    /**
     * @param generateReels whether to cut vertical reels too; default VidBuilder's (false)
     * @return this
     */
    public Builder generateReels(boolean generateReels) {
      this.generateReels = generateReels;
      return this;
    }

    /** @return the options (checked when the request is submitted) */
    public VidBuilderOptions build() {
      return new VidBuilderOptions(this);
    }
  }
}
