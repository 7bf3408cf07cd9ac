package dev.videojob.core.spi;

/**
 * What a provider said in an error body, extracted by an {@link ErrorParser}.
 *
 * @param code the provider's error code, or null
 * @param message the provider's message, or null
 * @param hint the provider's hint on fixing the request, or null
 */
public record ProviderError(String code, String message, String hint) {
  private static final ProviderError EMPTY = new ProviderError(null, null, null);

  /** @return an error with nothing extracted */
  public static ProviderError empty() {
    return EMPTY;
  }
}
