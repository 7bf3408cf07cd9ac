package dev.videojob.media.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.media.MultipartUploadResult.Part;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved progress of a multipart upload: which file (size, modification time), the part size, the
 * upload id, and each finished part's ETag. Written atomically after every part; thread-safe.
 */
public final class MultipartState {
  private static final Logger log = LoggerFactory.getLogger(MultipartState.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION = 1;

  private final Path path;
  private final long fileSize;
  private final long fileModified;
  private final long partSize;
  private final String uploadId;
  private final Map<Integer, Part> parts = new TreeMap<>();

  private MultipartState(Path path, long fileSize, long fileModified, long partSize, String uploadId) {
    this.path = path;
    this.fileSize = fileSize;
    this.fileModified = fileModified;
    this.partSize = partSize;
    this.uploadId = uploadId;
  }

  /**
   * Loads the saved state if it belongs to this file and upload, else starts an empty one.
   *
   * @param path the state file
   * @param fileSize the file's size
   * @param fileModified the file's modification time in ms
   * @param partSize the part size
   * @param uploadId the upload id, or null
   * @return the state
   */
  public static MultipartState load(Path path, long fileSize, long fileModified, long partSize, String uploadId) {
    MultipartState s = new MultipartState(path, fileSize, fileModified, partSize, uploadId);
    if (!Files.exists(path)) return s;
    try {
      JsonNode n = JSON.readTree(Files.readAllBytes(path));
      boolean same = n.path("version").asInt() == VERSION && n.path("fileSize").asLong(-1) == fileSize
          && n.path("fileModified").asLong(-1) == fileModified && n.path("partSize").asLong(-1) == partSize
          && Objects.equals(n.hasNonNull("uploadId") ? n.get("uploadId").asText() : null, uploadId);
      if (!same) {
        log.warn("the saved upload state {} is for another file, part size or upload; starting again", path);
        return s;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = n.path("parts").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        int number = Integer.parseInt(e.getKey());
        JsonNode p = e.getValue();
        s.parts.put(number, new Part(number, p.path("etag").asText(), p.path("size").asLong(), p.path("sha256").asText()));
      }
    } catch (IOException | RuntimeException e) {
      log.warn("the saved upload state {} cannot be read ({}); starting again", path, e.toString());
      s.parts.clear();
    }
    return s;
  }

  /** @return the finished parts by number, a copy */
  public synchronized Map<Integer, Part> parts() {
    return new TreeMap<>(parts);
  }

  /**
   * Records a finished part and saves the state.
   *
   * @param part the part
   * @throws IOException if the state cannot be written
   */
  public synchronized void done(Part part) throws IOException {
    parts.put(part.partNumber(), part);
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    if (uploadId != null) root.put("uploadId", uploadId);
    root.put("fileSize", fileSize);
    root.put("fileModified", fileModified);
    root.put("partSize", partSize);
    ObjectNode ps = root.putObject("parts");
    for (Part p : parts.values()) {
      ps.putObject(Integer.toString(p.partNumber())).put("etag", p.etag()).put("size", p.sizeBytes())
          .put("sha256", p.sha256());
    }
    AtomicFiles.write(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
  }
}
