package dev.videojob.media;

import dev.videojob.core.Asset;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoJob;
import dev.videojob.core.internal.Futures;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Downloads a job's outputs with the credentials of the provider that made the job: the bridge
 * between a {@link VideoClient} and a {@link MediaTransfer}.
 *
 * <pre>{@code
 * try (VideoClient client = VideoClient.fromEnv(); MediaTransfer media = MediaTransfer.builder().build()) {
 *   VideoJob done = client.await(job.ref(), Duration.ofMinutes(15));
 *   DownloadResult r = ClientDownloads.of(client, media).download(done, done.outputs().get(0), Path.of("master.mp4"));
 * }
 * }</pre>
 *
 * <p>An output that {@linkplain Asset#needsAuth() needs credentials} (VidBuilder's
 * {@code /api/download/{id}}) gets the provider's, through
 * {@link dev.videojob.core.spi.VideoProvider#assetCredentials(java.net.URI)}, and only for the
 * provider's own origin: a CDN or presigned URL, or a redirect to another host, gets none. Everything
 * else (streaming, sha256, resume, retries, the move into place) is {@link MediaTransfer}'s.
 *
 * <p>Owns nothing: closing the client and the transfer helper is the caller's job. Thread-safe.
 */
public final class ClientDownloads {
  private final VideoClient client;
  private final MediaTransfer media;

  private ClientDownloads(VideoClient client, MediaTransfer media) {
    this.client = client;
    this.media = media;
  }

  /**
   * @param client the client whose providers' credentials are used
   * @param media the transfer helper that moves the bytes (its retry, clock and timeouts apply)
   * @return the bridge
   */
  public static ClientDownloads of(VideoClient client, MediaTransfer media) {
    return new ClientDownloads(Objects.requireNonNull(client, "client == null"),
        Objects.requireNonNull(media, "media == null"));
  }

  /**
   * Downloads one of a job's outputs to a file; see {@link MediaTransfer} for the guarantees.
   *
   * @param job the job the output belongs to
   * @param asset the output
   * @param target the file to create or replace
   * @return the size and sha256
   * @throws InvalidRequestException if the job's provider is not configured on the client
   * @throws AssetExpiredException if the URL has expired: fetch a fresh one with {@link VideoClient#result}
   * @throws ChecksumMismatchException if the bytes do not match the expected checksum (nothing is kept)
   * @throws TransferException if the server refused, retries ran out, or the file could not be written
   */
  public DownloadResult download(VideoJob job, Asset asset, Path target) {
    return download(job, asset, target, DownloadOptions.defaults());
  }

  /**
   * Same as {@link #download(VideoJob, Asset, Path)} with options (checksum, listener); credentials in
   * the options are replaced by the provider's.
   *
   * @param job the job the output belongs to
   * @param asset the output
   * @param target the file to create or replace
   * @param options the options
   * @return the size and sha256
   * @throws InvalidRequestException if the job's provider is not configured on the client
   * @throws AssetExpiredException if the URL has expired
   * @throws ChecksumMismatchException if the bytes do not match (nothing is kept)
   * @throws TransferException for other failures
   */
  public DownloadResult download(VideoJob job, Asset asset, Path target, DownloadOptions options) {
    return Futures.join(downloadAsync(job, asset, target, options));
  }

  /**
   * Downloads one of a job's outputs without blocking.
   *
   * @param job the job the output belongs to
   * @param asset the output
   * @param target the file to create or replace
   * @param options the options; credentials in them are replaced by the provider's
   * @return a future of the result, failing as {@link #download(VideoJob, Asset, Path, DownloadOptions)};
   *     cancelling it cancels the transfer and removes the temporary file
   */
  public CompletableFuture<DownloadResult> downloadAsync(VideoJob job, Asset asset, Path target,
      DownloadOptions options) {
    Objects.requireNonNull(job, "job == null");
    Objects.requireNonNull(asset, "asset == null");
    Objects.requireNonNull(options, "options == null");
    DownloadOptions.Builder b = DownloadOptions.builder().listener(options.listener())
        .expectedSha256(options.expectedSha256().orElse(null))
        .expectedSize(options.expectedSize().isPresent() ? options.expectedSize().getAsLong() : null);
    try {
      if (asset.needsAuth()) {
        client.provider(job.provider()).assetCredentials(asset.url()).ifPresent(a -> b.credentials(a, asset.url()));
      }
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    return media.downloadAsync(asset, target, b.build());
  }

  @Override
  public String toString() {
    return "ClientDownloads{" + client + ", " + media + "}";
  }
}
