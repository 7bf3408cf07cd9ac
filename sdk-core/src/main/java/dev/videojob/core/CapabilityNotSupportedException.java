package dev.videojob.core;

/**
 * The provider has no such operation (cancel on a provider without a cancel endpoint, polling on
 * a webhook-only provider). Raised by the SDK before any network call, so nothing was created.
 */
public class CapabilityNotSupportedException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /** The capability the provider lacks, such as {@code cancel}. */
  private final String capability;

  /**
   * Creates the exception.
   *
   * @param provider the provider id
   * @param capability the operation, such as {@code "cancel"}
   * @param message what to do instead
   */
  public CapabilityNotSupportedException(String provider, String capability, String message) {
    super(capability + " is not supported: " + message, ErrorContext.of(provider), null, true);
    this.capability = capability;
  }

  /** @return the operation that is not supported */
  public String capability() {
    return capability;
  }
}
