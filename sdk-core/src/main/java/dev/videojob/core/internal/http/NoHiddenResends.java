package dev.videojob.core.internal.http;

import java.util.List;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Turns off every resend OkHttp would make on its own, so the SDK's retry rule is the only thing that
 * repeats a call (a create above all): no retry after a connection failure (which also stops OkHttp
 * repeating a 408), no redirects (a 307/308 would repeat a POST, and a redirect to another host would carry
 * a header credential such as {@code X-API-Key} there), and no follow-up of a 503. OkHttp repeats a 503
 * that says {@code Retry-After: 0} once, creates included, and throws {@link NumberFormatException} on its
 * own thread for a value beyond an int; no setting turns that off, so a network interceptor renames
 * {@code Retry-After} below OkHttp's follow-up logic and an application interceptor restores it above, where
 * the SDK reads it. Interceptors of a supplied client see the renamed header on the network side.
 *
 * <p>Internal: not part of the public API.
 */
public final class NoHiddenResends {
  /** The name {@code Retry-After} travels under between the two interceptors. */
  static final String HIDDEN_RETRY_AFTER = "X-Videojob-Hidden-Retry-After";
  private static final String RETRY_AFTER = "Retry-After";

  private static final Interceptor HIDE = chain -> rename(chain.proceed(chain.request()), RETRY_AFTER, HIDDEN_RETRY_AFTER);
  private static final Interceptor RESTORE = chain -> rename(chain.proceed(chain.request()), HIDDEN_RETRY_AFTER, RETRY_AFTER);

  private NoHiddenResends() {}

  /**
   * Configures a client builder so that only the SDK resends.
   *
   * @param builder a builder, typically {@code client.newBuilder()}
   * @return the same builder
   */
  public static OkHttpClient.Builder apply(OkHttpClient.Builder builder) {
    return builder.retryOnConnectionFailure(false).followRedirects(false).followSslRedirects(false)
        .addInterceptor(RESTORE).addNetworkInterceptor(HIDE);
  }

  private static Response rename(Response response, String from, String to) {
    List<String> values = response.headers(from);
    if (values.isEmpty()) return response;
    Response.Builder b = response.newBuilder().removeHeader(from);
    values.forEach(v -> b.addHeader(to, v));
    return b.build();
  }
}
