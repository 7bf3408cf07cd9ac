package dev.videojob.core.spi;

import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.VideoJobException;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.internal.Futures;
import dev.videojob.core.internal.Redaction;
import dev.videojob.core.internal.RequestValidator;
import java.net.URI;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * What an adapter needs from the client's own machinery, so that adapters depend on this SPI and never
 * on {@code dev.videojob.core.internal}: joining futures for a blocking method, unwrapping a future's
 * failure, checking a request against a provider's capabilities the way {@code VideoClient} does, and
 * redacting URLs for logs. Each method is the one the client itself uses.
 */
public final class AdapterSupport {
  private AdapterSupport() {}

  /**
   * Waits for a future, for an adapter's own blocking method; an interrupt cancels the future (which
   * cancels the HTTP call and any pending wait).
   *
   * @param future the future
   * @param <T> the result type
   * @return the result
   * @throws VideoJobException the failure, unwrapped from the future's wrappers
   * @throws CancellationException if the future was cancelled
   */
  public static <T> T join(CompletableFuture<T> future) {
    return Futures.join(future);
  }

  /**
   * @param failure a failure a future completed with
   * @return the failure without its {@code CompletionException} and {@code ExecutionException} wrappers
   */
  public static Throwable unwrap(Throwable failure) {
    return Futures.unwrap(failure);
  }

  /**
   * Checks a request against a provider exactly as {@code VideoClient.submit} does before any call:
   * fields the capabilities do not support or require, aspect ratio, duration, callback URL, the
   * extension's type and its own checks, then {@link VideoProvider#validate}. For an adapter's extra
   * entry point (such as a synchronous endpoint) that does not go through the client.
   *
   * @param request the request
   * @param provider the provider, or a view of it with the capabilities of the entry point
   * @throws InvalidRequestException naming the first field the provider cannot honour
   */
  public static void validate(VideoRequest request, VideoProvider provider) {
    RequestValidator.validate(request, provider);
  }

  /**
   * @param url any URL, may be null
   * @return the URL without its query string and user info (which carry signatures and tokens), for logs
   *     and {@code toString()}
   */
  public static String redactUrl(URI url) {
    return Redaction.url(url);
  }

  /**
   * @param url a URL as text, may be null; text that is not a URL is cut at its first {@code ?}
   * @return the URL without its query string and user info, for logs
   */
  public static String redactUrl(String url) {
    return Redaction.url(url);
  }
}
