package dev.videojob.providers.videopilot;

import dev.videojob.core.JobStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * VideoPilot's webhook events and render statuses mapped onto {@link JobStatus}, with the phase of
 * the logical job (script_ready → media_ready → rendering → completed) and a coarse progress (the
 * phase's place in that chain; VideoPilot gives no percentage).
 *
 * <p>Events: {@code video.script_ready}, {@code video.media_ready}, {@code video.generation_failed},
 * {@code render.started}, {@code render.completed}, {@code render.failed}. Statuses (render status
 * endpoint and the events' {@code data.status}): {@code pending}, {@code processing}, {@code completed},
 * {@code failed}, {@code script_ready}, {@code media_ready}. A value not in the table maps to
 * {@link JobStatus#UNKNOWN} (not terminal: waiting goes on), keeping the raw value.
 */
public final class VideoPilotStatuses {

  /**
   * One row of the table.
   *
   * @param status the normalised status
   * @param phase the phase of the logical job, or null
   * @param progress progress from 0.0 to 1.0, or null when the value says nothing about it
   */
  public record Mapping(JobStatus status, String phase, Double progress) {
    /** @return the phase, if the value has one */
    public Optional<String> phaseName() {
      return Optional.ofNullable(phase);
    }

    /** @return the progress, if the value implies one */
    public OptionalDouble progressValue() {
      return progress == null ? OptionalDouble.empty() : OptionalDouble.of(progress);
    }
  }

  /** Event: the script is written. */
  public static final String SCRIPT_READY = "video.script_ready";
  /** Event: every scene has its media. */
  public static final String MEDIA_READY = "video.media_ready";
  /** Event: script or media generation failed. */
  public static final String GENERATION_FAILED = "video.generation_failed";
  /** Event: rendering began. */
  public static final String RENDER_STARTED = "render.started";
  /** Event: the video is rendered. */
  public static final String RENDER_COMPLETED = "render.completed";
  /** Event: rendering failed. */
  public static final String RENDER_FAILED = "render.failed";

  private static final Mapping UNKNOWN = new Mapping(JobStatus.UNKNOWN, null, null);
  private static final Mapping FAILED = new Mapping(JobStatus.FAILED, "failed", null);
  private static final Mapping COMPLETED = new Mapping(JobStatus.SUCCEEDED, "completed", 1.0);
  private static final Mapping RENDERING = new Mapping(JobStatus.RUNNING, "rendering", 0.75);
  private static final Mapping SCRIPT = new Mapping(JobStatus.RUNNING, "script_ready", 0.25);
  private static final Mapping MEDIA = new Mapping(JobStatus.RUNNING, "media_ready", 0.5);

  private static final Map<String, Mapping> EVENTS = Map.of(
      SCRIPT_READY, SCRIPT,
      MEDIA_READY, MEDIA,
      GENERATION_FAILED, FAILED,
      RENDER_STARTED, RENDERING,
      RENDER_COMPLETED, COMPLETED,
      RENDER_FAILED, FAILED);

  private static final Map<String, Mapping> STATUSES = Map.of(
      "pending", new Mapping(JobStatus.QUEUED, "queued", 0.0),
      "script_ready", SCRIPT,
      "media_ready", MEDIA,
      "processing", RENDERING,
      "completed", COMPLETED,
      "failed", FAILED);

  private VideoPilotStatuses() {}

  /**
   * Maps a webhook event name, ignoring case.
   *
   * @param event the {@code event} field
   * @return its row; {@link JobStatus#UNKNOWN} for an event not in the table
   * @throws NullPointerException if event is null
   */
  public static Mapping ofEvent(String event) {
    Objects.requireNonNull(event, "event == null");
    return EVENTS.getOrDefault(event.trim().toLowerCase(Locale.ROOT), UNKNOWN);
  }

  /**
   * Maps a status value (render status endpoint, or an event's {@code data.status}), ignoring case.
   *
   * @param status the value
   * @return its row; {@link JobStatus#UNKNOWN} for a value not in the table
   * @throws NullPointerException if status is null
   */
  public static Mapping ofStatus(String status) {
    Objects.requireNonNull(status, "status == null");
    return STATUSES.getOrDefault(status.trim().toLowerCase(Locale.ROOT), UNKNOWN);
  }

  /**
   * @param event an event name
   * @return whether the table knows it
   */
  public static boolean isKnownEvent(String event) {
    return event != null && EVENTS.containsKey(event.trim().toLowerCase(Locale.ROOT));
  }
}
