package dev.videojob.media.internal;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.internal.Redaction;
import dev.videojob.core.internal.RetryRule;
import dev.videojob.core.internal.Version;
import dev.videojob.core.internal.http.RetryEngine;
import dev.videojob.media.AssetExpiredException;
import dev.videojob.media.ChecksumHeader;
import dev.videojob.media.ChecksumMismatchException;
import dev.videojob.media.TransferException;
import dev.videojob.media.TransferListener;
import dev.videojob.media.TransferProgress;
import dev.videojob.media.UploadResult;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One attempt to PUT a file range to a presigned URL, streamed from disk with its length and checksum. */
public final class UploadAttempt {
  private static final Logger log = LoggerFactory.getLogger(UploadAttempt.class);

  private final OkHttpClient client;
  private final URI url;
  private final String method;
  private final String contentType;
  private final Map<String, String> headers;
  private final ChecksumHeader checksumHeader;
  private final Path file;
  private final long position;
  private final long length;
  private final byte[] sha256;
  private final TransferListener listener;
  private final long progressBytes;

  /**
   * @param client the HTTP client (redirects off)
   * @param url the presigned URL
   * @param method PUT or POST
   * @param contentType the content type, or null
   * @param headers extra headers
   * @param checksumHeader the checksum header
   * @param file the file
   * @param position where the range starts
   * @param length the range length
   * @param sha256 the range's digest
   * @param listener hears progress, or null for none
   * @param progressBytes the least bytes between progress events
   */
  public UploadAttempt(OkHttpClient client, URI url, String method, String contentType, Map<String, String> headers,
      ChecksumHeader checksumHeader, Path file, long position, long length, byte[] sha256, TransferListener listener,
      long progressBytes) {
    this.client = client;
    this.url = url;
    this.method = method;
    this.contentType = contentType;
    this.headers = headers;
    this.checksumHeader = checksumHeader;
    this.file = file;
    this.position = position;
    this.length = length;
    this.sha256 = sha256;
    this.listener = listener;
    this.progressBytes = progressBytes;
  }

  /**
   * Starts one attempt.
   *
   * @param retry the retry runner
   * @param c where the attempt registers the cancellation of its call
   * @return a future of the result
   */
  public CompletableFuture<UploadResult> attempt(MediaRetry retry, RetryEngine.Cancellation c) {
    CompletableFuture<UploadResult> into = new CompletableFuture<>();
    Request.Builder b = new Request.Builder().url(url.toString()).method(method, new RangeBody())
        .header("User-Agent", Version.userAgent());
    headers.forEach(b::header);
    String expected = encode(sha256, checksumHeader.encoding());
    if (checksumHeader.name() != null) b.header(checksumHeader.name(), expected);
    Call call = client.newCall(b.build());
    call.timeout().timeout(Math.max(1, retry.remaining().toMillis()), TimeUnit.MILLISECONDS);
    c.onCancel(call::cancel);
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        into.completeExceptionally(e);
      }

      @Override
      public void onResponse(Call call, Response response) {
        try (response) {
          into.complete(result(response, expected));
        } catch (RetryableStatus | RuntimeException e) {
          into.completeExceptionally(e);
        }
      }
    });
    return into;
  }

  private UploadResult result(Response response, String expected) throws RetryableStatus {
    int code = response.code();
    if (RetryRule.isRetryableStatus(code)) throw new RetryableStatus(code, response.header("Retry-After"));
    ErrorContext ec = ErrorContext.none().withHttpStatus(code);
    if (code < 200 || code >= 300) {
      String body;
      try {
        body = new String(response.body().byteStream().readNBytes(4096), StandardCharsets.UTF_8);
      } catch (IOException e) {
        body = "";
      }
      if ((code == 400 || code == 403) && body.toLowerCase(Locale.ROOT).contains("expired")) {
        throw new AssetExpiredException("the upload URL " + Redaction.url(url) + " has expired: presign a new one"
            + " and upload again", ec);
      }
      throw new TransferException("the upload to " + Redaction.url(url) + " was refused; check that the URL was"
          + " presigned for this method, Content-Type and headers", ec, null);
    }
    boolean verified = false;
    if (checksumHeader.name() != null) {
      String echoed = response.header(checksumHeader.name());
      if (echoed != null) {
        if (!echoed.trim().equalsIgnoreCase(expected)) {
          throw new ChecksumMismatchException("the server stored " + Redaction.url(url) + " with another sha256 ("
              + echoed.trim() + ", sent " + expected + "): the bytes changed in transit or the file changed while"
              + " uploading; upload again");
        }
        verified = true;
      }
    }
    return new UploadResult(length, Sha256.hex(sha256), response.header("ETag"), verified, code);
  }

  /**
   * @param digest the 32 bytes
   * @param encoding the encoding
   * @return the digest as the header carries it
   */
  public static String encode(byte[] digest, ChecksumHeader.Encoding encoding) {
    return encoding == ChecksumHeader.Encoding.BASE64 ? Base64.getEncoder().encodeToString(digest)
        : HexFormat.of().formatHex(digest);
  }

  private final class RangeBody extends RequestBody {
    @Override
    public MediaType contentType() {
      return contentType == null ? null : MediaType.get(contentType);
    }

    @Override
    public long contentLength() {
      return length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
      long sent = 0;
      long reported = 0;
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        while (sent < length) {
          buf.clear();
          if (length - sent < buf.capacity()) buf.limit((int) (length - sent));
          int n = ch.read(buf, position + sent);
          if (n < 0) throw new IOException(file + " shrank while uploading");
          buf.flip();
          sink.write(buf);
          sent += n;
          if (listener != null && sent - reported >= progressBytes) {
            reported = sent;
            progress(sent, false);
          }
        }
      }
    }
  }

  private void progress(long sent, boolean done) {
    try {
      listener.onProgress(new TransferProgress(Redaction.url(url), sent, length, done));
    } catch (RuntimeException e) {
      log.warn("transfer listener failed", e);
    }
  }

  /** Reports the final progress event of a finished upload. */
  public void reportDone() {
    if (listener != null) progress(length, true);
  }
}
