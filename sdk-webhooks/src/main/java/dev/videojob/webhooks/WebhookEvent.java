package dev.videojob.webhooks;

import dev.videojob.core.VideoJob;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One verified webhook delivery in provider-neutral form: which provider, what happened, to which
 * job, the job's snapshot, and the raw bytes for anything the model does not cover.
 *
 * <p>An event type the provider's format does not recognise is an event of kind
 * {@link Kind#UNKNOWN} carrying its raw payload, not an error. Immutable and thread-safe.
 */
public final class WebhookEvent {

  /** What the event is about. */
  public enum Kind {
    /** A job's status or phase changed; {@link #snapshot()} holds the job as the provider now reports it. */
    JOB_UPDATE,
    /** An event type the format does not know; read {@link #rawBody()} yourself. */
    UNKNOWN
  }

  private final String provider;
  private final Kind kind;
  private final String eventType;
  private final String jobId;
  private final String deliveryId;
  private final VideoJob snapshot;
  private final Instant receivedAt;
  private final byte[] rawBody;

  private WebhookEvent(Builder b) {
    this.provider = requireText(b.provider, "provider");
    this.kind = Objects.requireNonNull(b.kind, "kind == null");
    this.eventType = requireText(b.eventType, "eventType");
    this.snapshot = b.snapshot;
    this.jobId = b.jobId != null ? b.jobId : b.snapshot == null ? null : b.snapshot.id();
    this.deliveryId = b.deliveryId == null || b.deliveryId.isBlank() ? null : b.deliveryId;
    this.receivedAt = Objects.requireNonNull(b.receivedAt, "receivedAt == null");
    this.rawBody = Objects.requireNonNull(b.rawBody, "rawBody == null").clone();
    if (kind == Kind.JOB_UPDATE && snapshot == null) {
      throw new IllegalArgumentException("a JOB_UPDATE event needs a snapshot");
    }
    if (snapshot != null && !snapshot.provider().equals(provider)) {
      throw new IllegalArgumentException("snapshot provider " + snapshot.provider() + " != event provider " + provider);
    }
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) throw new IllegalArgumentException(name + " is blank");
    return value;
  }

  /**
   * Starts an event.
   *
   * @param provider the provider id
   * @param kind what the event is about
   * @param eventType the provider's event name ({@code render.completed}), or its status where it names no event
   * @return a builder
   */
  public static Builder builder(String provider, Kind kind, String eventType) {
    return new Builder(provider, kind, eventType);
  }

  /** @return a builder holding this event's values */
  public Builder toBuilder() {
    return new Builder(provider, kind, eventType).jobId(jobId).deliveryId(deliveryId).snapshot(snapshot)
        .receivedAt(receivedAt).rawBody(rawBody);
  }

  /** @return the provider id */
  public String provider() {
    return provider;
  }

  /** @return what the event is about */
  public Kind kind() {
    return kind;
  }

  /** @return the provider's event name, or its status where the provider names no event */
  public String eventType() {
    return eventType;
  }

  /** @return the provider's job id, if the event names one (always, for {@link Kind#JOB_UPDATE}) */
  public Optional<String> jobId() {
    return Optional.ofNullable(jobId);
  }

  /** @return the provider's id of this delivery (a header such as {@code webhook-id}), if it sends one */
  public Optional<String> deliveryId() {
    return Optional.ofNullable(deliveryId);
  }

  /** @return the job as the event reports it; present for {@link Kind#JOB_UPDATE} */
  public Optional<VideoJob> snapshot() {
    return Optional.ofNullable(snapshot);
  }

  /** @return when the request arrived */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** @return a copy of the body bytes exactly as received */
  public byte[] rawBody() {
    return rawBody.clone();
  }

  /** @return the body decoded as UTF-8 */
  public String rawBodyText() {
    return new String(rawBody, StandardCharsets.UTF_8);
  }

  /** Summarises the event; never prints the body (it may hold signed URLs). */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("WebhookEvent{").append(provider).append(' ').append(kind)
        .append(' ').append(eventType);
    if (jobId != null) b.append(", job=").append(jobId);
    if (deliveryId != null) b.append(", delivery=").append(deliveryId);
    if (snapshot != null) b.append(", status=").append(snapshot.status());
    return b.append(", bytes=").append(rawBody.length).append('}').toString();
  }

  /** Builds a {@link WebhookEvent}; not thread-safe. */
  public static final class Builder {
    private final String provider;
    private final Kind kind;
    private final String eventType;
    private String jobId;
    private String deliveryId;
    private VideoJob snapshot;
    private Instant receivedAt;
    private byte[] rawBody;

    private Builder(String provider, Kind kind, String eventType) {
      this.provider = provider;
      this.kind = kind;
      this.eventType = eventType;
    }

    /**
     * @param jobId the provider's job id; default the snapshot's id
     * @return this
     */
    public Builder jobId(String jobId) {
      this.jobId = jobId;
      return this;
    }

    /**
     * @param deliveryId the provider's delivery id; default none
     * @return this
     */
    public Builder deliveryId(String deliveryId) {
      this.deliveryId = deliveryId;
      return this;
    }

    /**
     * @param snapshot the job as the event reports it; required for {@link Kind#JOB_UPDATE}
     * @return this
     */
    public Builder snapshot(VideoJob snapshot) {
      this.snapshot = snapshot;
      return this;
    }

    /**
     * @param receivedAt when the request arrived; required
     * @return this
     */
    public Builder receivedAt(Instant receivedAt) {
      this.receivedAt = receivedAt;
      return this;
    }

    /**
     * @param rawBody the body exactly as received; copied; required
     * @return this
     */
    public Builder rawBody(byte[] rawBody) {
      this.rawBody = rawBody;
      return this;
    }

    /**
     * @return the event
     * @throws NullPointerException if provider, kind, event type, received-at or raw body is missing
     * @throws IllegalArgumentException if a {@link Kind#JOB_UPDATE} has no snapshot, or the snapshot is another provider's
     */
    public WebhookEvent build() {
      return new WebhookEvent(this);
    }
  }
}
