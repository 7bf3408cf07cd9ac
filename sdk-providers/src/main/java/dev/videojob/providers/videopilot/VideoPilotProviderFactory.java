package dev.videojob.providers.videopilot;

import dev.videojob.providers.internal.EnvProviderFactory;
import java.util.List;

/**
 * Creates {@link VideoPilot} for {@code VideoClient.fromEnv()} when {@value VideoPilot#ENV_API_KEY} is set
 * (and {@value VideoPilot#ENV_BASE_URL} overrides the base URL).
 */
public final class VideoPilotProviderFactory extends EnvProviderFactory {
  /** Creates the factory; {@link java.util.ServiceLoader} does this. */
  public VideoPilotProviderFactory() {
    super(VideoPilot.ID, List.of(VideoPilot.ENV_API_KEY, VideoPilot.ENV_BASE_URL), List.of(VideoPilot.ENV_API_KEY),
        VideoPilot::fromEnv);
  }
}
