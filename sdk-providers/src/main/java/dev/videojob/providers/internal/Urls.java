package dev.videojob.providers.internal;

import dev.videojob.core.spi.AdapterSupport;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Building request paths from ids, and resolving the relative URLs providers answer with. */
public final class Urls {
  private static final Logger log = LoggerFactory.getLogger(Urls.class);
  private static final HttpUrl ROOT = HttpUrl.get("http://localhost/");

  private Urls() {}

  /**
   * Encodes a value (a job id) as one path segment, as OkHttp encodes path segments: {@code /},
   * {@code ?}, {@code #}, {@code %}, spaces and other characters that would end or split the segment are
   * percent-encoded. The dot segments {@code .} and {@code ..} are returned as they are.
   *
   * @param value the value
   * @return the encoded segment
   */
  public static String segment(String value) {
    if (value.equals(".") || value.equals("..")) return value;
    List<String> segments = ROOT.newBuilder().addPathSegment(value).build().encodedPathSegments();
    return segments.get(segments.size() - 1);
  }

  /**
   * A path template ({@code /api/videos/%s/generate-scenes}) with the value encoded as one segment in its place.
   *
   * @param template the template with one {@code %s}
   * @param value the value
   * @return the path
   */
  public static String path(String template, String value) {
    return String.format(Locale.ROOT, template, segment(value));
  }

  /**
   * Resolves a path such as {@code /api/download/1} against a base URL the way the transport does (a path
   * prefix on the base URL is kept); an absolute URL is returned as is. A value that is not a URI (a space,
   * another illegal character) is dropped and logged at DEBUG, without its query string.
   *
   * @param provider the provider id, for the log
   * @param field the field the value came from, for the log
   * @param baseUrl the base URL
   * @param pathOrUrl the path or URL
   * @return the absolute URL, if the value is one or a path
   */
  public static Optional<URI> resolve(String provider, String field, URI baseUrl, String pathOrUrl) {
    String text = pathOrUrl.trim();
    try {
      URI u = new URI(text);
      if (u.isAbsolute()) return Optional.of(u);
      String base = baseUrl.toString();
      if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
      return Optional.of(new URI(base + (text.startsWith("/") ? text : "/" + text)));
    } catch (URISyntaxException e) {
      log.debug("{}: dropped {} from the snapshot: {} is not a URL or path", provider, field,
          AdapterSupport.redactUrl(text));
      return Optional.empty();
    }
  }

  /**
   * @param url a URL
   * @param baseUrl the API's base URL
   * @return whether the URL is on the API's own host and port (and so may be fetched with its credentials)
   */
  public static boolean sameOrigin(URI url, URI baseUrl) {
    return url.getHost() != null && url.getHost().equalsIgnoreCase(baseUrl.getHost()) && url.getPort() == baseUrl.getPort();
  }
}
