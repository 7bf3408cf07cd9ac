package dev.videojob.core.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded JSON mutator: it starts from documented payloads (the seeds) and changes them the way a
 * broken or hostile provider would. Same seed documents and same random source, same bytes.
 *
 * <p>Each call applies one to four tree mutations to a copy of a seed (a value replaced by a
 * {@linkplain HostileValues hostile value}, by a word seen in the seeds or by the wrong type; a field
 * removed or added; a value nested thousands of levels deep; a megabyte string; a huge array; a
 * string of invalid UTF-8), writes it out, and sometimes mutates the bytes (truncation, trailing
 * garbage, flipped bytes, a whole other document). A few calls return a seed untouched, so the
 * happy path stays in the mix.
 */
public final class JsonMutator {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Stands for invalid UTF-8 until the document is bytes; ASCII, so JSON writes it unchanged. */
  private static final String UTF8_MARKER = "@@fuzz-invalid-utf8@@";
  private static final byte[] UTF8_MARKER_BYTES = UTF8_MARKER.getBytes(StandardCharsets.US_ASCII);

  private final List<byte[]> seedBytes;
  private final List<JsonNode> seeds;
  private final List<String> words;
  private final List<String> fieldNames;

  private JsonMutator(List<byte[]> seedBytes) {
    if (seedBytes.isEmpty()) throw new IllegalArgumentException("no seed documents");
    this.seedBytes = List.copyOf(seedBytes);
    List<JsonNode> trees = new ArrayList<>();
    Set<String> w = new LinkedHashSet<>(HostileValues.STATUS_WORDS);
    Set<String> f = new LinkedHashSet<>();
    for (byte[] b : seedBytes) {
      JsonNode n = readLenient(b);
      trees.add(n);
      if (n != null) collect(n, w, f);
    }
    this.seeds = trees;
    this.words = List.copyOf(w);
    this.fieldNames = List.copyOf(f);
  }

  /**
   * A mutator over seed documents (JSON; one that does not parse is still used, at the byte level).
   *
   * @param seeds the documents to start from; not empty
   * @return the mutator
   */
  public static JsonMutator of(List<byte[]> seeds) {
    return new JsonMutator(Objects.requireNonNull(seeds, "seeds == null"));
  }

  /** @return how many seed documents there are */
  public int seedCount() {
    return seeds.size();
  }

  /**
   * Mutates a seed picked at random.
   *
   * @param r the random source
   * @return the mutated document's bytes
   */
  public byte[] next(SplittableRandom r) {
    return mutate(r.nextInt(seeds.size()), r);
  }

  /**
   * Mutates one seed.
   *
   * @param seedIndex which seed
   * @param r the random source
   * @return the mutated document's bytes
   */
  public byte[] mutate(int seedIndex, SplittableRandom r) {
    int roll = r.nextInt(100);
    if (roll < 4) return seedBytes.get(seedIndex).clone();
    if (roll < 8) return HostileValues.pick(r, HostileValues.DOCUMENTS).getBytes(StandardCharsets.UTF_8);
    JsonNode seed = seeds.get(seedIndex);
    byte[] out;
    if (seed == null) {
      out = seedBytes.get(seedIndex).clone();
    } else {
      JsonNode tree = seed.deepCopy();
      int n = 1 + r.nextInt(4);
      for (int i = 0; i < n; i++) tree = mutateTree(tree, r);
      out = write(tree);
    }
    out = replaceMarkers(out, r);
    if (r.nextInt(100) < 15) out = mutateBytes(out, r);
    return out;
  }

  private JsonNode mutateTree(JsonNode root, SplittableRandom r) {
    List<Slot> slots = new ArrayList<>();
    slots(root, slots, 0);
    int kind = r.nextInt(100);
    if (slots.isEmpty() || kind < 3) {
      // Replace or wrap the whole document.
      return r.nextBoolean() ? raw(hostileRaw(r)) : NODES.arrayNode().add(root);
    }
    Slot slot = slots.get(r.nextInt(slots.size()));
    if (kind < 28) {
      slot.set(raw(hostileLike(slot.get(), slot.name(), r)));
    } else if (kind < 43) {
      slot.set(raw(hostileRaw(r)));
    } else if (kind < 55) {
      slot.set(NODES.textNode(HostileValues.pick(r, words)));
    } else if (kind < 63) {
      slot.set(wrongType(r));
    } else if (kind < 71) {
      slot.remove();
    } else if (kind < 79) {
      ObjectNode target = someObject(root, slots, r);
      if (target != null && !fieldNames.isEmpty()) {
        target.set(HostileValues.pick(r, fieldNames), r.nextBoolean() ? raw(hostileRaw(r))
            : NODES.textNode(HostileValues.pick(r, words)));
      }
    } else if (kind < 84) {
      int depth = HostileValues.pick(r, List.of(50, 500, 999, 1001, 5000));
      slot.set(raw(HostileValues.nested(depth, r.nextBoolean())));
    } else if (kind < 87) {
      int length = HostileValues.pick(r, List.of(10_000, 100_000, 1_000_000));
      slot.set(NODES.textNode(String.valueOf((char) ('a' + r.nextInt(26))).repeat(length)));
    } else if (kind < 89) {
      JsonNode element = slot.get();
      // At most about 2 MB in all, whatever an earlier mutation put into the element.
      int size = element == null ? 8 : write(element).length + 1;
      int count = Math.min(HostileValues.pick(r, List.of(1_000, 10_000)), Math.max(1, 2_000_000 / size));
      ArrayNode big = NODES.arrayNode();
      for (int i = 0; i < count; i++) big.add(element == null ? NODES.numberNode(i) : element.deepCopy());
      slot.set(big);
    } else if (kind < 95) {
      JsonNode v = slot.get();
      String base = v != null && v.isTextual() ? v.asText() : "x";
      int at = r.nextInt(base.length() + 1);
      slot.set(NODES.textNode(base.substring(0, at) + UTF8_MARKER + base.substring(at)));
    } else {
      // Duplicate the value under a sibling or wrap it in an array.
      JsonNode v = slot.get();
      slot.set(NODES.arrayNode().add(v == null ? NODES.nullNode() : v.deepCopy()));
    }
    return root;
  }

  /** A hostile value of the same kind as the one it replaces: numbers for numbers, URLs for URLs, and so on. */
  private String hostileLike(JsonNode current, String field, SplittableRandom r) {
    String name = field == null ? "" : field.toLowerCase(java.util.Locale.ROOT);
    if (current != null && current.isNumber()) {
      return r.nextInt(3) == 0 ? HostileValues.pick(r, HostileValues.TIMESTAMPS)
          : HostileValues.pick(r, r.nextInt(4) == 0 ? HostileValues.NUMERIC_STRINGS : HostileValues.NUMBERS);
    }
    if (current != null && current.isTextual()) {
      String v = current.asText();
      if (v.matches("\\d{4}-\\d{2}-\\d{2}.*") || name.endsWith("at") || name.contains("time")) {
        return HostileValues.pick(r, HostileValues.TIMESTAMPS);
      }
      if (v.startsWith("http") || v.startsWith("/") || name.contains("url")) {
        return HostileValues.quote(HostileValues.pick(r, HostileValues.URLS));
      }
      if (v.matches("-?[0-9.]+\\s*[a-z]*")) return HostileValues.pick(r, HostileValues.NUMERIC_STRINGS);
      if (name.equals("id") || name.endsWith("id") || name.endsWith("_id")) {
        return HostileValues.quote(HostileValues.pick(r, HostileValues.IDS));
      }
      return r.nextBoolean() ? HostileValues.pick(r, HostileValues.RAW_STRINGS)
          : HostileValues.quote(HostileValues.pick(r, HostileValues.STRINGS));
    }
    return hostileRaw(r);
  }

  private String hostileRaw(SplittableRandom r) {
    switch (r.nextInt(8)) {
      case 0: case 1: return HostileValues.pick(r, HostileValues.NUMBERS);
      case 2: return HostileValues.pick(r, HostileValues.NUMERIC_STRINGS);
      case 3: return HostileValues.pick(r, HostileValues.TIMESTAMPS);
      case 4: return HostileValues.quote(HostileValues.pick(r, HostileValues.URLS));
      case 5: return HostileValues.quote(HostileValues.pick(r, HostileValues.IDS));
      case 6: return HostileValues.quote(HostileValues.pick(r, HostileValues.STRINGS));
      default: return HostileValues.pick(r, HostileValues.RAW_STRINGS);
    }
  }

  private static JsonNode wrongType(SplittableRandom r) {
    switch (r.nextInt(8)) {
      case 0: return NODES.objectNode();
      case 1: return NODES.arrayNode();
      case 2: return NODES.booleanNode(r.nextBoolean());
      case 3: return NODES.nullNode();
      case 4: return NODES.numberNode(0);
      case 5: return NODES.textNode("");
      case 6: return NODES.objectNode().put("a", 1);
      default: return NODES.arrayNode().add("x").add(1).add(NODES.nullNode());
    }
  }

  private static ObjectNode someObject(JsonNode root, List<Slot> slots, SplittableRandom r) {
    List<ObjectNode> objects = new ArrayList<>();
    if (root.isObject()) objects.add((ObjectNode) root);
    for (Slot s : slots) {
      JsonNode v = s.get();
      if (v != null && v.isObject()) objects.add((ObjectNode) v);
    }
    return objects.isEmpty() ? null : objects.get(r.nextInt(objects.size()));
  }

  private static JsonNode raw(String json) {
    return NODES.rawValueNode(new RawValue(json));
  }

  private static byte[] write(JsonNode tree) {
    try {
      return MAPPER.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] replaceMarkers(byte[] in, SplittableRandom r) {
    int at = indexOf(in, UTF8_MARKER_BYTES, 0);
    if (at < 0) return in;
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    int from = 0;
    while (at >= 0) {
      out.write(in, from, at - from);
      out.writeBytes(HostileValues.pick(r, HostileValues.INVALID_UTF8));
      from = at + UTF8_MARKER_BYTES.length;
      at = indexOf(in, UTF8_MARKER_BYTES, from);
    }
    out.write(in, from, in.length - from);
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  private static byte[] mutateBytes(byte[] in, SplittableRandom r) {
    switch (r.nextInt(6)) {
      case 0: // truncate
        return java.util.Arrays.copyOf(in, in.length == 0 ? 0 : r.nextInt(in.length));
      case 1: { // trailing garbage
        byte[] tail = HostileValues.pick(r, List.of("}}}", "\u0000", " garbage", "{}", ",", "]", "\n\n{\"a\":1}"))
            .getBytes(StandardCharsets.UTF_8);
        return concat(in, tail);
      }
      case 2: // a byte order mark or junk in front
        return concat(HostileValues.pick(r, List.of("\uFEFF", " \n\t", "\u0000", ")]}',\n"))
            .getBytes(StandardCharsets.UTF_8), in);
      case 3: { // flipped bytes
        byte[] out = in.clone();
        int flips = 1 + r.nextInt(8);
        for (int i = 0; i < flips && out.length > 0; i++) out[r.nextInt(out.length)] = (byte) r.nextInt(256);
        return out;
      }
      case 4: { // invalid UTF-8 anywhere
        int at = in.length == 0 ? 0 : r.nextInt(in.length);
        byte[] bad = HostileValues.pick(r, HostileValues.INVALID_UTF8);
        return concat(concat(java.util.Arrays.copyOf(in, at), bad), java.util.Arrays.copyOfRange(in, at, in.length));
      }
      default: // duplicated document
        return concat(in, in);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static JsonNode readLenient(byte[] b) {
    try {
      return MAPPER.readTree(b);
    } catch (IOException e) {
      return null;
    }
  }

  private static void collect(JsonNode n, Set<String> words, Set<String> fields) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        fields.add(e.getKey());
        collect(e.getValue(), words, fields);
      }
    } else if (n.isArray()) {
      for (JsonNode c : n) collect(c, words, fields);
    } else if (n.isTextual() && n.asText().length() <= 200) {
      words.add(n.asText());
    }
  }

  /** Every value position in the tree: an object field or an array element. */
  private static void slots(JsonNode n, List<Slot> out, int depth) {
    if (depth > 50 || out.size() > 5_000) return;
    if (n instanceof ObjectNode) {
      ObjectNode o = (ObjectNode) n;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        out.add(new FieldSlot(o, name));
        slots(o.get(name), out, depth + 1);
      }
    } else if (n instanceof ArrayNode) {
      ArrayNode a = (ArrayNode) n;
      for (int i = 0; i < a.size(); i++) {
        out.add(new ElementSlot(a, i));
        slots(a.get(i), out, depth + 1);
      }
    }
  }

  private interface Slot {
    /** @return the field name, or null for an array element */
    String name();

    JsonNode get();

    void set(JsonNode value);

    void remove();
  }

  private static final class FieldSlot implements Slot {
    private final ObjectNode owner;
    private final String name;

    FieldSlot(ObjectNode owner, String name) {
      this.owner = owner;
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public JsonNode get() {
      return owner.get(name);
    }

    @Override
    public void set(JsonNode value) {
      owner.set(name, value);
    }

    @Override
    public void remove() {
      owner.remove(name);
    }
  }

  private static final class ElementSlot implements Slot {
    private final ArrayNode owner;
    private final int index;

    ElementSlot(ArrayNode owner, int index) {
      this.owner = owner;
      this.index = index;
    }

    @Override
    public String name() {
      return null;
    }

    @Override
    public JsonNode get() {
      return index < owner.size() ? owner.get(index) : null;
    }

    @Override
    public void set(JsonNode value) {
      if (index < owner.size()) owner.set(index, value);
      else owner.add(value);
    }

    @Override
    public void remove() {
      if (index < owner.size()) owner.remove(index);
    }
  }
}
