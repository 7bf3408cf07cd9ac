package dev.videojob.providers.videopilot;

import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.spi.VideoProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates {@link VideoPilot} for {@code VideoClient.fromEnv()} from {@value VideoPilot#ENV_API_KEY}
 * and, optionally, {@value VideoPilot#ENV_BASE_URL}.
 */
public final class VideoPilotProviderFactory implements VideoProviderFactory {

  /** Creates the factory; {@link java.util.ServiceLoader} does this. */
  public VideoPilotProviderFactory() {}

  @Override
  public String id() {
    return VideoPilot.ID;
  }

  @Override
  public List<String> environmentVariables() {
    return List.of(VideoPilot.ENV_API_KEY, VideoPilot.ENV_BASE_URL);
  }

  @Override
  public Optional<VideoProvider> fromEnv(Map<String, String> env) {
    String key = env.get(VideoPilot.ENV_API_KEY);
    if (key == null || key.isBlank()) return Optional.empty();
    return Optional.of(VideoPilot.fromEnv(env));
  }
}
