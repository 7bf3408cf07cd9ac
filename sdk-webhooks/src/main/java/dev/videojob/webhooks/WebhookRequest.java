package dev.videojob.webhooks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * A webhook request as any framework can hand it over: the raw body bytes, the headers and the
 * raw query string (which carries the callback token for providers that sign nothing).
 */
public final class WebhookRequest {
  private final byte[] body;
  private final WebhookHeaders headers;
  /** Only its query is used: OkHttp parses and decodes it. */
  private final HttpUrl query;

  private WebhookRequest(byte[] body, WebhookHeaders headers, HttpUrl query) {
    this.body = body;
    this.headers = headers;
    this.query = query;
  }

  /**
   * A request.
   *
   * @param body the raw body bytes, exactly as received (not a re-serialized JSON tree); not copied
   * @param headers the request headers
   * @param rawQuery the raw (still percent-encoded) query string without {@code ?}, or null
   * @return the request
   * @throws NullPointerException if body or headers is null
   */
  public static WebhookRequest of(byte[] body, WebhookHeaders headers, String rawQuery) {
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(headers, "headers == null");
    return new WebhookRequest(body, headers, parse(rawQuery));
  }

  /**
   * A request without a query string.
   *
   * @param body the raw body bytes
   * @param headers the request headers
   * @return the request
   */
  public static WebhookRequest of(byte[] body, WebhookHeaders headers) {
    return of(body, headers, null);
  }

  private static HttpUrl parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) return null;
    return new HttpUrl.Builder().scheme("http").host("localhost").encodedQuery(rawQuery).build();
  }

  /** @return the raw body bytes (not copied: do not modify) */
  public byte[] body() {
    return body;
  }

  /** @return the request headers */
  public WebhookHeaders headers() {
    return headers;
  }

  /**
   * The first value of a query parameter, percent-decoded ({@code +} is a space).
   *
   * @param name the parameter name
   * @return its first value, if present
   */
  public Optional<String> queryParameter(String name) {
    if (query == null) return Optional.empty();
    List<String> v = query.queryParameterValues(name);
    // A name without '=' has no value: it is present and empty.
    return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0) == null ? "" : v.get(0));
  }

  /** Never prints the query (it carries the callback token) or the body. */
  @Override
  public String toString() {
    return "WebhookRequest{bytes=" + body.length + "}";
  }
}
