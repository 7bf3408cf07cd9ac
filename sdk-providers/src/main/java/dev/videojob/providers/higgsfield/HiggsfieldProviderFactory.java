package dev.videojob.providers.higgsfield;

import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.spi.VideoProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates {@link Higgsfield} for {@code VideoClient.fromEnv()} from {@value Higgsfield#ENV_API_KEY}
 * and, optionally, {@value Higgsfield#ENV_BASE_URL}.
 */
public final class HiggsfieldProviderFactory implements VideoProviderFactory {

  /** Creates the factory; {@link java.util.ServiceLoader} does this. */
  public HiggsfieldProviderFactory() {}

  @Override
  public String id() {
    return Higgsfield.ID;
  }

  @Override
  public List<String> environmentVariables() {
    return List.of(Higgsfield.ENV_API_KEY, Higgsfield.ENV_BASE_URL);
  }

  @Override
  public Optional<VideoProvider> fromEnv(Map<String, String> env) {
    String key = env.get(Higgsfield.ENV_API_KEY);
    if (key == null || key.isBlank()) return Optional.empty();
    return Optional.of(Higgsfield.fromEnv(env));
  }
}
