package dev.videojob.media;

import dev.videojob.core.Asset;
import dev.videojob.core.ErrorContext;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.RetrySettings;
import dev.videojob.core.Sleeper;
import dev.videojob.core.internal.Futures;
import dev.videojob.core.internal.Redaction;
import dev.videojob.media.internal.DownloadSession;
import dev.videojob.media.internal.DownloadSink;
import dev.videojob.media.internal.MediaRetry;
import dev.videojob.media.internal.MultipartState;
import dev.videojob.media.internal.Sha256;
import dev.videojob.media.internal.UploadAttempt;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves media over HTTP: downloads job outputs, uploads inputs to presigned URLs, in parts when large.
 *
 * <pre>{@code
 * try (MediaTransfer media = MediaTransfer.builder().build()) {
 *   DownloadResult r = media.download(asset, Path.of("out/master.mp4"));
 *   r.sha256();                                         // computed while streaming
 *   media.upload(Path.of("logo.png"), PresignedUpload.builder(presignedUrl).contentType("image/png").build());
 * }
 * }</pre>
 *
 * <p>Downloads use constant memory whatever the size, compute sha256 and size while streaming, resume
 * with {@code Range} (and {@code If-Range} when the server gave a strong ETag) after a broken
 * connection, and write to a temporary file beside the target that is moved into place only when the
 * body is complete and the expected checksum (if given) matches: a failed or canceled download leaves
 * neither the temporary file nor the target. An expired URL fails with {@link AssetExpiredException}.
 * Redirects are followed by this class, not by OkHttp, so credentials are sent only to their own origin.
 *
 * <p>Retries follow the SDK's rule (see {@link RetrySettings}): only 429, 5xx and I/O failures, full
 * jitter backoff, {@code Retry-After} capped, and every wait through the {@link Sleeper}. An attempt
 * that gets further into the body than any before it restarts the retry count, so a download that
 * resumes with {@code Range} survives any number of broken connections while it makes progress; bytes
 * read again after starting over from byte 0 are not progress. A server that does not resume (it ignores
 * {@code Range}) may make the download start again from byte 0 at most {@link RetrySettings#maxRetries()}
 * times. A body that ends short of its {@code Content-Length} at the same byte twice in a row fails with
 * {@link TransferException} at once (the server has no more to give); {@link Builder#transferTimeout(Duration)}
 * bounds the whole transfer. Thread-safe; close it to release the scheduler and HTTP client it created.
 */
public final class MediaTransfer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MediaTransfer.class);

  private final OkHttpClient client;
  private final boolean ownsClient;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ScheduledExecutorService ownedScheduler;
  private final RetrySettings retry;
  private final Duration transferTimeout;
  private final long progressInterval;

  private MediaTransfer(Builder b) {
    this.ownsClient = b.client == null;
    OkHttpClient base = b.client != null ? b.client : new OkHttpClient();
    this.client = base.newBuilder()
        .connectTimeout(b.connectTimeout)
        .readTimeout(b.readTimeout)
        .writeTimeout(b.readTimeout)
        .callTimeout(Duration.ZERO)
        // Redirects are followed by hand so credentials never leave their origin; retries are ours.
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .build();
    this.clock = b.clock;
    if (b.sleeper != null) {
      this.sleeper = b.sleeper;
      this.ownedScheduler = null;
    } else {
      ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "videojob-media-retry");
        t.setDaemon(true);
        return t;
      });
      s.setRemoveOnCancelPolicy(true);
      this.ownedScheduler = s;
      this.sleeper = Sleeper.scheduled(s);
    }
    this.retry = b.retry;
    this.transferTimeout = b.transferTimeout;
    this.progressInterval = b.progressInterval;
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Downloads an asset to a file; see the class doc for the guarantees.
   *
   * @param asset the asset
   * @param target the file to create or replace; its directory is created if missing
   * @return the result with the size and sha256
   * @throws InvalidRequestException if the URL is not http(s)
   * @throws AssetExpiredException if the URL has expired
   * @throws ChecksumMismatchException if the bytes do not have the expected sha256 or size (nothing is kept)
   * @throws TransferException if the server refused, retries ran out, or the file could not be written
   */
  public DownloadResult download(Asset asset, Path target) {
    return Futures.join(downloadAsync(asset, target, DownloadOptions.defaults()));
  }

  /**
   * Downloads an asset to a file with options.
   *
   * @param asset the asset
   * @param target the file to create or replace
   * @param options the expected checksum, credentials and listener
   * @return the result
   * @throws AssetExpiredException if the URL has expired
   * @throws ChecksumMismatchException if the bytes do not match (nothing is kept)
   * @throws TransferException for other failures
   */
  public DownloadResult download(Asset asset, Path target, DownloadOptions options) {
    return Futures.join(downloadAsync(asset, target, options));
  }

  /**
   * Downloads an asset to a file without blocking; the body is read on OkHttp's threads.
   *
   * @param asset the asset
   * @param target the file to create or replace
   * @param options the options
   * @return a future of the result, failing as {@link #download(Asset, Path, DownloadOptions)}; cancelling it
   *     cancels the transfer and removes the temporary file
   */
  public CompletableFuture<DownloadResult> downloadAsync(Asset asset, Path target, DownloadOptions options) {
    Objects.requireNonNull(asset, "asset == null");
    Objects.requireNonNull(target, "target == null");
    Objects.requireNonNull(options, "options == null");
    DownloadSink sink;
    try {
      sink = DownloadSink.file(target);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new TransferException("cannot create a temporary file beside " + target
          + ": " + e.getMessage(), ErrorContext.none(), e));
    }
    return run(asset, sink, options);
  }

  /**
   * Downloads an asset into a stream (not closed). A resume continues the stream where it broke off; a
   * server that ignores {@code Range} cannot be resumed into a stream, and fails the download.
   *
   * @param asset the asset
   * @param out where the bytes go
   * @param options the options; a checksum mismatch is reported after the bytes were written
   * @return the result ({@link DownloadResult#path()} is null)
   * @throws AssetExpiredException if the URL has expired
   * @throws ChecksumMismatchException if the bytes do not match
   * @throws TransferException for other failures
   */
  public DownloadResult download(Asset asset, OutputStream out, DownloadOptions options) {
    Objects.requireNonNull(asset, "asset == null");
    Objects.requireNonNull(out, "out == null");
    Objects.requireNonNull(options, "options == null");
    return Futures.join(run(asset, DownloadSink.stream(out), options));
  }

  private CompletableFuture<DownloadResult> run(Asset asset, DownloadSink sink, DownloadOptions options) {
    if (okhttp3.HttpUrl.parse(asset.url().toString()) == null) {
      sink.abort();
      return CompletableFuture.failedFuture(new InvalidRequestException("only http and https assets can be downloaded,"
          + " not " + Redaction.url(asset.url()), ErrorContext.none(), "asset"));
    }
    DownloadSession session = new DownloadSession(client, asset, options, sink, clock, progressInterval,
        retry.maxRetries());
    MediaRetry r = new MediaRetry("download", Redaction.url(asset.url()), retry, clock, sleeper, transferTimeout,
        options.listener());
    CompletableFuture<Void> body = r.run(c -> session.attempt(r, c));
    CompletableFuture<DownloadResult> result = body.thenApply(v -> {
      String sha = session.sha256();
      long size = session.written();
      if (options.expectedSize().isPresent() && options.expectedSize().getAsLong() != size) {
        throw new ChecksumMismatchException("the download of " + Redaction.url(asset.url()) + " has " + size
            + " bytes, expected " + options.expectedSize().getAsLong() + "; nothing was kept, download again");
      }
      if (options.expectedSha256().isPresent() && !options.expectedSha256().get().equals(sha)) {
        throw new ChecksumMismatchException("the download of " + Redaction.url(asset.url()) + " has sha256 " + sha
            + ", expected " + options.expectedSha256().get() + "; nothing was kept, download again");
      }
      try {
        sink.commit();
      } catch (IOException e) {
        throw new TransferException("could not move the download into place at " + sink.target() + ": "
            + e.getMessage(), ErrorContext.none(), e);
      }
      session.report(true);
      return new DownloadResult(sink.target(), size, sha, session.contentType(), r.attempts(), session.resumed());
    });
    result.whenComplete((v, e) -> {
      if (e != null) {
        sink.abort();
        if (result.isCancelled()) body.cancel(true);
      }
    });
    return result;
  }

  /**
   * Uploads a file to a presigned URL, streamed from disk with its length, content type and sha256
   * (computed first, in one pass over the file); verified when the server echoes the checksum header.
   *
   * @param file the file
   * @param target the presigned URL and its headers
   * @return the result with the ETag
   * @throws AssetExpiredException if the upload URL has expired
   * @throws ChecksumMismatchException if the server echoed another checksum
   * @throws TransferException if the server refused or retries ran out
   */
  public UploadResult upload(Path file, PresignedUpload target) {
    return Futures.join(uploadAsync(file, target));
  }

  /**
   * Uploads a file without blocking on the transfer (hashing the file happens on the calling thread).
   *
   * @param file the file
   * @param target the presigned URL and its headers
   * @return a future of the result, failing as {@link #upload}
   */
  public CompletableFuture<UploadResult> uploadAsync(Path file, PresignedUpload target) {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(target, "target == null");
    long size;
    byte[] sha;
    try {
      size = Files.size(file);
      sha = Sha256.ofRange(file, 0, size);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new InvalidRequestException("cannot read the file to upload " + file
          + ": " + e.getMessage(), ErrorContext.none(), "file"));
    }
    UploadAttempt a = new UploadAttempt(client, target.url(), target.method(), target.contentType(), target.headers(),
        target.checksumHeader(), file, 0, size, sha, target.listener(), progressInterval);
    MediaRetry r = new MediaRetry("upload", Redaction.url(target.url()), retry, clock, sleeper, transferTimeout,
        target.listener());
    return r.<UploadResult>run(c -> a.attempt(r, c)).thenApply(res -> {
      a.reportDone();
      return res;
    });
  }

  /**
   * Uploads a large file in parts (see {@link MultipartUpload}), resuming from its state file.
   * The state file is kept after success, so the ETags survive a crash before the completion call;
   * delete it once the store has completed the upload.
   *
   * @param file the file
   * @param plan the part URLs, part size, parallelism and state file
   * @return every part's ETag, for the completion call
   * @throws InvalidRequestException if the file cannot be read or there are fewer part URLs than parts
   * @throws AssetExpiredException if a part URL has expired (finished parts stay saved)
   * @throws TransferException if a part failed after its retries (finished parts stay saved)
   */
  public MultipartUploadResult uploadMultipart(Path file, MultipartUpload plan) {
    return Futures.join(uploadMultipartAsync(file, plan));
  }

  /**
   * Uploads a large file in parts without blocking the caller.
   *
   * @param file the file
   * @param plan the plan
   * @return a future of the result, failing as {@link #uploadMultipart}; cancelling it stops the parts in flight
   */
  public CompletableFuture<MultipartUploadResult> uploadMultipartAsync(Path file, MultipartUpload plan) {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(plan, "plan == null");
    long size;
    long modified;
    try {
      size = Files.size(file);
      modified = Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new InvalidRequestException("cannot read the file to upload " + file
          + ": " + e.getMessage(), ErrorContext.none(), "file"));
    }
    int count = MultipartUpload.partCount(size, plan.partSize());
    if (plan.partUrls().size() < count) {
      return CompletableFuture.failedFuture(new InvalidRequestException("the file needs " + count + " parts of "
          + plan.partSize() + " bytes but " + plan.partUrls().size() + " part URLs were given; presign one per part"
          + " (MultipartUpload.partCount)", ErrorContext.none(), "partUrls"));
    }
    MultipartState state = MultipartState.load(plan.stateFile(), size, modified, plan.partSize(), plan.uploadId());
    Map<Integer, MultipartUploadResult.Part> saved = state.parts();
    int resumed = saved.size();
    Queue<Integer> partsLeft = new ConcurrentLinkedQueue<>();
    for (int n = 1; n <= count; n++) {
      if (!saved.containsKey(n)) partsLeft.add(n);
    }
    if (resumed > 0) log.info("multipart upload of {}: {} of {} parts already done, resuming", file, resumed, count);
    CompletableFuture<MultipartUploadResult> result = new CompletableFuture<>();
    List<CompletableFuture<?>> inFlight = new ArrayList<>();
    AtomicInteger running = new AtomicInteger();
    Runnable finish = () -> {
      List<MultipartUploadResult.Part> parts = new ArrayList<>(state.parts().values());
      result.complete(new MultipartUploadResult(size, parts, resumed));
    };
    int workers = Math.min(plan.parallelism(), partsLeft.size());
    if (workers == 0) {
      finish.run();
      return result;
    }
    running.set(workers);
    for (int w = 0; w < workers; w++) {
      nextPart(file, size, plan, state, partsLeft, result, running, finish, inFlight);
    }
    result.whenComplete((v, e) -> {
      if (result.isCancelled()) {
        synchronized (inFlight) {
          inFlight.forEach(f -> f.cancel(true));
        }
      }
    });
    return result;
  }

  private void nextPart(Path file, long size, MultipartUpload plan, MultipartState state, Queue<Integer> partsLeft,
      CompletableFuture<MultipartUploadResult> result, AtomicInteger running, Runnable finish,
      List<CompletableFuture<?>> inFlight) {
    Integer n = result.isDone() ? null : partsLeft.poll();
    if (n == null) {
      if (running.decrementAndGet() == 0 && !result.isDone()) finish.run();
      return;
    }
    long position = (n - 1) * plan.partSize();
    long length = Math.min(plan.partSize(), size - position);
    URI url = plan.partUrls().get(n - 1);
    byte[] sha;
    try {
      sha = Sha256.ofRange(file, position, length);
    } catch (IOException e) {
      result.completeExceptionally(new TransferException("cannot read part " + n + " of " + file + ": "
          + e.getMessage(), ErrorContext.none(), e));
      return;
    }
    UploadAttempt a = new UploadAttempt(client, url, "PUT", plan.contentType(), Map.of(), plan.checksumHeader(), file,
        position, length, sha, null, progressInterval);
    MediaRetry r = new MediaRetry("upload part " + n, Redaction.url(url), retry, clock, sleeper, transferTimeout,
        plan.listener());
    CompletableFuture<UploadResult> part = r.run(c -> a.attempt(r, c));
    synchronized (inFlight) {
      inFlight.add(part);
    }
    part.whenComplete((res, e) -> {
      if (e != null) {
        result.completeExceptionally(Futures.unwrap(e));
        return;
      }
      if (res.etag() == null) {
        result.completeExceptionally(new TransferException("the store sent no ETag for part " + n + " of " + file
            + "; if this is S3 behind a browser proxy, expose the ETag header", ErrorContext.none(), null));
        return;
      }
      try {
        state.done(new MultipartUploadResult.Part(n, res.etag(), length, res.sha256()));
      } catch (IOException io) {
        result.completeExceptionally(new TransferException("cannot save the upload state to " + plan.stateFile()
            + ": " + io.getMessage(), ErrorContext.none(), io));
        return;
      }
      long doneBytes = state.parts().values().stream().mapToLong(MultipartUploadResult.Part::sizeBytes).sum();
      try {
        plan.listener().onProgress(new TransferProgress(Redaction.url(url), doneBytes, size,
            doneBytes == size));
      } catch (RuntimeException le) {
        log.warn("transfer listener failed", le);
      }
      nextPart(file, size, plan, state, partsLeft, result, running, finish, inFlight);
    });
  }

  /** Releases the scheduler and the HTTP client's pools this instance created; a supplied client is left open. */
  @Override
  public void close() {
    if (ownedScheduler != null) ownedScheduler.shutdownNow();
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "MediaTransfer{" + retry + ", transferTimeout=" + transferTimeout + "}";
  }

  /** Builds a {@link MediaTransfer}; not thread-safe. */
  public static final class Builder {
    private OkHttpClient client;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper;
    private RetrySettings retry = RetrySettings.builder().maxRetries(5).build();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration transferTimeout = Duration.ofHours(6);
    private long progressInterval = 8L * 1024 * 1024;

    private Builder() {}

    /**
     * @param client an OkHttp client to share pools with; default a new one, closed with this
     * @return this
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.client = client;
      return this;
    }

    /**
     * @param clock judges expiry and deadlines; default the system UTC clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * @param sleeper every retry wait goes through it; default one on a scheduler this creates
     * @return this
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * The retry rule; its {@link RetrySettings#totalTimeout()} is not used (see {@link #transferTimeout}).
     *
     * @param retry the settings; default {@link RetrySettings#defaults()} with 5 retries
     * @return this
     */
    public Builder retry(RetrySettings retry) {
      this.retry = Objects.requireNonNull(retry, "retry == null");
      return this;
    }

    /**
     * @param d the connect timeout; default 10 s
     * @return this
     */
    public Builder connectTimeout(Duration d) {
      this.connectTimeout = Objects.requireNonNull(d, "connectTimeout == null");
      return this;
    }

    /**
     * @param d the longest silence between bytes before an attempt counts as broken; default 30 s
     * @return this
     */
    public Builder readTimeout(Duration d) {
      this.readTimeout = Objects.requireNonNull(d, "readTimeout == null");
      return this;
    }

    /**
     * @param d the time budget of one whole transfer, attempts and waits included; default 6 h
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder transferTimeout(Duration d) {
      Objects.requireNonNull(d, "transferTimeout == null");
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("transferTimeout must be positive");
      this.transferTimeout = d;
      return this;
    }

    /**
     * @param bytes the least bytes between two progress events; default 8 MiB
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder progressInterval(long bytes) {
      if (bytes <= 0) throw new IllegalArgumentException("progressInterval must be positive");
      this.progressInterval = bytes;
      return this;
    }

    /** @return the transfer helper */
    public MediaTransfer build() {
      return new MediaTransfer(this);
    }
  }
}
