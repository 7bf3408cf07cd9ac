package dev.videojob.providers.internal;

import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.spi.VideoProviderFactory;
import dev.videojob.providers.ProviderBuilder;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The base of every adapter's {@link VideoProviderFactory}: it names the provider and its environment
 * variables, and creates the adapter (with the adapter's own {@code fromEnv(Map)}) when one of its
 * credential variables is set and not blank; otherwise it creates nothing.
 */
public abstract class EnvProviderFactory implements VideoProviderFactory {
  private final String id;
  private final List<String> variables;
  private final List<String> credentials;
  private final Function<Map<String, String>, ? extends VideoProvider> create;

  /**
   * @param id the provider id
   * @param variables every variable the adapter reads, credentials first
   * @param credentials the variables of which one must be set for the adapter to be created
   * @param create the adapter's {@code fromEnv(Map)}
   */
  protected EnvProviderFactory(String id, List<String> variables, List<String> credentials,
      Function<Map<String, String>, ? extends VideoProvider> create) {
    this.id = Objects.requireNonNull(id, "id == null");
    this.variables = List.copyOf(variables);
    this.credentials = List.copyOf(credentials);
    this.create = Objects.requireNonNull(create, "create == null");
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final List<String> environmentVariables() {
    return variables;
  }

  /**
   * @param env the environment
   * @return the adapter when one of its credential variables is set, else empty
   * @throws dev.videojob.core.InvalidRequestException if the variables set are incomplete or contradictory
   */
  @Override
  public final Optional<VideoProvider> fromEnv(Map<String, String> env) {
    boolean configured = credentials.stream().anyMatch(v -> text(env, v).isPresent());
    return configured ? Optional.of(create.apply(env)) : Optional.empty();
  }

  /**
   * Sets the base URL from its variable, when that is set and not blank, for an adapter's {@code fromEnv(Map)}.
   *
   * @param builder the adapter's builder, with its credentials set
   * @param env the environment
   * @param baseUrlVariable the variable that overrides the base URL
   * @param <B> the builder type
   * @return the builder
   */
  public static <B extends ProviderBuilder<B>> B withBaseUrl(B builder, Map<String, String> env, String baseUrlVariable) {
    text(env, baseUrlVariable).ifPresent(builder::baseUrl);
    return builder;
  }

  /**
   * @param env the environment
   * @param name a variable
   * @return its value, if set and not blank
   */
  public static Optional<String> text(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }
}
