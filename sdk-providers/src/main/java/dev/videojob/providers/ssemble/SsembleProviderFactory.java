package dev.videojob.providers.ssemble;

import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.spi.VideoProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creates {@link Ssemble} for {@code VideoClient.fromEnv()} when {@value Ssemble#API_KEY_ENV} is set. */
public final class SsembleProviderFactory implements VideoProviderFactory {
  /** Creates the factory; {@link java.util.ServiceLoader} does this. */
  public SsembleProviderFactory() {}

  @Override
  public String id() {
    return Ssemble.ID;
  }

  @Override
  public List<String> environmentVariables() {
    return List.of(Ssemble.API_KEY_ENV, Ssemble.BASE_URL_ENV);
  }

  @Override
  public Optional<VideoProvider> fromEnv(Map<String, String> env) {
    String key = env.get(Ssemble.API_KEY_ENV);
    return key == null || key.isBlank() ? Optional.empty() : Optional.of(Ssemble.fromEnv(env));
  }
}
