package dev.videojob.media;

import java.util.Objects;

/**
 * Which header carries an upload's sha256 and how it is encoded. S3 expects
 * {@code x-amz-checksum-sha256} in base64 and echoes it back; other stores take hex in a header of
 * their own. When the server's answer carries the same header, the upload checks it matches.
 *
 * @param name the header name, or null to send no checksum
 * @param encoding how the digest is written
 */
public record ChecksumHeader(String name, Encoding encoding) {

  /** How a sha256 digest is written in the header. */
  public enum Encoding {
    /** Standard base64 of the 32 bytes (S3). */
    BASE64,
    /** Lower-case hex of the 32 bytes. */
    HEX
  }

  /**
   * @param name the header name, or null for none
   * @param encoding the encoding
   * @throws NullPointerException if the encoding is null
   */
  public ChecksumHeader {
    Objects.requireNonNull(encoding, "encoding == null");
  }

  /** @return S3's {@code x-amz-checksum-sha256}, base64: the default */
  public static ChecksumHeader s3() {
    return new ChecksumHeader("x-amz-checksum-sha256", Encoding.BASE64);
  }

  /**
   * @param name the header name
   * @return a header carrying hex
   */
  public static ChecksumHeader hex(String name) {
    return new ChecksumHeader(Objects.requireNonNull(name, "name == null"), Encoding.HEX);
  }

  /**
   * @param name the header name
   * @return a header carrying base64
   */
  public static ChecksumHeader base64(String name) {
    return new ChecksumHeader(Objects.requireNonNull(name, "name == null"), Encoding.BASE64);
  }

  /** @return no checksum header (for a presigned URL whose signature does not allow one) */
  public static ChecksumHeader none() {
    return new ChecksumHeader(null, Encoding.HEX);
  }
}
