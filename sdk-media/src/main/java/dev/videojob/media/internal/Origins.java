package dev.videojob.media.internal;

import java.net.URI;
import java.util.Locale;
import okhttp3.HttpUrl;

/** Origin (scheme, host, port) comparison, the boundary credentials never cross. */
public final class Origins {
  private Origins() {}

  /**
   * @param url a URL
   * @param origin the origin credentials belong to
   * @return whether both have the same scheme, host and effective port
   */
  public static boolean same(HttpUrl url, URI origin) {
    HttpUrl o = origin == null ? null : HttpUrl.get(origin.toString());
    return o != null && url.scheme().equals(o.scheme())
        && url.host().toLowerCase(Locale.ROOT).equals(o.host().toLowerCase(Locale.ROOT)) && url.port() == o.port();
  }
}
