package dev.videojob.core.spi;

/**
 * The shared fields of a {@link dev.videojob.core.VideoRequest} that a provider may or may not
 * honour; a provider lists those it honours in {@link ProviderCapabilities#supportedFields()}.
 */
public enum RequestField {
  /** {@code prompt}. */
  PROMPT("prompt"),
  /** {@code model}. */
  MODEL("model"),
  /** {@code style}. */
  STYLE("style"),
  /** {@code aspectRatio}. */
  ASPECT_RATIO("aspectRatio"),
  /** {@code duration}. */
  DURATION("duration"),
  /** {@code quality}. */
  QUALITY("quality"),
  /** {@code outputs}. */
  OUTPUTS("outputs"),
  /** {@code callbackUrl}. */
  CALLBACK_URL("callbackUrl"),
  /** {@code metadata}. */
  METADATA("metadata"),
  /** {@code extraFields}. */
  EXTRA_FIELDS("extraFields");

  private final String fieldName;

  RequestField(String fieldName) {
    this.fieldName = fieldName;
  }

  /** @return the field's name as on {@code VideoRequest.Builder} */
  public String fieldName() {
    return fieldName;
  }
}
