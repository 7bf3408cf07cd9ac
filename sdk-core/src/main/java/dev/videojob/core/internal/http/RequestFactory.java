package dev.videojob.core.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videojob.core.ErrorContext;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.internal.Redaction;
import dev.videojob.core.internal.Version;
import dev.videojob.core.spi.ApiRequest;
import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.CallContext;
import java.net.URI;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Builds the OkHttp request of one attempt: the URL against the base URL, the JSON or raw body, the
 * provider's auth, a {@code videojob-java/<version>} User-Agent, the client's and the call's headers, and a
 * create call's idempotency key in the provider's header (else {@code Idempotency-Key}).
 *
 * <p>Internal: not part of the public API. Immutable and thread-safe.
 */
public final class RequestFactory {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final String provider;
  private final HttpUrl baseUrl;
  private final Auth auth;
  private final ObjectMapper mapper;
  private final String idempotencyHeader;
  private final String base;

  /**
   * @param provider the provider id, for errors
   * @param baseUrl the base URL relative paths are resolved against
   * @param auth the provider's auth
   * @param mapper writes JSON bodies
   * @param idempotencyHeader the header a create call's key travels in
   */
  public RequestFactory(String provider, HttpUrl baseUrl, Auth auth, ObjectMapper mapper, String idempotencyHeader) {
    this.provider = provider;
    this.baseUrl = baseUrl;
    this.auth = auth;
    this.mapper = mapper;
    this.idempotencyHeader = idempotencyHeader;
    this.base = baseUrl.toString();
  }

  /** @return the base URL */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * Resolves a path, or an absolute URL, against the base URL; a relative path keeps the base URL's own path
   * ({@code videos} and {@code /videos} against {@code https://h/v1} both give {@code https://h/v1/videos}).
   *
   * @param pathOrUrl a relative path or an absolute http(s) URL
   * @return the absolute URL
   * @throws IllegalArgumentException if it cannot be resolved
   */
  public HttpUrl resolve(String pathOrUrl) {
    // Only what names a scheme is parsed as absolute: HttpUrl.parse of a relative path builds and swallows an
    // exception, once per call.
    if (hasHttpScheme(pathOrUrl)) {
      HttpUrl abs = HttpUrl.parse(pathOrUrl);
      if (abs != null) return abs;
    }
    String base = this.base;
    String joined = base.endsWith("/") ? base + (pathOrUrl.startsWith("/") ? pathOrUrl.substring(1) : pathOrUrl)
        : base + (pathOrUrl.startsWith("/") ? pathOrUrl : "/" + pathOrUrl);
    HttpUrl u = HttpUrl.parse(joined);
    if (u == null) throw new IllegalArgumentException("cannot resolve " + Redaction.url(pathOrUrl) + " against " + base);
    return u;
  }

  private static boolean hasHttpScheme(String s) {
    return s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8);
  }

  /**
   * The auth to fetch an output at this URL: present only when the URL has the base URL's scheme, host and port
   * and there is auth, so a CDN or presigned URL never gets the provider's key.
   *
   * @param url an output's absolute URL, may be null
   * @return the auth, or empty
   */
  public Optional<Auth> credentialsFor(URI url) {
    HttpUrl u = url == null ? null : HttpUrl.parse(url.toString());
    if (u == null || auth.headerName() == null) return Optional.empty();
    boolean sameOrigin = u.scheme().equals(baseUrl.scheme()) && u.host().equalsIgnoreCase(baseUrl.host())
        && u.port() == baseUrl.port();
    return sameOrigin ? Optional.of(auth) : Optional.empty();
  }

  /**
   * Builds one attempt's request.
   *
   * @param request the call
   * @param rawBody the call's raw body (not copied), or null
   * @param context the logical call's context: client headers and the idempotency key
   * @return the request
   * @throws InvalidRequestException if the JSON body cannot be written
   * @throws IllegalArgumentException if the path cannot be resolved
   */
  public Request build(ApiRequest request, byte[] rawBody, CallContext context) {
    HttpUrl.Builder url = resolve(request.path()).newBuilder();
    request.query().forEach(url::addQueryParameter);
    RequestBody body = null;
    if (request.jsonBody().isPresent()) {
      try {
        body = RequestBody.create(mapper.writeValueAsBytes(request.jsonBody().get()), JSON);
      } catch (JsonProcessingException e) {
        throw new InvalidRequestException("the request body cannot be written as JSON: " + e.getOriginalMessage(),
            ErrorContext.of(provider), null);
      }
    } else if (rawBody != null) {
      body = RequestBody.create(rawBody, MediaType.get(request.contentType().orElseThrow()));
    } else if (!request.method().equals("GET") && !request.method().equals("DELETE")) {
      body = RequestBody.create(new byte[0], null);
    }
    Request.Builder b = new Request.Builder().url(url.build()).method(request.method(), body)
        .header("User-Agent", Version.userAgent())
        .header("Accept", "application/json");
    if (auth.headerName() != null) b.header(auth.headerName(), auth.headerValue());
    context.options().extraHeaders().forEach(b::header);
    request.headers().forEach(b::header);
    if (request.createsJob()) context.idempotencyKey().ifPresent(k -> b.header(idempotencyHeader, k));
    return b.build();
  }
}
