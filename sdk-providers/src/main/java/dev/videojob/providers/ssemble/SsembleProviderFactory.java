package dev.videojob.providers.ssemble;

import dev.videojob.providers.internal.EnvProviderFactory;
import java.util.List;

/**
 * Creates {@link Ssemble} for {@code VideoClient.fromEnv()} when {@value Ssemble#ENV_API_KEY} is set
 * (and {@value Ssemble#ENV_BASE_URL} overrides the base URL).
 */
public final class SsembleProviderFactory extends EnvProviderFactory {
  /** Creates the factory; {@link java.util.ServiceLoader} does this. */
  public SsembleProviderFactory() {
    super(Ssemble.ID, List.of(Ssemble.ENV_API_KEY, Ssemble.ENV_BASE_URL), List.of(Ssemble.ENV_API_KEY), Ssemble::fromEnv);
  }
}
