package dev.videojob.core;

import dev.videojob.core.internal.Redaction;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One output of a job: a video, a thumbnail, a short clip, a manifest.
 *
 * <p>Outputs are ephemeral: {@link #expiresAt()} says when the URL stops working (providers
 * keep them from an hour to a week), and {@link #needsAuth()} says whether fetching it needs
 * the provider's credentials (VidBuilder's {@code /api/download/{id}}). Relative URLs are
 * resolved against the provider's base URL by the adapter. {@link #toString()} never prints the
 * URL's query string, which for presigned URLs is a credential.
 */
public final class Asset {
  private final URI url;
  private final AssetKind kind;
  private final Instant expiresAt;
  private final boolean needsAuth;
  private final Duration duration;
  private final Long sizeBytes;
  private final String mimeType;
  private final String title;
  private final Double score;
  private final Map<String, String> attributes;

  private Asset(Builder b) {
    this.url = Objects.requireNonNull(b.url, "url == null");
    this.kind = Objects.requireNonNull(b.kind, "kind == null");
    this.expiresAt = b.expiresAt;
    this.needsAuth = b.needsAuth;
    this.duration = b.duration;
    this.sizeBytes = b.sizeBytes;
    this.mimeType = b.mimeType;
    this.title = b.title;
    this.score = b.score;
    this.attributes = Map.copyOf(b.attributes);
  }

  /**
   * Starts an asset at an absolute URL.
   *
   * @param url the absolute URL of the output
   * @param kind what it is
   * @return a builder
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the URL is not absolute
   */
  public static Builder builder(URI url, AssetKind kind) {
    return new Builder(url, kind);
  }

  /** @return the absolute URL of the output */
  public URI url() {
    return url;
  }

  /** @return what the output is */
  public AssetKind kind() {
    return kind;
  }

  /** @return when the URL stops working, if the provider says */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /**
   * Whether the URL has stopped working at the given instant.
   *
   * @param now the current time
   * @return true if an expiry is known and is not after {@code now}
   */
  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now);
  }

  /** @return whether fetching the URL needs the provider's credentials */
  public boolean needsAuth() {
    return needsAuth;
  }

  /** @return the media duration, if known */
  public Optional<Duration> duration() {
    return Optional.ofNullable(duration);
  }

  /** @return the size in bytes, if known */
  public OptionalLong sizeBytes() {
    return sizeBytes == null ? OptionalLong.empty() : OptionalLong.of(sizeBytes);
  }

  /** @return the media type such as {@code video/mp4}, if known */
  public Optional<String> mimeType() {
    return Optional.ofNullable(mimeType);
  }

  /** @return a title the provider gave the output (ssemble shorts), if any */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** @return a provider score such as ssemble's viral score, if any */
  public OptionalDouble score() {
    return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
  }

  /** @return other provider facts about this output (quality, id, resolution), unmodifiable */
  public Map<String, String> attributes() {
    return attributes;
  }

  /** @return a builder holding this asset's values */
  public Builder toBuilder() {
    Builder b = new Builder(url, kind);
    b.expiresAt = expiresAt;
    b.needsAuth = needsAuth;
    b.duration = duration;
    b.sizeBytes = sizeBytes;
    b.mimeType = mimeType;
    b.title = title;
    b.score = score;
    b.attributes.putAll(attributes);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Asset)) return false;
    Asset a = (Asset) o;
    return needsAuth == a.needsAuth && url.equals(a.url) && kind == a.kind
        && Objects.equals(expiresAt, a.expiresAt) && Objects.equals(duration, a.duration)
        && Objects.equals(sizeBytes, a.sizeBytes) && Objects.equals(mimeType, a.mimeType)
        && Objects.equals(title, a.title) && Objects.equals(score, a.score)
        && attributes.equals(a.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, kind, expiresAt, needsAuth);
  }

  @Override
  public String toString() {
    return "Asset{" + kind + " " + Redaction.url(url)
        + (expiresAt != null ? ", expiresAt=" + expiresAt : "")
        + (needsAuth ? ", needsAuth" : "")
        + (title != null ? ", title=" + title : "") + "}";
  }

  /** Builds an {@link Asset}; not thread-safe. */
  public static final class Builder {
    private final URI url;
    private final AssetKind kind;
    private Instant expiresAt;
    private boolean needsAuth;
    private Duration duration;
    private Long sizeBytes;
    private String mimeType;
    private String title;
    private Double score;
    private final Map<String, String> attributes = new LinkedHashMap<>();

    private Builder(URI url, AssetKind kind) {
      this.url = Objects.requireNonNull(url, "url == null");
      this.kind = Objects.requireNonNull(kind, "kind == null");
      if (!url.isAbsolute()) {
        throw new IllegalArgumentException("asset URL must be absolute (resolve it against the provider's base URL): "
            + Redaction.url(url));
      }
    }

    /**
     * @param expiresAt when the URL stops working; default unknown (null)
     * @return this
     */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    /**
     * @param needsAuth whether fetching needs the provider's credentials; default false
     * @return this
     */
    public Builder needsAuth(boolean needsAuth) {
      this.needsAuth = needsAuth;
      return this;
    }

    /**
     * @param duration the media duration; default unknown
     * @return this
     */
    public Builder duration(Duration duration) {
      this.duration = duration;
      return this;
    }

    /**
     * @param sizeBytes the size in bytes; default unknown
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder sizeBytes(Long sizeBytes) {
      if (sizeBytes != null && sizeBytes < 0) throw new IllegalArgumentException("sizeBytes < 0");
      this.sizeBytes = sizeBytes;
      return this;
    }

    /**
     * @param mimeType the media type; default unknown
     * @return this
     */
    public Builder mimeType(String mimeType) {
      this.mimeType = mimeType;
      return this;
    }

    /**
     * @param title a provider-given title; default none
     * @return this
     */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /**
     * @param score a provider score such as a viral score; default none
     * @return this
     */
    public Builder score(Double score) {
      this.score = score;
      return this;
    }

    /**
     * Adds a provider fact; a null value is ignored.
     *
     * @param name the attribute name
     * @param value its value
     * @return this
     */
    public Builder attribute(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      if (value != null) attributes.put(name, value);
      return this;
    }

    /** @return the asset */
    public Asset build() {
      return new Asset(this);
    }
  }
}
