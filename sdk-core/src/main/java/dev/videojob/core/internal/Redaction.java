package dev.videojob.core.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Redacts secrets before text reaches a log line, an exception message or a {@code toString()}.
 *
 * <p>Internal: shared by the SDK's modules, not part of the public API.
 */
public final class Redaction {
  /** What a redacted value reads as. */
  public static final String MASK = "<redacted>";

  private static final Set<String> SECRET_HEADERS = Set.of(
      "authorization", "proxy-authorization", "x-api-key", "api-key", "cookie", "set-cookie",
      "x-api-signature", "x-creativeai-signature", "x-videopilot-signature", "x-webhook-signature",
      "webhook-signature", "x-amz-security-token");

  private Redaction() {}

  /**
   * Returns the URL without its query string and user info, which carry signatures and tokens
   * (S3 presigned URLs, per-job callback tokens).
   *
   * @param url any URL, may be null
   * @return {@code scheme://host[:port]/path} plus {@code ?<redacted>} when there was a query
   */
  public static String url(URI url) {
    if (url == null) return "null";
    if (url.getScheme() == null || url.getRawAuthority() == null) {
      String s = url.toString();
      int q = s.indexOf('?');
      return q < 0 ? s : s.substring(0, q) + "?" + MASK;
    }
    StringBuilder b = new StringBuilder(url.getScheme()).append("://").append(url.getHost() == null ? "" : url.getHost());
    if (url.getPort() >= 0) b.append(':').append(url.getPort());
    if (url.getRawPath() != null) b.append(url.getRawPath());
    if (url.getRawQuery() != null) b.append('?').append(MASK);
    return b.toString();
  }

  /**
   * Same as {@link #url(URI)} for a URL given as text; text that is not a URL is cut at its first {@code ?}.
   *
   * @param url a URL as text, may be null
   * @return the redacted URL
   */
  public static String url(String url) {
    if (url == null) return "null";
    try {
      return url(URI.create(url));
    } catch (IllegalArgumentException e) {
      int q = url.indexOf('?');
      return q < 0 ? url : url.substring(0, q) + "?" + MASK;
    }
  }

  /**
   * Whether a header's value is a secret (credentials, signatures, cookies).
   *
   * @param name a header name, any case
   * @return true if the value must never be logged
   */
  public static boolean isSecretHeader(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return SECRET_HEADERS.contains(n) || n.contains("signature") || n.contains("token") || n.contains("secret");
  }

  /**
   * Returns the header value fit for a log line.
   *
   * @param name the header name
   * @param value its value
   * @return the value, or {@link #MASK} for a secret header
   */
  public static String header(String name, String value) {
    return isSecretHeader(name) ? MASK : value;
  }
}
