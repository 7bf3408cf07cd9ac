package dev.videojob.providers.creativeai;

import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.spi.VideoProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates {@link CreativeAi} for {@code VideoClient.fromEnv()} from {@value CreativeAi#ENV_API_KEY}
 * and, optionally, {@value CreativeAi#ENV_BASE_URL}.
 */
public final class CreativeAiProviderFactory implements VideoProviderFactory {

  /** Creates the factory; {@link java.util.ServiceLoader} does this. */
  public CreativeAiProviderFactory() {}

  @Override
  public String id() {
    return CreativeAi.ID;
  }

  @Override
  public List<String> environmentVariables() {
    return List.of(CreativeAi.ENV_API_KEY, CreativeAi.ENV_BASE_URL);
  }

  @Override
  public Optional<VideoProvider> fromEnv(Map<String, String> env) {
    String key = env.get(CreativeAi.ENV_API_KEY);
    if (key == null || key.isBlank()) return Optional.empty();
    return Optional.of(CreativeAi.fromEnv(env));
  }
}
