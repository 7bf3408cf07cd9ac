package dev.videojob.providers.vidbuilder;

import dev.videojob.providers.internal.EnvProviderFactory;
import java.util.List;

/**
 * Creates {@link VidBuilder} for {@code VideoClient.fromEnv()} when {@value VidBuilder#ENV_USERNAME} (with
 * {@value VidBuilder#ENV_PASSWORD}) or {@value VidBuilder#ENV_API_KEY} is set (and
 * {@value VidBuilder#ENV_BASE_URL} overrides the base URL).
 */
public final class VidBuilderProviderFactory extends EnvProviderFactory {
  /** Creates the factory; {@link java.util.ServiceLoader} does this. */
  public VidBuilderProviderFactory() {
    super(VidBuilder.ID, List.of(VidBuilder.ENV_USERNAME, VidBuilder.ENV_PASSWORD, VidBuilder.ENV_API_KEY,
        VidBuilder.ENV_BASE_URL), List.of(VidBuilder.ENV_USERNAME, VidBuilder.ENV_API_KEY), VidBuilder::fromEnv);
  }
}
