package dev.videojob.core.spi;

/**
 * What a provider said in an error body, extracted by an {@link ErrorParser}.
 *
 * @param code the provider's error code, or null
 * @param message the provider's message, or null
 * @param hint the provider's hint on fixing the request, or null
 * @param details the provider's further details (ssemble's {@code error.details}) as JSON text, or the text
 *     of a string value; null when absent or empty
 */
public record ProviderError(String code, String message, String hint, String details) {
  private static final ProviderError EMPTY = new ProviderError(null, null, null, null);

  /**
   * An error without details.
   *
   * @param code the provider's error code, or null
   * @param message the provider's message, or null
   * @param hint the provider's hint, or null
   */
  public ProviderError(String code, String message, String hint) {
    this(code, message, hint, null);
  }

  /** @return an error with nothing extracted */
  public static ProviderError empty() {
    return EMPTY;
  }
}
