package dev.videojob.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a job ended without outputs.
 *
 * @param category what kind of failure this is
 * @param code the provider's own error code, or null
 * @param message the provider's message, or a description the adapter wrote; never null
 * @param failedStep the step that failed (VideoPilot's {@code image_generation}), or null
 * @param retryable whether submitting the same request again could succeed
 */
public record JobError(ErrorCategory category, String code, String message, String failedStep, boolean retryable) {
  /**
   * Creates an error.
   *
   * @param category what kind of failure this is
   * @param code the provider's own error code, or null
   * @param message the provider's message, or a description the adapter wrote; never null
   * @param failedStep the step that failed (VideoPilot's {@code image_generation}), or null
   * @param retryable whether submitting the same request again could succeed
   * @throws NullPointerException if category or message is null
   */
  public JobError {
    Objects.requireNonNull(category, "category == null");
    Objects.requireNonNull(message, "message == null");
  }

  /**
   * An error with a category and message only; retryable for provider-internal errors and timeouts.
   *
   * @param category what kind of failure
   * @param message what the provider said
   * @return the error
   */
  public static JobError of(ErrorCategory category, String message) {
    return new JobError(category, null, message, null,
        category == ErrorCategory.PROVIDER_INTERNAL || category == ErrorCategory.TIMEOUT);
  }

  /** @return the provider's error code, if it gave one */
  public Optional<String> providerCode() {
    return Optional.ofNullable(code);
  }

  /** @return the failed step, if the provider named one */
  public Optional<String> step() {
    return Optional.ofNullable(failedStep);
  }
}
