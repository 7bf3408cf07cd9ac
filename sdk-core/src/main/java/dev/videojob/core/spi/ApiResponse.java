package dev.videojob.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videojob.core.ErrorContext;
import dev.videojob.core.ProviderUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provider's HTTP answer as the transport received it: status, headers (looked up in any case)
 * and the whole body. Immutable.
 */
public final class ApiResponse {
  private static final List<String> REQUEST_ID_HEADERS =
      List.of("x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid");

  private final String provider;
  private final URI url;
  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final ObjectMapper mapper;

  /**
   * Creates a response; the transport does this.
   *
   * @param provider the provider id
   * @param url the URL called
   * @param status the HTTP status
   * @param headers the headers, names in any case
   * @param body the body
   * @param mapper the JSON mapper
   */
  public ApiResponse(String provider, URI url, int status, Map<String, List<String>> headers, byte[] body,
      ObjectMapper mapper) {
    this.provider = provider;
    this.url = url;
    this.status = status;
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
    this.headers = Collections.unmodifiableMap(h);
    this.body = body;
    this.mapper = mapper;
  }

  /** @return the URL that was called */
  public URI url() {
    return url;
  }

  /** @return the HTTP status */
  public int status() {
    return status;
  }

  /** @return whether the status is 2xx */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** @return every header, names case-insensitive, unmodifiable */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * @param name a header name, any case
   * @return its first value, if present
   */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** @return the provider's request id from the usual headers, if any */
  public Optional<String> requestId() {
    for (String h : REQUEST_ID_HEADERS) {
      Optional<String> v = header(h);
      if (v.isPresent()) return v;
    }
    return Optional.empty();
  }

  /**
   * Headers describing rate limits ({@code X-RateLimit-*}, {@code RateLimit-*}, {@code Retry-After}), names lower-cased.
   *
   * @return the headers, unmodifiable
   */
  public Map<String, String> rateLimitHeaders() {
    TreeMap<String, String> out = new TreeMap<>();
    headers.forEach((k, v) -> {
      String n = k.toLowerCase(Locale.ROOT);
      if ((n.startsWith("x-ratelimit") || n.startsWith("ratelimit") || n.equals("retry-after")) && !v.isEmpty()) {
        out.put(n, v.get(0));
      }
    });
    return Collections.unmodifiableMap(out);
  }

  /** @return the body (a copy) */
  public byte[] body() {
    return body.clone();
  }

  /** @return the body as UTF-8 text */
  public String bodyString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Parses the body as JSON.
   *
   * @return the JSON tree
   * @throws ProviderUnavailableException if the body is not JSON (the provider answered something unexpected)
   */
  public JsonNode json() {
    try {
      JsonNode node = mapper.readTree(body);
      if (node == null || node.isMissingNode()) throw new IOException("empty body");
      return node;
    } catch (IOException e) {
      throw new ProviderUnavailableException("the provider answered a body that is not JSON: " + e.getMessage(),
          ErrorContext.of(provider).withHttpStatus(status).withRequestId(requestId().orElse(null)), e, false);
    }
  }

  /** @return the body as JSON, or null when it is empty or not JSON */
  public JsonNode jsonOrNull() {
    try {
      JsonNode node = mapper.readTree(body);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "ApiResponse{" + status + " " + dev.videojob.core.internal.Redaction.url(url) + "}";
  }
}
