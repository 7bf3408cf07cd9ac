package dev.videojob.providers.vidbuilder;

import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.spi.VideoProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates {@link VidBuilder} for {@code VideoClient.fromEnv()} when {@value VidBuilder#USERNAME_ENV}
 * (with {@value VidBuilder#PASSWORD_ENV}) or {@value VidBuilder#API_KEY_ENV} is set.
 */
public final class VidBuilderProviderFactory implements VideoProviderFactory {
  /** Creates the factory; {@link java.util.ServiceLoader} does this. */
  public VidBuilderProviderFactory() {}

  @Override
  public String id() {
    return VidBuilder.ID;
  }

  @Override
  public List<String> environmentVariables() {
    return List.of(VidBuilder.USERNAME_ENV, VidBuilder.PASSWORD_ENV, VidBuilder.API_KEY_ENV, VidBuilder.BASE_URL_ENV);
  }

  @Override
  public Optional<VideoProvider> fromEnv(Map<String, String> env) {
    boolean user = present(env.get(VidBuilder.USERNAME_ENV));
    boolean key = present(env.get(VidBuilder.API_KEY_ENV));
    return user || key ? Optional.of(VidBuilder.fromEnv(env)) : Optional.empty();
  }

  private static boolean present(String v) {
    return v != null && !v.isBlank();
  }
}
