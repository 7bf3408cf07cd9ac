package dev.videojob.media;

import dev.videojob.core.internal.Redaction;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A chunked, resumable upload in the S3 multipart shape: the file is cut into parts of
 * {@link #partSize()} bytes, part {@code n} (from 1) is PUT to the {@code n}-th presigned URL with
 * bounded parallelism, each part is retried on its own, and the ETags are collected for the
 * completion call. After each part the progress is saved to {@link #stateFile()}, so a crashed
 * process can resume with the same state file and (fresh) part URLs and send only what is missing.
 * Immutable; build with {@link #builder(List, Path)}.
 */
public final class MultipartUpload {
  /** The default part size: 16 MiB. */
  public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;

  private final List<URI> partUrls;
  private final Path stateFile;
  private final long partSize;
  private final int parallelism;
  private final String uploadId;
  private final String contentType;
  private final ChecksumHeader checksumHeader;
  private final TransferListener listener;

  private MultipartUpload(Builder b) {
    this.partUrls = List.copyOf(b.partUrls);
    this.stateFile = b.stateFile;
    this.partSize = b.partSize;
    this.parallelism = b.parallelism;
    this.uploadId = b.uploadId;
    this.contentType = b.contentType;
    this.checksumHeader = b.checksumHeader;
    this.listener = b.listener;
  }

  /**
   * How many parts (and so presigned part URLs) a file needs.
   *
   * @param fileSize the file size in bytes
   * @param partSize the part size
   * @return the part count, at least 1
   * @throws IllegalArgumentException if the part size is not positive
   */
  public static int partCount(long fileSize, long partSize) {
    if (partSize <= 0) throw new IllegalArgumentException("partSize must be positive");
    return (int) Math.max(1, (fileSize + partSize - 1) / partSize);
  }

  /**
   * Starts a multipart upload.
   *
   * @param partUrls the presigned URL of each part, part 1 first
   * @param stateFile where progress is saved, to resume after a crash
   * @return a builder
   * @throws IllegalArgumentException if there are no part URLs
   */
  public static Builder builder(List<URI> partUrls, Path stateFile) {
    return new Builder(partUrls, stateFile);
  }

  /** @return the presigned part URLs, part 1 first (credentials: never log them) */
  public List<URI> partUrls() {
    return partUrls;
  }

  /** @return the state file */
  public Path stateFile() {
    return stateFile;
  }

  /** @return the part size in bytes */
  public long partSize() {
    return partSize;
  }

  /** @return how many parts are uploaded at once */
  public int parallelism() {
    return parallelism;
  }

  /** @return the upload id the state belongs to, or null */
  public String uploadId() {
    return uploadId;
  }

  /** @return the {@code Content-Type} of each part, or null to send none */
  public String contentType() {
    return contentType;
  }

  /** @return the header carrying each part's sha256 */
  public ChecksumHeader checksumHeader() {
    return checksumHeader;
  }

  /** @return the listener */
  public TransferListener listener() {
    return listener;
  }

  @Override
  public String toString() {
    return "MultipartUpload{" + partUrls.size() + " parts of " + partSize + " bytes to "
        + Redaction.url(partUrls.get(0)) + ", parallelism " + parallelism + "}";
  }

  /** Builds a {@link MultipartUpload}; not thread-safe. */
  public static final class Builder {
    private final List<URI> partUrls;
    private final Path stateFile;
    private long partSize = DEFAULT_PART_SIZE;
    private int parallelism = 4;
    private String uploadId;
    private String contentType;
    private ChecksumHeader checksumHeader = ChecksumHeader.s3();
    private TransferListener listener = TransferListener.NONE;

    private Builder(List<URI> partUrls, Path stateFile) {
      this.partUrls = List.copyOf(Objects.requireNonNull(partUrls, "partUrls == null"));
      this.stateFile = Objects.requireNonNull(stateFile, "stateFile == null");
      if (this.partUrls.isEmpty()) throw new IllegalArgumentException("partUrls is empty: presign one URL per part");
    }

    /**
     * @param bytes the part size (S3 wants at least 5 MiB for all parts but the last); default 16 MiB
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder partSize(long bytes) {
      if (bytes <= 0) throw new IllegalArgumentException("partSize must be positive");
      this.partSize = bytes;
      return this;
    }

    /**
     * @param parts how many parts are uploaded at once; default 4
     * @return this
     * @throws IllegalArgumentException if below 1
     */
    public Builder parallelism(int parts) {
      if (parts < 1) throw new IllegalArgumentException("parallelism must be at least 1");
      this.parallelism = parts;
      return this;
    }

    /**
     * The store's id for this upload (S3's {@code UploadId}); a saved state for another id is not reused.
     *
     * @param uploadId the id; default none
     * @return this
     */
    public Builder uploadId(String uploadId) {
      this.uploadId = uploadId;
      return this;
    }

    /**
     * @param contentType the {@code Content-Type} of each part; default none
     * @return this
     */
    public Builder contentType(String contentType) {
      this.contentType = contentType;
      return this;
    }

    /**
     * @param header the header carrying each part's sha256; default {@link ChecksumHeader#s3()}
     * @return this
     */
    public Builder checksumHeader(ChecksumHeader header) {
      this.checksumHeader = Objects.requireNonNull(header, "header == null");
      return this;
    }

    /**
     * @param listener hears progress (bytes of finished parts) and retries; default none
     * @return this
     */
    public Builder listener(TransferListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /** @return the upload */
    public MultipartUpload build() {
      return new MultipartUpload(this);
    }
  }
}
