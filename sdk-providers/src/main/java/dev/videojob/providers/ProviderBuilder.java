package dev.videojob.providers;

import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.HttpTransport;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * What every adapter's builder shares: the base URL and the transport settings. Each adapter's
 * {@code Builder} extends it and adds its credentials and its own options. Not thread-safe.
 *
 * @param <B> the adapter's builder type, returned by every setter
 */
public abstract class ProviderBuilder<B extends ProviderBuilder<B>> {
  private String baseUrl;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(30);
  private Duration attemptTimeout = Duration.ofSeconds(60);
  private OkHttpClient okHttpClient;
  private int ratePermits;
  private Duration ratePeriod = Duration.ofSeconds(1);
  private int maxConcurrency;

  /**
   * Starts a builder.
   *
   * @param defaultBaseUrl the provider's own API base URL
   */
  protected ProviderBuilder(String defaultBaseUrl) {
    this.baseUrl = Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl == null");
  }

  /** @return this builder as its own type */
  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * Overrides the API base URL, for tests, emulators and proxies.
   *
   * @param baseUrl the base URL; default the provider's own
   * @return this
   */
  public B baseUrl(String baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
    return self();
  }

  /**
   * @param timeout the connect timeout; default 10 s
   * @return this
   */
  public B connectTimeout(Duration timeout) {
    this.connectTimeout = Objects.requireNonNull(timeout, "timeout == null");
    return self();
  }

  /**
   * @param timeout the read and write timeout, between bytes; default 30 s
   * @return this
   */
  public B readTimeout(Duration timeout) {
    this.readTimeout = Objects.requireNonNull(timeout, "timeout == null");
    return self();
  }

  /**
   * @param timeout the longest one HTTP attempt may take (also cut to the call's deadline); default 60 s
   * @return this
   */
  public B attemptTimeout(Duration timeout) {
    this.attemptTimeout = Objects.requireNonNull(timeout, "timeout == null");
    return self();
  }

  /**
   * @param client an OkHttp client whose connection pool and dispatcher the adapter shares; default a
   *     new client, closed with the adapter
   * @return this
   */
  public B okHttpClient(OkHttpClient client) {
    this.okHttpClient = Objects.requireNonNull(client, "client == null");
    return self();
  }

  /**
   * Limits the calls this adapter makes, on the client side; calls beyond it wait, then fail with
   * {@code RateLimitedException} without being sent.
   *
   * @param permits calls per period; 0 (the default) for no limit
   * @param period the period
   * @return this
   * @throws IllegalArgumentException if permits is negative
   */
  public B rateLimit(int permits, Duration period) {
    if (permits < 0) throw new IllegalArgumentException("permits < 0");
    this.ratePermits = permits;
    this.ratePeriod = Objects.requireNonNull(period, "period == null");
    return self();
  }

  /**
   * Bounds the calls this adapter has in flight at once.
   *
   * @param max the bound; 0 (the default) for none
   * @return this
   * @throws IllegalArgumentException if negative
   */
  public B maxConcurrency(int max) {
    if (max < 0) throw new IllegalArgumentException("max < 0");
    this.maxConcurrency = max;
    return self();
  }

  /** @return the base URL set, or the provider's default */
  protected final String baseUrl() {
    return baseUrl;
  }

  /**
   * A transport builder with every shared setting applied, for the adapter's {@code build()}.
   *
   * @param providerId the adapter's provider id
   * @param auth the adapter's credentials
   * @return the transport builder, to add provider-specific settings to and build
   */
  protected final HttpTransport.Builder transport(String providerId, Auth auth) {
    HttpTransport.Builder t = HttpTransport.builder(providerId).baseUrl(baseUrl).auth(auth)
        .connectTimeout(connectTimeout).readTimeout(readTimeout).attemptTimeout(attemptTimeout)
        .rateLimit(ratePermits, ratePeriod).maxConcurrency(maxConcurrency);
    if (okHttpClient != null) t.okHttpClient(okHttpClient);
    return t;
  }
}
