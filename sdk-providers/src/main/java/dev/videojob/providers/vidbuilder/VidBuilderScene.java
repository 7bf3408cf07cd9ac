package dev.videojob.providers.vidbuilder;

import dev.videojob.core.InvalidRequestException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One scene of a VidBuilder video: its template type ({@code hero-title} ...), its length in
 * seconds, and the template's content fields ({@code title}, {@code subtitle} ...), sent as given.
 *
 * @param type the scene template, such as {@code "hero-title"}
 * @param durationSeconds how long the scene lasts, in seconds; positive
 * @param content the template's fields: JSON-serialisable values (String, Number, Boolean, Map, List); unmodifiable
 */
public record VidBuilderScene(String type, double durationSeconds, Map<String, Object> content) {
  /**
   * Creates a scene.
   *
   * @param type the scene template, such as {@code "hero-title"}
   * @param durationSeconds how long the scene lasts, in seconds; positive
   * @param content the template's fields: JSON-serialisable values (String, Number, Boolean, Map, List); unmodifiable
   * @throws NullPointerException if type or content is null
   * @throws InvalidRequestException if the type is blank or the duration not positive
   */
  public VidBuilderScene {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(content, "content == null");
    if (type.isBlank()) throw InvalidRequestException.forField(VidBuilder.ID, "scenes", "a scene needs a type");
    if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds)) {
      throw InvalidRequestException.forField(VidBuilder.ID, "scenes", "a scene's duration must be positive seconds, got "
          + durationSeconds);
    }
    content = Collections.unmodifiableMap(new LinkedHashMap<>(content));
  }

  /**
   * A scene.
   *
   * @param type the scene template
   * @param durationSeconds its length in seconds
   * @param content its template fields
   * @return the scene
   */
  public static VidBuilderScene of(String type, double durationSeconds, Map<String, Object> content) {
    return new VidBuilderScene(type, durationSeconds, content);
  }
}
