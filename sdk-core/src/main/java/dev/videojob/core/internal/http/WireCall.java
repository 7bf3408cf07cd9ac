package dev.videojob.core.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videojob.core.spi.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one attempt on the wire: the OkHttp call with its time budget, cancellation through the retry
 * engine, whether the request reached the wire ({@link SendTracker}), and the whole response body read
 * up to 16 MiB. Its client resends nothing on its own ({@link NoHiddenResends}): only the SDK's retry rule
 * repeats a call.
 *
 * <p>Internal: not part of the public API. Thread-safe.
 */
public final class WireCall implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WireCall.class);
  private static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final String provider;
  private final OkHttpClient client;
  private final boolean ownsClient;
  private final Duration attemptTimeout;
  private final ObjectMapper mapper;

  /**
   * @param provider the provider id, for responses and logs
   * @param shared a client to share pools and dispatcher with, or null for a new one closed with this
   * @param connectTimeout the connect timeout
   * @param readTimeout the read and write timeout (between bytes)
   * @param attemptTimeout the longest one attempt may take
   * @param mapper the JSON mapper responses carry
   */
  public WireCall(String provider, OkHttpClient shared, Duration connectTimeout, Duration readTimeout,
      Duration attemptTimeout, ObjectMapper mapper) {
    this.provider = provider;
    this.ownsClient = shared == null;
    OkHttpClient.Builder b = (shared != null ? shared : new OkHttpClient()).newBuilder()
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .writeTimeout(readTimeout)
        .eventListenerFactory(SendTracker.factory());
    // Retries are ours, so the safe-create rule holds; OkHttp must not resend a POST on its own.
    this.client = NoHiddenResends.apply(b).build();
    this.attemptTimeout = attemptTimeout;
    this.mapper = mapper;
  }

  /**
   * Makes one attempt.
   *
   * @param request the request
   * @param remaining the time left before the call's deadline; the attempt gets the smaller of it and the
   *     attempt timeout
   * @param cancellation where the call's cancel is registered
   * @param label what the call is, for logs (never a secret)
   * @return the response with its whole body, whatever its status; an I/O failure is an {@link AttemptFailure}
   */
  public CompletableFuture<ApiResponse> execute(Request request, Duration remaining,
      RetryEngine.Cancellation cancellation, String label) {
    CompletableFuture<ApiResponse> into = new CompletableFuture<>();
    SendTracker tracker = new SendTracker();
    Call call = client.newCall(request.newBuilder().tag(SendTracker.class, tracker).build());
    cancellation.onCancel(call::cancel);
    long budget = Math.min(remaining.toMillis(), attemptTimeout.toMillis());
    call.timeout().timeout(Math.max(1, budget), TimeUnit.MILLISECONDS);
    long started = System.nanoTime();
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        boolean sent = tracker.requestSent();
        log.debug("{} {} failed after {} ms (request {}): {}", provider, label, elapsedMs(started),
            sent ? "sent" : "not sent", e.toString());
        into.completeExceptionally(new AttemptFailure(e, sent));
      }

      @Override
      public void onResponse(Call c, Response response) {
        try (response) {
          byte[] body = readBounded(response.body());
          ApiResponse r = new ApiResponse(provider, response.request().url().uri(), response.code(),
              response.headers().toMultimap(), body, mapper);
          log.debug("{} {} -> {} in {} ms", provider, label, response.code(), elapsedMs(started));
          into.complete(r);
        } catch (IOException e) {
          into.completeExceptionally(new AttemptFailure(e, true, response.code()));
        }
      }
    });
    return into;
  }

  private static long elapsedMs(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }

  private static byte[] readBounded(ResponseBody body) throws IOException {
    if (body == null) return new byte[0];
    if (body.contentLength() > MAX_RESPONSE_BYTES) {
      throw new IOException("response body of " + body.contentLength() + " bytes exceeds " + MAX_RESPONSE_BYTES);
    }
    try (InputStream in = body.byteStream()) {
      byte[] bytes = in.readNBytes((int) MAX_RESPONSE_BYTES + 1);
      if (bytes.length > MAX_RESPONSE_BYTES) throw new IOException("response body exceeds " + MAX_RESPONSE_BYTES + " bytes");
      return bytes;
    }
  }

  /** Closes the connection pool and threads of a client this created; a shared client is left open. */
  @Override
  public void close() {
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
