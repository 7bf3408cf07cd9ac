package dev.videojob.core.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a provider from environment variables, for {@code VideoClient.fromEnv()}. Adapters
 * register an implementation in {@code META-INF/services/dev.videojob.core.spi.VideoProviderFactory}.
 */
public interface VideoProviderFactory {

  /** @return the id of the provider this factory creates */
  String id();

  /** @return the variables the factory reads, the credential first (for error messages) */
  List<String> environmentVariables();

  /**
   * Creates the provider when its credential variable is set.
   *
   * @param env the environment
   * @return the provider, or empty when its credential is not set
   * @throws dev.videojob.core.InvalidRequestException if a variable is set to an invalid value
   */
  Optional<VideoProvider> fromEnv(Map<String, String> env);
}
