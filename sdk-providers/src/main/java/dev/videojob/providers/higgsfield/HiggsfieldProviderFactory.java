package dev.videojob.providers.higgsfield;

import dev.videojob.providers.internal.EnvProviderFactory;
import java.util.List;

/**
 * Creates {@link Higgsfield} for {@code VideoClient.fromEnv()} when {@value Higgsfield#ENV_API_KEY} is set
 * (and {@value Higgsfield#ENV_BASE_URL} overrides the base URL).
 */
public final class HiggsfieldProviderFactory extends EnvProviderFactory {
  /** Creates the factory; {@link java.util.ServiceLoader} does this. */
  public HiggsfieldProviderFactory() {
    super(Higgsfield.ID, List.of(Higgsfield.ENV_API_KEY, Higgsfield.ENV_BASE_URL), List.of(Higgsfield.ENV_API_KEY),
        Higgsfield::fromEnv);
  }
}
