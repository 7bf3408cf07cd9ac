package dev.videojob.providers.internal;

import dev.videojob.webhooks.CallbackTokens;
import java.net.URI;

/** Callback URL helpers for adapters of providers that sign nothing. */
public final class CallbackUrls {
  private CallbackUrls() {}

  /**
   * @param url a callback URL
   * @return whether its query already carries a {@value CallbackTokens#TOKEN_PARAMETER} parameter
   */
  public static boolean hasToken(URI url) {
    String q = url.getRawQuery();
    return q != null && (q.startsWith(CallbackTokens.TOKEN_PARAMETER + "=")
        || q.contains("&" + CallbackTokens.TOKEN_PARAMETER + "="));
  }

  /**
   * Adds a fresh per-job token to a callback URL that has none.
   *
   * @param tokens the application's tokens, or null to leave the URL as given
   * @param url the callback URL
   * @param provider the provider id
   * @return the URL with a token, or as given when it has one or no tokens are configured
   * @throws IllegalArgumentException if the URL has a fragment
   */
  public static URI withToken(CallbackTokens tokens, URI url, String provider) {
    return tokens == null || hasToken(url) ? url : tokens.callbackUrl(url, provider);
  }
}
