package dev.videojob.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP call an adapter makes through {@link HttpTransport}: method, path (relative to the
 * transport's base URL) or absolute URL, query, headers and body. Immutable; build with
 * {@link #get(String)}, {@link #post(String)} and the other factories.
 */
public final class ApiRequest {
  private final String method;
  private final String path;
  private final Map<String, String> query;
  private final Map<String, String> headers;
  private final Object jsonBody;
  private final byte[] body;
  private final String contentType;
  private final boolean createsJob;

  private ApiRequest(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.query = Collections.unmodifiableMap(new LinkedHashMap<>(b.query));
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.jsonBody = b.jsonBody;
    this.body = b.body;
    this.contentType = b.contentType;
    this.createsJob = b.createsJob;
  }

  /**
   * @param path a path relative to the base URL, or an absolute URL
   * @return a GET builder
   */
  public static Builder get(String path) {
    return new Builder("GET", path);
  }

  /**
   * @param path a path relative to the base URL, or an absolute URL
   * @return a POST builder
   */
  public static Builder post(String path) {
    return new Builder("POST", path);
  }

  /**
   * @param path a path relative to the base URL, or an absolute URL
   * @return a DELETE builder
   */
  public static Builder delete(String path) {
    return new Builder("DELETE", path);
  }

  /**
   * @param path a path relative to the base URL, or an absolute URL
   * @return a PUT builder
   */
  public static Builder put(String path) {
    return new Builder("PUT", path);
  }

  /** @return the HTTP method */
  public String method() {
    return method;
  }

  /** @return the path or absolute URL */
  public String path() {
    return path;
  }

  /** @return query parameters, unmodifiable */
  public Map<String, String> query() {
    return query;
  }

  /** @return extra headers, unmodifiable */
  public Map<String, String> headers() {
    return headers;
  }

  /** @return the value serialised as the JSON body, if any */
  public Optional<Object> jsonBody() {
    return Optional.ofNullable(jsonBody);
  }

  /** @return the raw body, if any (a copy) */
  public Optional<byte[]> rawBody() {
    return Optional.ofNullable(body).map(byte[]::clone);
  }

  /** @return the raw body's content type, if any */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  byte[] rawBodyUnsafe() {
    return body;
  }

  /**
   * Whether the call creates something the provider may charge for. Such a call is retried only
   * when that is safe (the provider honours idempotency keys, or nothing reached it, or it
   * answered 429/503); otherwise a lost answer is an {@link dev.videojob.core.OutcomeUnknownException}.
   *
   * @return whether the call creates a job
   */
  public boolean createsJob() {
    return createsJob;
  }

  @Override
  public String toString() {
    return method + " " + dev.videojob.core.internal.Redaction.url(path);
  }

  /** Builds an {@link ApiRequest}; not thread-safe. */
  public static final class Builder {
    private final String method;
    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Object jsonBody;
    private byte[] body;
    private String contentType;
    private boolean createsJob;

    private Builder(String method, String path) {
      this.method = method;
      this.path = Objects.requireNonNull(path, "path == null");
    }

    /**
     * @param name a query parameter
     * @param value its value; null is ignored
     * @return this
     */
    public Builder query(String name, String value) {
      if (value != null) query.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /**
     * @param name a header
     * @param value its value; null is ignored
     * @return this
     */
    public Builder header(String name, String value) {
      if (value != null) headers.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /**
     * @param body a Jackson-serialisable value (a {@code JsonNode}, a Map, a record) sent as JSON
     * @return this
     */
    public Builder json(Object body) {
      this.jsonBody = body;
      this.body = null;
      return this;
    }

    /**
     * @param bytes the raw body
     * @param contentType its media type
     * @return this
     */
    public Builder body(byte[] bytes, String contentType) {
      this.body = bytes.clone();
      this.contentType = Objects.requireNonNull(contentType, "contentType == null");
      this.jsonBody = null;
      return this;
    }

    /**
     * @param createsJob whether the call creates a chargeable job; default false
     * @return this
     */
    public Builder createsJob(boolean createsJob) {
      this.createsJob = createsJob;
      return this;
    }

    /** @return the request */
    public ApiRequest build() {
      return new ApiRequest(this);
    }
  }
}
