package dev.videojob.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An immutable snapshot of one logical job at one provider, as of {@link #observedAt()}.
 *
 * <p>Snapshots come from submission, from polling and from verified webhooks; a later snapshot
 * replaces an earlier one. The status is always given both normalised ({@link #status()}) and
 * as the provider wrote it ({@link #rawStatus()}); anything the model does not cover is in
 * {@link #rawJson()}. Progress is noisy (not always monotonic, often only known from polling).
 */
public final class VideoJob {
  private final String provider;
  private final String id;
  private final JobStatus status;
  private final String rawStatus;
  private final String phase;
  private final Double progress;
  private final List<Asset> outputs;
  private final JobError error;
  private final Cost cost;
  private final boolean failoverUsed;
  private final Instant createdAt;
  private final Instant completedAt;
  private final Instant observedAt;
  private final Duration estimatedTimeRemaining;
  private final Map<String, String> metadata;
  private final List<SubJob> subJobs;
  private final String idempotencyKey;
  private final String rawJson;

  private VideoJob(Builder b) {
    this.provider = requireText(b.provider, "provider");
    this.id = requireText(b.id, "id");
    this.status = Objects.requireNonNull(b.status, "status == null");
    this.rawStatus = b.rawStatus == null ? b.status.name().toLowerCase(java.util.Locale.ROOT) : b.rawStatus;
    this.phase = b.phase;
    this.progress = b.progress;
    this.outputs = List.copyOf(b.outputs);
    this.error = b.error;
    this.cost = b.cost;
    this.failoverUsed = b.failoverUsed;
    this.createdAt = b.createdAt;
    this.completedAt = b.completedAt;
    this.observedAt = b.observedAt == null ? Instant.now() : b.observedAt;
    this.estimatedTimeRemaining = b.estimatedTimeRemaining;
    this.metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    this.subJobs = List.copyOf(b.subJobs);
    this.idempotencyKey = b.idempotencyKey;
    this.rawJson = b.rawJson;
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) throw new IllegalArgumentException(name + " is blank");
    return value;
  }

  /**
   * Starts a snapshot.
   *
   * @param provider the provider id
   * @param id the provider's job id
   * @param status the normalised status
   * @return a builder
   */
  public static Builder builder(String provider, String id, JobStatus status) {
    return new Builder().provider(provider).id(id).status(status);
  }

  /** @return the reference that {@code VideoClient.await} and {@code VideoClient.status} take */
  public JobRef ref() {
    return new JobRef(provider, id);
  }

  /** @return the provider id ({@code "creativeai"}, {@code "ssemble"} ...) */
  public String provider() {
    return provider;
  }

  /** @return the provider's id of the logical job */
  public String id() {
    return id;
  }

  /** @return the normalised status */
  public JobStatus status() {
    return status;
  }

  /** @return the status exactly as the provider wrote it (its event name where it has no status) */
  public String rawStatus() {
    return rawStatus;
  }

  /** @return whether the job will not change again */
  public boolean isTerminal() {
    return status.isTerminal();
  }

  /** @return the provider's finer phase ({@code rendering}, {@code media_ready}, {@code transcribing_audio}), if given */
  public Optional<String> phase() {
    return Optional.ofNullable(phase);
  }

  /** @return progress from 0.0 to 1.0, if known; may go backwards between snapshots */
  public OptionalDouble progress() {
    return progress == null ? OptionalDouble.empty() : OptionalDouble.of(progress);
  }

  /** @return the outputs, empty until the job succeeds; unmodifiable */
  public List<Asset> outputs() {
    return outputs;
  }

  /**
   * The first output of a kind.
   *
   * @param kind the kind wanted
   * @return the first output of that kind, if any
   */
  public Optional<Asset> output(AssetKind kind) {
    return outputs.stream().filter(a -> a.kind() == kind).findFirst();
  }

  /** @return why the job failed, for a failed, canceled or expired job */
  public Optional<JobError> error() {
    return Optional.ofNullable(error);
  }

  /** @return what the job cost, if the provider says */
  public Optional<Cost> cost() {
    return Optional.ofNullable(cost);
  }

  /** @return whether the job ended up at another provider or model than first chosen (by this SDK or the provider) */
  public boolean failoverUsed() {
    return failoverUsed;
  }

  /** @return when the provider created the job, if known */
  public Optional<Instant> createdAt() {
    return Optional.ofNullable(createdAt);
  }

  /** @return when the job reached a terminal status, if known */
  public Optional<Instant> completedAt() {
    return Optional.ofNullable(completedAt);
  }

  /** @return when this snapshot was taken (received from the provider) */
  public Instant observedAt() {
    return observedAt;
  }

  /** @return the provider's estimate of the time left, used as a polling hint */
  public Optional<Duration> estimatedTimeRemaining() {
    return Optional.ofNullable(estimatedTimeRemaining);
  }

  /** @return the metadata sent with the request or echoed by the provider; unmodifiable */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** @return the provider jobs this logical job is made of (VideoPilot scenes and render); unmodifiable */
  public List<SubJob> subJobs() {
    return subJobs;
  }

  /** @return the idempotency key the job was submitted with, when this snapshot came from a submission */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /** @return the provider's JSON for this snapshot, for what the model does not cover; may be absent */
  public Optional<String> rawJson() {
    return Optional.ofNullable(rawJson);
  }

  /** @return a builder holding this snapshot's values */
  public Builder toBuilder() {
    Builder b = new Builder().provider(provider).id(id).status(status).rawStatus(rawStatus).phase(phase)
        .progress(progress).error(error).cost(cost).failoverUsed(failoverUsed).createdAt(createdAt)
        .completedAt(completedAt).observedAt(observedAt).estimatedTimeRemaining(estimatedTimeRemaining)
        .idempotencyKey(idempotencyKey).rawJson(rawJson);
    b.outputs.addAll(outputs);
    b.metadata.putAll(metadata);
    b.subJobs.addAll(subJobs);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof VideoJob)) return false;
    VideoJob j = (VideoJob) o;
    return failoverUsed == j.failoverUsed && provider.equals(j.provider) && id.equals(j.id) && status == j.status
        && rawStatus.equals(j.rawStatus) && Objects.equals(phase, j.phase) && Objects.equals(progress, j.progress)
        && outputs.equals(j.outputs) && Objects.equals(error, j.error) && Objects.equals(cost, j.cost)
        && Objects.equals(createdAt, j.createdAt) && Objects.equals(completedAt, j.completedAt)
        && observedAt.equals(j.observedAt) && Objects.equals(estimatedTimeRemaining, j.estimatedTimeRemaining)
        && metadata.equals(j.metadata) && subJobs.equals(j.subJobs)
        && Objects.equals(idempotencyKey, j.idempotencyKey) && Objects.equals(rawJson, j.rawJson);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, id, status, rawStatus, phase, observedAt);
  }

  /** Summarises the snapshot; never prints output URLs' query strings or the raw JSON. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("VideoJob{").append(provider).append('/').append(id)
        .append(' ').append(status).append(" (").append(rawStatus).append(')');
    if (phase != null) b.append(", phase=").append(phase);
    if (progress != null) b.append(", progress=").append(Math.round(progress * 100)).append('%');
    if (!outputs.isEmpty()) b.append(", outputs=").append(outputs);
    if (error != null) b.append(", error=").append(error.category()).append(": ").append(error.message());
    if (failoverUsed) b.append(", failoverUsed");
    return b.append('}').toString();
  }

  /** Builds a {@link VideoJob}; not thread-safe. */
  public static final class Builder {
    private String provider;
    private String id;
    private JobStatus status;
    private String rawStatus;
    private String phase;
    private Double progress;
    private final List<Asset> outputs = new ArrayList<>();
    private JobError error;
    private Cost cost;
    private boolean failoverUsed;
    private Instant createdAt;
    private Instant completedAt;
    private Instant observedAt;
    private Duration estimatedTimeRemaining;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<SubJob> subJobs = new ArrayList<>();
    private String idempotencyKey;
    private String rawJson;

    private Builder() {}

    /**
     * @param provider the provider id; required
     * @return this
     */
    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    /**
     * @param id the provider's job id; required
     * @return this
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * @param status the normalised status; required
     * @return this
     */
    public Builder status(JobStatus status) {
      this.status = status;
      return this;
    }

    /**
     * @param rawStatus the provider's own status value; default the lower-case enum name
     * @return this
     */
    public Builder rawStatus(String rawStatus) {
      this.rawStatus = rawStatus;
      return this;
    }

    /**
     * @param phase the provider's phase; default none
     * @return this
     */
    public Builder phase(String phase) {
      this.phase = phase;
      return this;
    }

    /**
     * @param progress from 0.0 to 1.0; values outside are clamped; null for unknown (the default)
     * @return this
     */
    public Builder progress(Double progress) {
      this.progress = progress == null || progress.isNaN() ? null : Math.max(0.0, Math.min(1.0, progress));
      return this;
    }

    /**
     * @param asset an output to add
     * @return this
     */
    public Builder addOutput(Asset asset) {
      outputs.add(Objects.requireNonNull(asset, "asset == null"));
      return this;
    }

    /**
     * @param assets the outputs, replacing any added before
     * @return this
     */
    public Builder outputs(List<Asset> assets) {
      outputs.clear();
      assets.forEach(this::addOutput);
      return this;
    }

    /**
     * @param error why the job failed; default none
     * @return this
     */
    public Builder error(JobError error) {
      this.error = error;
      return this;
    }

    /**
     * @param cost what the job cost; default unknown
     * @return this
     */
    public Builder cost(Cost cost) {
      this.cost = cost;
      return this;
    }

    /**
     * @param failoverUsed whether another provider or model took the job; default false
     * @return this
     */
    public Builder failoverUsed(boolean failoverUsed) {
      this.failoverUsed = failoverUsed;
      return this;
    }

    /**
     * @param createdAt when the provider created the job; default unknown
     * @return this
     */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /**
     * @param completedAt when the job ended; default unknown
     * @return this
     */
    public Builder completedAt(Instant completedAt) {
      this.completedAt = completedAt;
      return this;
    }

    /**
     * @param observedAt when the snapshot was received; default the time of {@link #build()}
     * @return this
     */
    public Builder observedAt(Instant observedAt) {
      this.observedAt = observedAt;
      return this;
    }

    /**
     * @param remaining the provider's estimate of the time left; default unknown
     * @return this
     */
    public Builder estimatedTimeRemaining(Duration remaining) {
      this.estimatedTimeRemaining = remaining == null || remaining.isNegative() ? null : remaining;
      return this;
    }

    /**
     * @param key a metadata key
     * @param value its value; a null value is ignored
     * @return this
     */
    public Builder metadata(String key, String value) {
      Objects.requireNonNull(key, "key == null");
      if (value != null) metadata.put(key, value);
      return this;
    }

    /**
     * @param values metadata to add
     * @return this
     */
    public Builder metadata(Map<String, String> values) {
      values.forEach(this::metadata);
      return this;
    }

    /**
     * @param subJob a provider sub-job to add
     * @return this
     */
    public Builder addSubJob(SubJob subJob) {
      subJobs.add(Objects.requireNonNull(subJob, "subJob == null"));
      return this;
    }

    /**
     * @param subJobs the sub-jobs, replacing any added before
     * @return this
     */
    public Builder subJobs(List<SubJob> subJobs) {
      this.subJobs.clear();
      subJobs.forEach(this::addSubJob);
      return this;
    }

    /**
     * @param idempotencyKey the key the job was submitted with; default none
     * @return this
     */
    public Builder idempotencyKey(String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /**
     * @param rawJson the provider's JSON for this snapshot; default none
     * @return this
     */
    public Builder rawJson(String rawJson) {
      this.rawJson = rawJson;
      return this;
    }

    /**
     * @return the snapshot
     * @throws NullPointerException if provider, id or status is missing
     * @throws IllegalArgumentException if provider or id is blank
     */
    public VideoJob build() {
      return new VideoJob(this);
    }
  }
}
