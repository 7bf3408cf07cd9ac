package dev.videojob.media;

import dev.videojob.core.spi.Auth;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Per-download options: the expected checksum and size, the provider's credentials and a listener.
 * Immutable; build with {@link #builder()}.
 *
 * <p>Credentials are sent only when the asset {@linkplain dev.videojob.core.Asset#needsAuth() needs
 * them} and only to the origin (scheme, host and port) they belong to: never to a CDN, never across
 * a redirect to another host.
 */
public final class DownloadOptions {
  private static final DownloadOptions DEFAULTS = builder().build();

  private final String expectedSha256;
  private final Long expectedSize;
  private final Auth credentials;
  private final URI credentialsOrigin;
  private final TransferListener listener;

  private DownloadOptions(Builder b) {
    this.expectedSha256 = b.expectedSha256;
    this.expectedSize = b.expectedSize;
    this.credentials = b.credentials;
    this.credentialsOrigin = b.credentialsOrigin;
    this.listener = b.listener;
  }

  /** @return no checksum, no credentials, no listener */
  public static DownloadOptions defaults() {
    return DEFAULTS;
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the expected lower-case hex sha256, if given */
  public Optional<String> expectedSha256() {
    return Optional.ofNullable(expectedSha256);
  }

  /** @return the expected size, if given */
  public OptionalLong expectedSize() {
    return expectedSize == null ? OptionalLong.empty() : OptionalLong.of(expectedSize);
  }

  /** @return the credentials, if given (never log their value) */
  public Optional<Auth> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** @return the origin the credentials belong to, if given */
  public Optional<URI> credentialsOrigin() {
    return Optional.ofNullable(credentialsOrigin);
  }

  /** @return the listener; {@link TransferListener#NONE} by default */
  public TransferListener listener() {
    return listener;
  }

  @Override
  public String toString() {
    return "DownloadOptions{" + (expectedSha256 != null ? "sha256=" + expectedSha256 + ", " : "")
        + (expectedSize != null ? "size=" + expectedSize + ", " : "")
        + "credentials=" + (credentials == null ? "none" : credentials + " for " + credentialsOrigin.getHost()) + "}";
  }

  /** Builds {@link DownloadOptions}; not thread-safe. */
  public static final class Builder {
    private String expectedSha256;
    private Long expectedSize;
    private Auth credentials;
    private URI credentialsOrigin;
    private TransferListener listener = TransferListener.NONE;

    private Builder() {}

    /**
     * The sha256 the bytes must have; on a mismatch nothing is kept and the download fails with
     * {@link ChecksumMismatchException}.
     *
     * @param hex 64 hex digits, any case; default none (not checked)
     * @return this
     * @throws IllegalArgumentException if not 64 hex digits
     */
    public Builder expectedSha256(String hex) {
      if (hex != null && !hex.matches("[0-9a-fA-F]{64}")) {
        throw new IllegalArgumentException("expectedSha256 must be 64 hex digits");
      }
      this.expectedSha256 = hex == null ? null : hex.toLowerCase(Locale.ROOT);
      return this;
    }

    /**
     * @param size the byte count the download must have; default none (not checked)
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder expectedSize(Long size) {
      if (size != null && size < 0) throw new IllegalArgumentException("expectedSize < 0");
      this.expectedSize = size;
      return this;
    }

    /**
     * The provider's credentials for assets that need them, and the origin they may be sent to.
     *
     * @param auth the credentials, or null for none (the default)
     * @param origin the provider's base URL; only URLs with its scheme, host and port get the credentials
     * @return this
     * @throws NullPointerException if auth is given without an origin
     */
    public Builder credentials(Auth auth, URI origin) {
      if (auth != null) Objects.requireNonNull(origin, "origin == null");
      this.credentials = auth;
      this.credentialsOrigin = auth == null ? null : origin;
      return this;
    }

    /**
     * @param listener hears progress and retries; default {@link TransferListener#NONE}
     * @return this
     */
    public Builder listener(TransferListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /** @return the options */
    public DownloadOptions build() {
      return new DownloadOptions(this);
    }
  }
}
