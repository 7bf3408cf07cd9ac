package dev.videojob.providers.creativeai;

import dev.videojob.providers.internal.EnvProviderFactory;
import java.util.List;

/**
 * Creates {@link CreativeAi} for {@code VideoClient.fromEnv()} when {@value CreativeAi#ENV_API_KEY} is set
 * (and {@value CreativeAi#ENV_BASE_URL} overrides the base URL).
 */
public final class CreativeAiProviderFactory extends EnvProviderFactory {
  /** Creates the factory; {@link java.util.ServiceLoader} does this. */
  public CreativeAiProviderFactory() {
    super(CreativeAi.ID, List.of(CreativeAi.ENV_API_KEY, CreativeAi.ENV_BASE_URL), List.of(CreativeAi.ENV_API_KEY),
        CreativeAi::fromEnv);
  }
}
