package dev.videojob.core;

import java.util.Objects;

/**
 * Identifies one logical job at one provider: what {@code VideoClient.await} and
 * {@code VideoClient.status} take.
 *
 * @param provider the provider id, as returned by {@code VideoProvider#id()} (for example {@code "creativeai"})
 * @param jobId the provider's id of the logical job
 */
public record JobRef(String provider, String jobId) {
  /**
   * Creates a reference.
   *
   * @param provider the provider id, as returned by {@code VideoProvider#id()} (for example {@code "creativeai"})
   * @param jobId the provider's id of the logical job
   * @throws NullPointerException if either argument is null
   * @throws IllegalArgumentException if either argument is blank
   */
  public JobRef {
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(jobId, "jobId == null");
    if (provider.isBlank()) throw new IllegalArgumentException("provider is blank");
    if (jobId.isBlank()) throw new IllegalArgumentException("jobId is blank");
  }

  /**
   * Creates a reference; reads as a sentence: {@code JobRef.of("creativeai", "vgen_abc123")}.
   *
   * @param provider the provider id
   * @param jobId the provider's job id
   * @return the reference
   */
  public static JobRef of(String provider, String jobId) {
    return new JobRef(provider, jobId);
  }

  @Override
  public String toString() {
    return provider + "/" + jobId;
  }
}
