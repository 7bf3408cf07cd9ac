package dev.videojob.media.internal;

import dev.videojob.core.Asset;
import dev.videojob.core.ErrorContext;
import dev.videojob.core.internal.Redaction;
import dev.videojob.core.internal.RetryRule;
import dev.videojob.core.internal.Version;
import dev.videojob.core.internal.http.RetryEngine;
import dev.videojob.media.AssetExpiredException;
import dev.videojob.media.DownloadOptions;
import dev.videojob.media.TransferException;
import dev.videojob.media.TransferProgress;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One download: each attempt GETs the asset (following redirects itself so credentials stay on their
 * origin), resumes with {@code Range}/{@code If-Range} from the bytes already written, and streams the
 * body through the digest into the sink. Attempts run one after another, never at once.
 *
 * <p>Only an attempt that gets further into the body than any before it counts as progress (and
 * restarts the retry count): bytes read again after a restart from byte 0 do not. Restarts from byte 0
 * (a server that ignores {@code Range} or answers it unusably) are bounded on their own, progress or
 * not. A body that ends short of its announced length at the same byte twice in a row, or whose resume
 * from there the server refuses with 416, fails at once: the server has no more bytes to give.
 */
public final class DownloadSession {
  private static final Logger log = LoggerFactory.getLogger(DownloadSession.class);
  private static final int MAX_REDIRECTS = 5;
  /** How much of a body is gathered before one write to the file and one update of the digest. */
  static final int CHUNK_BYTES = 1024 * 1024;
  static final String SHORT_BODY_ADVICE = "; the file on the server is probably truncated or its size misreported:"
      + " fetch a fresh URL (for example with client.result(job.ref())) and download again, and"
      + " report it to the provider if it persists";
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

  private final OkHttpClient client;
  private final Asset asset;
  private final DownloadOptions options;
  private final DownloadSink sink;
  private final Clock clock;
  private final long progressBytes;
  private final int maxRestarts;
  private final MessageDigest digest = Sha256.newDigest();
  private final AtomicReference<Call> current = new AtomicReference<>();
  private volatile MediaRetry retry;
  private volatile long written;
  private volatile long total = -1;
  private volatile String etag;
  private volatile String contentType;
  private volatile int resumed;
  private volatile int restarts;
  private volatile long highWater;
  private volatile long shortEnd = -1;
  private volatile long shortTotal = -1;
  private long lastReported;

  /**
   * @param client the HTTP client (redirects off)
   * @param asset the asset
   * @param options the options
   * @param sink where the bytes go
   * @param clock the clock expiry is judged by
   * @param progressBytes the least bytes between progress events
   * @param maxRestarts how many times the download may start again from byte 0 after it had bytes
   */
  public DownloadSession(OkHttpClient client, Asset asset, DownloadOptions options, DownloadSink sink, Clock clock,
      long progressBytes, int maxRestarts) {
    this.client = client;
    this.asset = asset;
    this.options = options;
    this.sink = sink;
    this.clock = clock;
    this.progressBytes = progressBytes;
    this.maxRestarts = maxRestarts;
  }

  /** @return the bytes written */
  public long written() {
    return written;
  }

  /** @return the total size the server announced, or -1 */
  public long total() {
    return total;
  }

  /** @return the hex sha256 of the bytes written; call once, at the end */
  public String sha256() {
    return Sha256.hex(digest.digest());
  }

  /** @return the server's {@code Content-Type}, or null */
  public String contentType() {
    return contentType;
  }

  /** @return how many attempts resumed from a non-zero offset */
  public int resumed() {
    return resumed;
  }

  /**
   * Starts one attempt.
   *
   * @param retry the retry runner, told when bytes move
   * @param c where the attempt registers the cancellation of its call
   * @return a future completed when the body has been written in full
   */
  public CompletableFuture<Void> attempt(MediaRetry retry, RetryEngine.Cancellation c) {
    this.retry = retry;
    CompletableFuture<Void> into = new CompletableFuture<>();
    c.onCancel(() -> {
      Call call = current.get();
      if (call != null) call.cancel();
    });
    if (written > 0) resumed++;
    send(HttpUrl.get(asset.url().toString()), 0, into);
    return into;
  }

  private void send(HttpUrl url, int hops, CompletableFuture<Void> into) {
    Request.Builder b = new Request.Builder().url(url).get().header("User-Agent", Version.userAgent())
        .header("Accept-Encoding", "identity");
    if (asset.needsAuth() && options.credentials().isPresent() && Origins.same(url, options.credentialsOrigin().get())) {
      b.header(options.credentials().get().headerName(), options.credentials().get().headerValue());
    }
    long from = written;
    if (from > 0) {
      b.header("Range", "bytes=" + from + "-");
      if (etag != null) b.header("If-Range", etag);
    }
    Call call = client.newCall(b.build());
    long budget = retry.remaining().toMillis();
    call.timeout().timeout(Math.max(1, budget), TimeUnit.MILLISECONDS);
    current.set(call);
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        into.completeExceptionally(e);
      }

      @Override
      public void onResponse(Call c, Response response) {
        try (response) {
          handle(url, hops, from, response, into);
        } catch (IOException e) {
          into.completeExceptionally(e);
        } catch (RuntimeException e) {
          into.completeExceptionally(e);
        }
      }
    });
  }

  private void handle(HttpUrl url, int hops, long from, Response response, CompletableFuture<Void> into)
      throws IOException {
    int code = response.code();
    if (code >= 300 && code < 400 && response.header("Location") != null) {
      HttpUrl next = url.resolve(response.header("Location"));
      if (next == null || hops >= MAX_REDIRECTS) {
        into.completeExceptionally(new TransferException(Redaction.url(asset.url()) + " redirected too often or to an"
            + " unusable location", ErrorContext.none().withHttpStatus(code), null));
        return;
      }
      log.debug("download {} redirected to {}", Redaction.url(url.uri()), Redaction.url(next.uri()));
      send(next, hops + 1, into);
      return;
    }
    if (code == 200 || code == 206) {
      if (!start(response, code, from, into)) return;
      stream(response.body(), into);
      return;
    }
    if (code == 416 && from > 0 && total == from) {
      into.complete(null);
      return;
    }
    if (RetryRule.isRetryableStatus(code)) {
      into.completeExceptionally(new RetryableStatus(code, response.header("Retry-After")));
      return;
    }
    String body = snippet(response.body());
    ErrorContext ec = ErrorContext.none().withHttpStatus(code);
    if (expired(code, body)) {
      into.completeExceptionally(new AssetExpiredException("the URL of " + Redaction.url(asset.url())
          + " has expired" + asset.expiresAt().map(t -> " (at " + t + ")").orElse("")
          + ": fetch a fresh one, for example with client.result(job.ref()), and download again", ec));
      return;
    }
    if (code == 416 && from > 0 && from == shortEnd) {
      into.completeExceptionally(new TransferException(Redaction.url(asset.url()) + ": " + shortBody(from, shortTotal)
          + ", and the server refused to resume from there (Content-Range " + response.header("Content-Range") + ")"
          + SHORT_BODY_ADVICE, ec, null));
      return;
    }
    if (code == 416) {
      restart("the server cannot serve the range asked for");
      into.completeExceptionally(new IOException("HTTP 416 to a resume; starting again from byte 0"));
      return;
    }
    into.completeExceptionally(new TransferException("the server refused " + Redaction.url(asset.url())
        + (code == 401 || code == 403 ? "; if the asset needs the provider's credentials, pass them" : "")
        + (code == 404 ? "; it may have been deleted or its URL may have expired: fetch a fresh one" : ""), ec, null));
  }

  private boolean start(Response response, int code, long from, CompletableFuture<Void> into) throws IOException {
    contentType = response.header("Content-Type");
    ResponseBody body = response.body();
    if (code == 206) {
      Matcher m = CONTENT_RANGE.matcher(String.valueOf(response.header("Content-Range")));
      if (!m.matches() || Long.parseLong(m.group(1)) != from) {
        restart("the server answered the resume with an unexpected Content-Range");
        into.completeExceptionally(new IOException("unexpected Content-Range to a resume; starting again from byte 0"));
        return false;
      }
      total = "*".equals(m.group(3)) ? -1 : Long.parseLong(m.group(3));
    } else {
      if (from > 0) {
        if (!sink.canRestart()) {
          into.completeExceptionally(new TransferException("the server ignored the resume of "
              + Redaction.url(asset.url()) + " and sent the whole body again, which a stream cannot take back;"
              + " download to a file instead", ErrorContext.none().withHttpStatus(200), null));
          return false;
        }
        restart("the server answered the resume with the whole body");
      }
      total = body.contentLength();
      String e = response.header("ETag");
      etag = e != null && !e.startsWith("W/") ? e : null;
    }
    return true;
  }

  private void restart(String why) throws IOException {
    log.info("download {}: {}; starting again from byte 0", Redaction.url(asset.url()), why);
    if (!sink.canRestart()) throw new IOException(why);
    if (++restarts > maxRestarts) {
      throw new TransferException(Redaction.url(asset.url()) + ": the download had to start again from byte 0 "
          + maxRestarts + " times and would have to again, because the server does not resume it (" + why
          + "; a server that honours Range resumes where it broke off); nothing was kept: try again later, or"
          + " raise RetrySettings.maxRetries", ErrorContext.none(), null);
    }
    try {
      sink.restart();
    } catch (IOException e) {
      throw localFailure(e);
    }
    digest.reset();
    written = 0;
    lastReported = 0;
  }

  private void stream(ResponseBody body, CompletableFuture<Void> into) throws IOException {
    // The socket hands over at most one 8 KiB segment per read; gathering a whole chunk before writing and
    // hashing turns about 130,000 small writes per GiB into about 1,000.
    byte[] buf = new byte[CHUNK_BYTES];
    boolean[] progressed = {false};
    try (BufferedSource in = body.source()) {
      boolean ended = false;
      while (!ended) {
        int filled = 0;
        // A chunk ends at the next progress report too, so a slow body reports as often as before.
        int want = (int) Math.min(buf.length, Math.max(1, lastReported + progressBytes - written));
        try {
          while (filled < want) {
            int n = in.read(buf, filled, want - filled);
            if (n < 0) {
              ended = true;
              break;
            }
            filled += n;
          }
        } finally {
          // What arrived before a failure is kept, so a resume starts after it.
          take(buf, filled, progressed);
        }
      }
    } catch (ProtocolException e) {
      // OkHttp's word for a connection closed before Content-Length bytes arrived
      if (total >= 0 && written < total) endedShort(progressed[0], e);
      throw e;
    }
    if (total >= 0 && written < total) endedShort(progressed[0], null);
    if (total >= 0 && written > total) throw new IOException("the body ran on to byte " + written + " of " + total);
    into.complete(null);
  }

  /** Writes and hashes the bytes of one chunk, and reports progress. */
  private void take(byte[] buf, int n, boolean[] progressed) throws IOException {
    if (n == 0) return;
    try {
      sink.write(buf, 0, n);
    } catch (IOException e) {
      throw localFailure(e);
    }
    digest.update(buf, 0, n);
    written += n;
    if (written > highWater) {
      highWater = written;
      if (!progressed[0]) {
        progressed[0] = true;
        retry.progressed();
      }
    }
    if (written - lastReported >= progressBytes) {
      lastReported = written;
      report(false);
    }
  }

  /**
   * A body ended before the announced length. The same end twice in a row without progress means the
   * server has no more to give (a truncated file or a wrong Content-Length), so retrying is pointless.
   */
  private void endedShort(boolean progressed, IOException cause) throws IOException {
    boolean again = !progressed && written == shortEnd && total == shortTotal;
    shortEnd = written;
    shortTotal = total;
    if (again) {
      throw new TransferException(Redaction.url(asset.url()) + ": " + shortBody(written, total)
          + ", twice in a row" + SHORT_BODY_ADVICE, ErrorContext.none(), cause);
    }
    ShortBodyException e = new ShortBodyException(shortBody(written, total));
    if (cause != null) e.initCause(cause);
    throw e;
  }

  static String shortBody(long end, long announced) {
    return "the server sent fewer bytes than its Content-Length announced: the body ended at byte " + end + " of "
        + announced;
  }

  private TransferException localFailure(IOException e) {
    return new TransferException("could not write the download of " + Redaction.url(asset.url()) + " to "
        + (sink.target() == null ? "the stream" : sink.target()) + ": " + e.getMessage(), ErrorContext.none(), e);
  }

  /** @param done whether this is the final event */
  public void report(boolean done) {
    try {
      options.listener().onProgress(new TransferProgress(Redaction.url(asset.url()), written,
          total, done));
    } catch (RuntimeException e) {
      log.warn("transfer listener failed", e);
    }
  }

  private boolean expired(int code, String body) {
    if (code == 410) return true;
    if (code != 400 && code != 401 && code != 403 && code != 404) return false;
    if (asset.isExpiredAt(clock.instant())) return true;
    String b = body.toLowerCase(Locale.ROOT);
    return b.contains("expired");
  }

  private static String snippet(ResponseBody body) {
    if (body == null) return "";
    try (InputStream in = body.byteStream()) {
      return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
