package dev.videojob.providers.higgsfield;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.InvalidRequestException;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the guide's {@code outputs[]}: {@code {"type":"master","format":"mp4"}}.
 *
 * @param type what to produce ({@code master}, {@code proxy}, {@code thumbnail} ...); required
 * @param format the container or image format ({@code mp4}, {@code jpg}), or null for the provider's default
 */
public record HiggsfieldOutput(String type, String format) {
  /**
   * Creates an output.
   *
   * @param type what to produce ({@code master}, {@code proxy}, {@code thumbnail} ...); required
   * @param format the container or image format ({@code mp4}, {@code jpg}), or null for the provider's default
   * @throws NullPointerException if type is null
   * @throws InvalidRequestException if type is blank, or format is blank but not null
   */
  public HiggsfieldOutput {
    Objects.requireNonNull(type, "type == null");
    if (type.isBlank() || (format != null && format.isBlank())) {
      throw new InvalidRequestException("a higgsfield output needs a type such as \"master\" and, if given, a"
          + " non-blank format such as \"mp4\"", ErrorContext.of(Higgsfield.ID), "outputs");
    }
  }

  /**
   * An output with a format: {@code HiggsfieldOutput.of("master", "mp4")}.
   *
   * @param type what to produce
   * @param format its format
   * @return the output
   */
  public static HiggsfieldOutput of(String type, String format) {
    return new HiggsfieldOutput(type, format);
  }

  /**
   * Reads the shared {@code VideoRequest.outputs()} spelling: {@code "master:mp4"} or {@code "thumbnail"}.
   *
   * @param text the output as text
   * @return the output
   * @throws InvalidRequestException if the text has an empty part
   */
  public static HiggsfieldOutput parse(String text) {
    Objects.requireNonNull(text, "text == null");
    int colon = text.indexOf(':');
    return colon < 0 ? new HiggsfieldOutput(text.trim(), null)
        : new HiggsfieldOutput(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
  }

  /** @return the format, if set */
  public Optional<String> formatName() {
    return Optional.ofNullable(format);
  }
}
