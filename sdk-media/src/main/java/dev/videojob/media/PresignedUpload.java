package dev.videojob.media;

import dev.videojob.core.internal.Redaction;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to upload one file: a presigned URL (the query string is the credential: it is never
 * logged), the method, the {@code Content-Type} and headers the signature covers, and the header that
 * carries the sha256. Immutable; build with {@link #builder(URI)}.
 */
public final class PresignedUpload {
  private final URI url;
  private final String method;
  private final String contentType;
  private final Map<String, String> headers;
  private final ChecksumHeader checksumHeader;
  private final TransferListener listener;

  private PresignedUpload(Builder b) {
    this.url = b.url;
    this.method = b.method;
    this.contentType = b.contentType;
    this.headers = Map.copyOf(b.headers);
    this.checksumHeader = b.checksumHeader;
    this.listener = b.listener;
  }

  /**
   * Starts an upload to a presigned URL.
   *
   * @param url the absolute http(s) URL
   * @return a builder
   * @throws IllegalArgumentException if the URL is not absolute http(s)
   */
  public static Builder builder(URI url) {
    return new Builder(url);
  }

  /** @return the URL (a credential: never log it, use {@code Redaction}) */
  public URI url() {
    return url;
  }

  /** @return the HTTP method; default PUT */
  public String method() {
    return method;
  }

  /** @return the {@code Content-Type} sent */
  public String contentType() {
    return contentType;
  }

  /** @return extra headers sent with the body, unmodifiable */
  public Map<String, String> headers() {
    return headers;
  }

  /** @return the header carrying the sha256 */
  public ChecksumHeader checksumHeader() {
    return checksumHeader;
  }

  /** @return the listener */
  public TransferListener listener() {
    return listener;
  }

  @Override
  public String toString() {
    return "PresignedUpload{" + method + " " + Redaction.url(url) + ", " + contentType + "}";
  }

  /** Builds a {@link PresignedUpload}; not thread-safe. */
  public static final class Builder {
    private final URI url;
    private String method = "PUT";
    private String contentType = "application/octet-stream";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private ChecksumHeader checksumHeader = ChecksumHeader.s3();
    private TransferListener listener = TransferListener.NONE;

    private Builder(URI url) {
      this.url = Objects.requireNonNull(url, "url == null");
      String s = url.getScheme();
      if (!url.isAbsolute() || !("http".equalsIgnoreCase(s) || "https".equalsIgnoreCase(s))) {
        throw new IllegalArgumentException("the upload URL must be an absolute http(s) URL: " + Redaction.url(url));
      }
    }

    /**
     * @param method PUT (the default) or POST
     * @return this
     * @throws IllegalArgumentException for another method
     */
    public Builder method(String method) {
      if (!"PUT".equals(method) && !"POST".equals(method)) {
        throw new IllegalArgumentException("method must be PUT or POST, not " + method);
      }
      this.method = method;
      return this;
    }

    /**
     * @param contentType the media type, which must match what the URL was signed for; default application/octet-stream
     * @return this
     */
    public Builder contentType(String contentType) {
      this.contentType = Objects.requireNonNull(contentType, "contentType == null");
      return this;
    }

    /**
     * Adds a header the presigned signature expects (such as {@code x-amz-meta-*}).
     *
     * @param name the header name
     * @param value its value
     * @return this
     */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * @param header the header carrying the sha256; default {@link ChecksumHeader#s3()}
     * @return this
     */
    public Builder checksumHeader(ChecksumHeader header) {
      this.checksumHeader = Objects.requireNonNull(header, "header == null");
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

    /** @return the upload */
    public PresignedUpload build() {
      return new PresignedUpload(this);
    }
  }
}
