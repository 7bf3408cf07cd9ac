package dev.videojob.webhooks;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook request as any framework can hand it over: the raw body bytes, the headers and the
 * raw query string (which carries the callback token for providers that sign nothing).
 */
public final class WebhookRequest {
  private final byte[] body;
  private final WebhookHeaders headers;
  private final Map<String, List<String>> query;

  private WebhookRequest(byte[] body, WebhookHeaders headers, Map<String, List<String>> query) {
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

  private static Map<String, List<String>> parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) return Map.of();
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    m.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(m);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
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
   * The first value of a query parameter.
   *
   * @param name the parameter name
   * @return its first value, if present
   */
  public Optional<String> queryParameter(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** Never prints the query (it carries the callback token) or the body. */
  @Override
  public String toString() {
    return "WebhookRequest{bytes=" + body.length + "}";
  }
}
