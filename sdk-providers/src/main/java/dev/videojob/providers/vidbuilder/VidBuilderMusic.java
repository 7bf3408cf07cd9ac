package dev.videojob.providers.vidbuilder;

import dev.videojob.core.InvalidRequestException;
import java.util.Objects;

/**
 * The background music of a VidBuilder video.
 *
 * @param trackId VidBuilder's track id, such as {@code "corp-1"}
 * @param volume from 0.0 (silent) to 1.0
 */
public record VidBuilderMusic(String trackId, double volume) {
  /**
   * Creates the music setting.
   *
   * @param trackId VidBuilder's track id, such as {@code "corp-1"}
   * @param volume from 0.0 (silent) to 1.0
   * @throws NullPointerException if trackId is null
   * @throws InvalidRequestException if the track id is blank or the volume outside 0.0 to 1.0
   */
  public VidBuilderMusic {
    Objects.requireNonNull(trackId, "trackId == null");
    if (trackId.isBlank()) throw InvalidRequestException.forField(VidBuilder.ID, "music", "music needs a trackId");
    if (!(volume >= 0.0 && volume <= 1.0)) {
      throw InvalidRequestException.forField(VidBuilder.ID, "music", "music volume must be 0.0 to 1.0, got " + volume);
    }
  }
}
