package dev.videojob.providers.internal;

import dev.videojob.core.spi.HttpTransport;
import dev.videojob.core.spi.ProviderCapabilities;
import dev.videojob.core.spi.VideoProvider;
import java.util.Objects;

/**
 * The base of every adapter that calls its provider through one {@link HttpTransport}: it holds the provider
 * id, the capabilities and the transport, answers {@link #id()} and {@link #capabilities()}, closes the
 * transport and names the base URL in {@link #toString()} (never a credential). The adapter adds its calls.
 */
public abstract class HttpAdapter implements VideoProvider {
  /** The transport every call of the adapter goes through. */
  protected final HttpTransport http;
  private final String id;
  private final ProviderCapabilities capabilities;

  /**
   * @param id the provider id
   * @param capabilities what the adapter supports
   * @param http the transport, closed with the adapter
   */
  protected HttpAdapter(String id, ProviderCapabilities capabilities, HttpTransport http) {
    this.id = Objects.requireNonNull(id, "id == null");
    this.capabilities = Objects.requireNonNull(capabilities, "capabilities == null");
    this.http = Objects.requireNonNull(http, "http == null");
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final ProviderCapabilities capabilities() {
    return capabilities;
  }

  /** Closes the transport, releasing its connection pool unless the OkHttp client was the application's. */
  @Override
  public void close() {
    http.close();
  }

  /** @return the adapter's class and its base URL */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + http.baseUrl() + "}";
  }
}
