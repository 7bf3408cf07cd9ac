package dev.videojob.media;

import java.util.List;

/**
 * A finished multipart upload: each part's ETag, ready for the store's completion call.
 *
 * @param sizeBytes the file size
 * @param parts the parts, part 1 first
 * @param resumedParts how many parts were already done in the saved state and not sent again
 */
public record MultipartUploadResult(long sizeBytes, List<Part> parts, int resumedParts) {

  /**
   * @param sizeBytes the file size
   * @param parts the parts
   * @param resumedParts parts taken from the saved state
   */
  public MultipartUploadResult {
    parts = List.copyOf(parts);
  }

  /**
   * One uploaded part.
   *
   * @param partNumber its number, from 1
   * @param etag the store's ETag for it, as sent (quotes included)
   * @param sizeBytes its size
   * @param sha256 the lower-case hex sha256 of its bytes
   */
  public record Part(int partNumber, String etag, long sizeBytes, String sha256) {}

  /**
   * The body of S3's {@code CompleteMultipartUpload} call.
   *
   * @return the XML listing every part number and ETag
   */
  public String completionXml() {
    StringBuilder b = new StringBuilder("<CompleteMultipartUpload>");
    for (Part p : parts) {
      b.append("<Part><PartNumber>").append(p.partNumber()).append("</PartNumber><ETag>")
          .append(p.etag().replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;"))
          .append("</ETag></Part>");
    }
    return b.append("</CompleteMultipartUpload>").toString();
  }
}
