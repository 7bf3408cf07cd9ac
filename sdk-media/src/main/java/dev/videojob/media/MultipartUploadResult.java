package dev.videojob.media;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

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
   * The body of S3's {@code CompleteMultipartUpload} call, written by the JDK's {@link XMLStreamWriter} (which
   * escapes what XML needs; an ETag's quotes stay as they are, as in S3's own examples).
   *
   * @return the XML listing every part number and ETag, without an XML declaration
   */
  public String completionXml() {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      w.writeStartElement("CompleteMultipartUpload");
      for (Part p : parts) {
        w.writeStartElement("Part");
        w.writeStartElement("PartNumber");
        w.writeCharacters(Integer.toString(p.partNumber()));
        w.writeEndElement();
        w.writeStartElement("ETag");
        w.writeCharacters(p.etag());
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeEndElement();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the completion XML could not be written", e);
    }
    return out.toString();
  }
}
