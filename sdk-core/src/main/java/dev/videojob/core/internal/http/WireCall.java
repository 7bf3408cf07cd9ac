package dev.videojob.core.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videojob.core.spi.ApiResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one attempt on the wire: the OkHttp call with its time budget, cancellation through the retry
 * engine, whether the request reached the wire ({@link SendTracker}), and the whole response body read
 * up to 16 MiB. Calls beyond OkHttp's per-host limit wait in a {@link DispatchGate}, not in OkHttp's dispatcher;
 * an attempt for a caller that blocks anyway may run on its thread ({@link #executeHere}). Its client resends nothing on its own ({@link NoHiddenResends}): only the SDK's retry rule
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
  private final DispatchGate gate;

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
    this.gate = new DispatchGate(Math.min(client.dispatcher().getMaxRequestsPerHost(), client.dispatcher().getMaxRequests()));
  }

  /**
   * Makes one attempt, on OkHttp's dispatcher; beyond OkHttp's per-host limit it waits here, in a short queue,
   * rather than in the dispatcher's.
   *
   * @param request the request
   * @param remaining the time left before the call's deadline; the attempt gets the smaller of what is left when
   *     it starts and the attempt timeout
   * @param cancellation where the call's cancel is registered
   * @param label what the call is, for logs (never a secret)
   * @return the response with its whole body, whatever its status; an I/O failure is an {@link AttemptFailure}
   */
  public CompletableFuture<ApiResponse> execute(Request request, Duration remaining,
      RetryEngine.Cancellation cancellation, String label) {
    Pending p = new Pending(request, System.nanoTime() + remaining.toNanos(), label);
    cancellation.onCancel(p::cancel);
    gate.submit(p.host, p);
    return p.into;
  }

  /**
   * Takes a place for an attempt on the caller's thread: only when no call to the host waits in the queue and
   * the host is below OkHttp's per-host limit. Give it back with {@link #executeHere} or {@link #unreserve}.
   *
   * @param request the request
   * @return whether the place was taken
   */
  public boolean tryReserve(Request request) {
    return gate.tryAcquire(request.url().host());
  }

  /**
   * Gives back a place taken with {@link #tryReserve} that was not used.
   *
   * @param request the request it was taken for
   */
  public void unreserve(Request request) {
    gate.release(request.url().host());
  }

  /**
   * Makes one attempt on the caller's thread with OkHttp's {@code execute()}, in a place taken with
   * {@link #tryReserve} (given back when it ends).
   *
   * @param request the request
   * @param remaining the time left before the call's deadline
   * @param cancellation where the call's cancel is registered
   * @param label what the call is, for logs (never a secret)
   * @return the completed attempt, as {@link #execute} would complete it
   */
  public CompletableFuture<ApiResponse> executeHere(Request request, Duration remaining,
      RetryEngine.Cancellation cancellation, String label) {
    String host = request.url().host();
    try {
      SendTracker tracker = new SendTracker();
      Call call = client.newCall(request.newBuilder().tag(SendTracker.class, tracker).build());
      cancellation.onCancel(call::cancel);
      call.timeout().timeout(Math.max(1, Math.min(remaining.toMillis(), attemptTimeout.toMillis())), TimeUnit.MILLISECONDS);
      long started = System.nanoTime();
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        return CompletableFuture.failedFuture(failed(tracker, e, label, started));
      }
      try (response) {
        return CompletableFuture.completedFuture(read(response, label, started));
      } catch (IOException e) {
        return CompletableFuture.failedFuture(new AttemptFailure(e, true, response.code()));
      }
    } catch (RuntimeException e) {
      // As on the asynchronous path, whatever goes wrong is the attempt's outcome, never thrown at the adapter.
      return CompletableFuture.failedFuture(e);
    } finally {
      gate.release(host);
    }
  }

  private AttemptFailure failed(SendTracker tracker, IOException e, String label, long started) {
    boolean sent = tracker.requestSent();
    log.debug("{} {} failed after {} ms (request {}): {}", provider, label, elapsedMs(started),
        sent ? "sent" : "not sent", e.toString());
    return new AttemptFailure(e, sent);
  }

  private ApiResponse read(Response response, String label, long started) throws IOException {
    byte[] body = readBounded(response.body());
    ApiResponse r = new ApiResponse(provider, response.request().url().uri(), response.code(),
        response.headers().toMultimap(), body, mapper);
    log.debug("{} {} -> {} in {} ms", provider, label, response.code(), elapsedMs(started));
    return r;
  }

  /**
   * One attempt waiting for, or holding, a place at its host: what a queued poll keeps is this small object
   * and its request, not an OkHttp call.
   */
  private final class Pending implements BooleanSupplier, Callback {
    final CompletableFuture<ApiResponse> into = new CompletableFuture<>();
    final String host;
    private final Request request;
    private final long deadlineNanos;
    private final String label;
    private final SendTracker tracker = new SendTracker();
    private volatile boolean cancelled;
    private volatile Call call;
    private long started;

    Pending(Request request, long deadlineNanos, String label) {
      this.request = request;
      this.host = request.url().host();
      this.deadlineNanos = deadlineNanos;
      this.label = label;
    }

    void cancel() {
      cancelled = true;
      Call c = call;
      if (c != null) c.cancel();
    }

    /** Starts the call in the place it was given; false, and the place is freed, when there is nothing to start. */
    @Override
    public boolean getAsBoolean() {
      if (cancelled) {
        into.completeExceptionally(new AttemptFailure(new IOException("Canceled"), false));
        return false;
      }
      long budget = Math.min(TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()), attemptTimeout.toMillis());
      if (budget <= 0) {
        into.completeExceptionally(new AttemptFailure(new InterruptedIOException("deadline reached"), false));
        return false;
      }
      Call c = client.newCall(request.newBuilder().tag(SendTracker.class, tracker).build());
      c.timeout().timeout(budget, TimeUnit.MILLISECONDS);
      call = c;
      if (cancelled) c.cancel();
      started = System.nanoTime();
      c.enqueue(this);
      return true;
    }

    @Override
    public void onFailure(Call c, IOException e) {
      gate.release(host);
      into.completeExceptionally(failed(tracker, e, label, started));
    }

    @Override
    public void onResponse(Call c, Response response) {
      try (response) {
        ApiResponse r = read(response, label, started);
        gate.release(host);
        into.complete(r);
      } catch (IOException e) {
        gate.release(host);
        into.completeExceptionally(new AttemptFailure(e, true, response.code()));
      }
    }
  }

  private static long elapsedMs(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }

  /** Reads the whole body into an array of its own size: no 16 MiB buffer per response. */
  private static byte[] readBounded(ResponseBody body) throws IOException {
    if (body == null) return new byte[0];
    if (body.contentLength() > MAX_RESPONSE_BYTES) {
      throw new IOException("response body of " + body.contentLength() + " bytes exceeds " + MAX_RESPONSE_BYTES);
    }
    BufferedSource source = body.source();
    // Buffers what arrives, segment by segment, up to one byte past the bound.
    if (source.request(MAX_RESPONSE_BYTES + 1)) {
      throw new IOException("response body exceeds " + MAX_RESPONSE_BYTES + " bytes");
    }
    return source.readByteArray();
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
