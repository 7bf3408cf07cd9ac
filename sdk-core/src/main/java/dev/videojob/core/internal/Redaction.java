package dev.videojob.core.internal;

import java.net.URI;

/** Cuts secrets out of URLs before they reach a log line, an exception message or a {@code toString()}. */
public final class Redaction {
  /** What a redacted value reads as. */
  public static final String MASK = "<redacted>";

  private Redaction() {}

  /**
   * @param url any URL, may be null
   * @return {@code scheme://host[:port]/path}, plus {@code ?<redacted>} when there was a query: the query and the
   *     user info carry signatures and tokens (S3 presigned URLs, per-job callback tokens)
   */
  public static String url(URI url) {
    if (url == null) return "null";
    if (url.getScheme() == null || url.getRawAuthority() == null) return cutQuery(url.toString());
    StringBuilder b = new StringBuilder(url.getScheme()).append("://").append(url.getHost() == null ? "" : url.getHost());
    if (url.getPort() >= 0) b.append(':').append(url.getPort());
    if (url.getRawPath() != null) b.append(url.getRawPath());
    if (url.getRawQuery() != null) b.append('?').append(MASK);
    return b.toString();
  }

  /**
   * @param url a URL as text, may be null
   * @return as {@link #url(URI)}; text that is not a URL is cut at its first {@code ?}
   */
  public static String url(String url) {
    if (url == null) return "null";
    try {
      return url(URI.create(url));
    } catch (IllegalArgumentException e) {
      return cutQuery(url);
    }
  }

  private static String cutQuery(String s) {
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q) + "?" + MASK;
  }
}
