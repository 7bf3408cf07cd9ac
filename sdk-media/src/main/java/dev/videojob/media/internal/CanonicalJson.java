package dev.videojob.media.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical JSON form signatures are computed over: object keys sorted by code point at every
 * level, no insignificant whitespace, UTF-8. The same tree always gives the same bytes, so a sidecar
 * may be pretty-printed and still verify.
 */
public final class CanonicalJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CanonicalJson() {}

  /**
   * @param node any JSON tree
   * @return its canonical UTF-8 bytes
   */
  public static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(sorted(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
      Collections.sort(names);
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (String n : names) out.set(n, sorted(node.get(n)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return node;
  }
}
