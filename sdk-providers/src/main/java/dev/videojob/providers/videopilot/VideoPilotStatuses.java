package dev.videojob.providers.videopilot;

import dev.videojob.core.JobStatus;
import dev.videojob.providers.StatusMapping;
import dev.videojob.providers.internal.StatusTable;
import java.util.Objects;

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

  private static final StatusMapping FAILED = new StatusMapping(JobStatus.FAILED, "failed", null);
  private static final StatusMapping COMPLETED = new StatusMapping(JobStatus.SUCCEEDED, "completed", 1.0);
  private static final StatusMapping RENDERING = new StatusMapping(JobStatus.RUNNING, "rendering", 0.75);
  private static final StatusMapping SCRIPT = new StatusMapping(JobStatus.RUNNING, "script_ready", 0.25);
  private static final StatusMapping MEDIA = new StatusMapping(JobStatus.RUNNING, "media_ready", 0.5);

  private static final StatusTable EVENTS = StatusTable.ignoringCase()
      .row(SCRIPT_READY, SCRIPT)
      .row(MEDIA_READY, MEDIA)
      .row(GENERATION_FAILED, FAILED)
      .row(RENDER_STARTED, RENDERING)
      .row(RENDER_COMPLETED, COMPLETED)
      .row(RENDER_FAILED, FAILED)
      .build();

  private static final StatusTable STATUSES = StatusTable.ignoringCase()
      .row("pending", JobStatus.QUEUED, "queued", 0.0)
      .row("script_ready", SCRIPT)
      .row("media_ready", MEDIA)
      .row("processing", RENDERING)
      .row("completed", COMPLETED)
      .row("failed", FAILED)
      .build();

  private VideoPilotStatuses() {}

  /**
   * Maps a webhook event name, ignoring case.
   *
   * @param event the {@code event} field
   * @return its row; {@link StatusMapping#UNKNOWN} for an event not in the table
   * @throws NullPointerException if event is null
   */
  public static StatusMapping ofEvent(String event) {
    return EVENTS.of(Objects.requireNonNull(event, "event == null"));
  }

  /**
   * Maps a status value (render status endpoint, or an event's {@code data.status}), ignoring case.
   *
   * @param status the value
   * @return its row; {@link StatusMapping#UNKNOWN} for a value not in the table
   * @throws NullPointerException if status is null
   */
  public static StatusMapping ofStatus(String status) {
    return STATUSES.of(Objects.requireNonNull(status, "status == null"));
  }

  /**
   * @param event an event name
   * @return whether the table knows it
   */
  public static boolean isKnownEvent(String event) {
    return EVENTS.knows(event);
  }
}
