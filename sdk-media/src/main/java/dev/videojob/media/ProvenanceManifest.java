package dev.videojob.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where one deliverable came from: the prompt, provider, model, seed, job id, campaign metadata, who
 * triggered it, when, and the sha256 of the master and of each rendition. Sign it into a JSON sidecar
 * with {@link ProvenanceSigner} and check it later with {@link ProvenanceVerifier}. Immutable; build
 * with {@link #builder(String, ProvenanceEntry)}.
 *
 * <pre>{@code
 * ProvenanceManifest m = ProvenanceManifest.builder("spring-sale-26-a", ProvenanceEntry.of("master", download))
 *     .request(request).job(done).triggeredBy("editor@example.com")
 *     .rendition(ProvenanceEntry.of("9x16", Path.of("out/9x16.mp4")))
 *     .build();
 * signer.writeSidecar(m, ProvenanceSigner.sidecarFor(Path.of("out/master.mp4")));
 * }</pre>
 */
public final class ProvenanceManifest {
  /** The schema id written into every manifest. */
  public static final String SCHEMA = "videojob-provenance/1";

  private final String deliverableId;
  private final String prompt;
  private final String provider;
  private final String model;
  private final Long seed;
  private final String jobId;
  private final String triggeredBy;
  private final Map<String, String> metadata;
  private final Map<String, Instant> timestamps;
  private final ProvenanceEntry master;
  private final List<ProvenanceEntry> renditions;

  private ProvenanceManifest(Builder b) {
    this.deliverableId = b.deliverableId;
    this.prompt = b.prompt;
    this.provider = b.provider;
    this.model = b.model;
    this.seed = b.seed;
    this.jobId = b.jobId;
    this.triggeredBy = b.triggeredBy;
    this.metadata = Map.copyOf(b.metadata);
    this.timestamps = Map.copyOf(b.timestamps);
    this.master = b.master;
    this.renditions = List.copyOf(b.renditions);
  }

  /**
   * Starts a manifest.
   *
   * @param deliverableId the deliverable's id in your system
   * @param master the master file
   * @return a builder
   */
  public static Builder builder(String deliverableId, ProvenanceEntry master) {
    return new Builder(deliverableId, master);
  }

  /** @return the deliverable's id */
  public String deliverableId() {
    return deliverableId;
  }

  /** @return the prompt, if recorded */
  public Optional<String> prompt() {
    return Optional.ofNullable(prompt);
  }

  /** @return the provider id, if recorded */
  public Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  /** @return the model, if recorded */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** @return the seed, if recorded */
  public Optional<Long> seed() {
    return Optional.ofNullable(seed);
  }

  /** @return the provider's job id, if recorded */
  public Optional<String> jobId() {
    return Optional.ofNullable(jobId);
  }

  /** @return who triggered the generation, if recorded */
  public Optional<String> triggeredBy() {
    return Optional.ofNullable(triggeredBy);
  }

  /** @return campaign and other metadata, unmodifiable */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** @return named timestamps ({@code submitted}, {@code completed} ...), unmodifiable */
  public Map<String, Instant> timestamps() {
    return timestamps;
  }

  /** @return the master file */
  public ProvenanceEntry master() {
    return master;
  }

  /** @return the other renditions, unmodifiable */
  public List<ProvenanceEntry> renditions() {
    return renditions;
  }

  /**
   * @param name a rendition name, {@code master} included
   * @return the rendition, if recorded
   */
  public Optional<ProvenanceEntry> rendition(String name) {
    if (master.name().equals(name)) return Optional.of(master);
    return renditions.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** @return the manifest as a JSON tree (keys in any order; signatures use the canonical form) */
  public ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("schema", SCHEMA);
    n.put("deliverableId", deliverableId);
    if (prompt != null) n.put("prompt", prompt);
    if (provider != null) n.put("provider", provider);
    if (model != null) n.put("model", model);
    if (seed != null) n.put("seed", seed);
    if (jobId != null) n.put("jobId", jobId);
    if (triggeredBy != null) n.put("triggeredBy", triggeredBy);
    ObjectNode md = n.putObject("metadata");
    new TreeMap<>(metadata).forEach(md::put);
    ObjectNode ts = n.putObject("timestamps");
    new TreeMap<>(timestamps).forEach((k, v) -> ts.put(k, v.toString()));
    n.set("master", rendition(master));
    ArrayNode rs = n.putArray("renditions");
    renditions.forEach(r -> rs.add(rendition(r)));
    return n;
  }

  private static ObjectNode rendition(ProvenanceEntry r) {
    return JsonNodeFactory.instance.objectNode().put("name", r.name()).put("sha256", r.sha256())
        .put("sizeBytes", r.sizeBytes());
  }

  /**
   * Reads a manifest from its JSON tree.
   *
   * @param n the tree
   * @return the manifest
   * @throws ProvenanceVerificationException ({@code MALFORMED}) if it is not a manifest of this schema
   */
  public static ProvenanceManifest fromJson(JsonNode n) {
    try {
      if (n == null || !SCHEMA.equals(n.path("schema").asText())) {
        throw new IllegalArgumentException("not a " + SCHEMA + " manifest");
      }
      Builder b = builder(n.path("deliverableId").textValue(), readEntry(n.get("master")));
      b.prompt = n.path("prompt").textValue();
      b.provider = n.path("provider").textValue();
      b.model = n.path("model").textValue();
      b.seed = n.hasNonNull("seed") ? n.get("seed").longValue() : null;
      b.jobId = n.path("jobId").textValue();
      b.triggeredBy = n.path("triggeredBy").textValue();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.path("metadata").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        b.metadata(e.getKey(), e.getValue().asText());
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = n.path("timestamps").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        b.timestamp(e.getKey(), Instant.parse(e.getValue().asText()));
      }
      for (JsonNode r : n.path("renditions")) b.rendition(readEntry(r));
      return b.build();
    } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
      throw new ProvenanceVerificationException(ProvenanceVerificationException.Reason.MALFORMED,
          "the provenance manifest cannot be read: " + e.getMessage());
    }
  }

  private static ProvenanceEntry readEntry(JsonNode r) {
    if (r == null || !r.isObject()) throw new IllegalArgumentException("a rendition is missing");
    return new ProvenanceEntry(r.path("name").textValue(), r.path("sha256").textValue(), r.path("sizeBytes").asLong(-1));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProvenanceManifest && toJson().equals(((ProvenanceManifest) o).toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  @Override
  public String toString() {
    return "ProvenanceManifest{" + deliverableId + ", provider=" + provider + ", job=" + jobId + ", master="
        + master.sha256() + ", renditions=" + renditions.size() + "}";
  }

  /** Builds a {@link ProvenanceManifest}; not thread-safe. */
  public static final class Builder {
    private final String deliverableId;
    private final ProvenanceEntry master;
    private String prompt;
    private String provider;
    private String model;
    private Long seed;
    private String jobId;
    private String triggeredBy;
    private final Map<String, String> metadata = new TreeMap<>();
    private final Map<String, Instant> timestamps = new TreeMap<>();
    private final List<ProvenanceEntry> renditions = new ArrayList<>();

    private Builder(String deliverableId, ProvenanceEntry master) {
      this.deliverableId = Objects.requireNonNull(deliverableId, "deliverableId == null");
      this.master = Objects.requireNonNull(master, "master == null");
    }

    /**
     * @param prompt the prompt; default none
     * @return this
     */
    public Builder prompt(String prompt) {
      this.prompt = prompt;
      return this;
    }

    /**
     * @param provider the provider id; default none
     * @return this
     */
    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    /**
     * @param model the model; default none
     * @return this
     */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /**
     * @param seed the generation seed; default none
     * @return this
     */
    public Builder seed(Long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param jobId the provider's job id; default none
     * @return this
     */
    public Builder jobId(String jobId) {
      this.jobId = jobId;
      return this;
    }

    /**
     * @param who the person or service that triggered the generation; default none
     * @return this
     */
    public Builder triggeredBy(String who) {
      this.triggeredBy = who;
      return this;
    }

    /**
     * Adds a metadata entry such as {@code campaign_id}; a null value is ignored.
     *
     * @param name the key
     * @param value the value
     * @return this
     */
    public Builder metadata(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      if (value != null) metadata.put(name, value);
      return this;
    }

    /**
     * Records a named instant such as {@code submitted} or {@code completed}; a null instant is ignored.
     *
     * @param name the name
     * @param at the instant
     * @return this
     */
    public Builder timestamp(String name, Instant at) {
      Objects.requireNonNull(name, "name == null");
      if (at != null) timestamps.put(name, at);
      return this;
    }

    /**
     * Takes the prompt, model and metadata of the request that was submitted.
     *
     * @param request the request
     * @return this
     */
    public Builder request(VideoRequest request) {
      request.prompt().ifPresent(p -> this.prompt = p);
      request.model().ifPresent(m -> this.model = m);
      request.metadata().forEach(this::metadata);
      return this;
    }

    /**
     * Takes the provider, job id, metadata and created/completed instants of the finished job.
     *
     * @param job the job's snapshot
     * @return this
     */
    public Builder job(VideoJob job) {
      this.provider = job.provider();
      this.jobId = job.id();
      job.metadata().forEach(this::metadata);
      job.createdAt().ifPresent(t -> timestamp("created", t));
      job.completedAt().ifPresent(t -> timestamp("completed", t));
      return this;
    }

    /**
     * @param rendition another file of the deliverable
     * @return this
     * @throws IllegalArgumentException if its name is already used
     */
    public Builder rendition(ProvenanceEntry rendition) {
      Objects.requireNonNull(rendition, "rendition == null");
      if (rendition.name().equals(master.name()) || renditions.stream().anyMatch(r -> r.name().equals(rendition.name()))) {
        throw new IllegalArgumentException("a rendition named '" + rendition.name() + "' is already in the manifest");
      }
      renditions.add(rendition);
      return this;
    }

    /** @return the manifest */
    public ProvenanceManifest build() {
      return new ProvenanceManifest(this);
    }
  }
}
