package dev.videojob.providers.videopilot;

import java.util.Objects;
import java.util.Optional;

/**
 * The id of one logical VideoPilot job: the video id, and once rendering was queued the render job
 * id, written {@code <videoId>~<renderJobId>}. It lets {@code status} poll the render job without
 * the SDK keeping any state; a bare video id (as in {@code video.*} webhook snapshots) names the
 * video before rendering.
 *
 * @param videoId the video id; required
 * @param renderJobId the render job id, or null before rendering was queued
 */
public record VideoPilotJobId(String videoId, String renderJobId) {
  /** Separates the two ids; VideoPilot's ids (Mongo-style hex, {@code video_123abc}) never contain it. */
  public static final char SEPARATOR = '~';

  /**
   * Creates an id.
   *
   * @param videoId the video id; required
   * @param renderJobId the render job id, or null before rendering was queued
   * @throws NullPointerException if videoId is null
   * @throws IllegalArgumentException if an id is blank or contains {@value #SEPARATOR}
   */
  public VideoPilotJobId {
    Objects.requireNonNull(videoId, "videoId == null");
    check(videoId, "videoId");
    if (renderJobId != null) check(renderJobId, "renderJobId");
  }

  private static void check(String id, String name) {
    if (id.isBlank() || id.indexOf(SEPARATOR) >= 0) {
      throw new IllegalArgumentException(name + " must be non-blank without '" + SEPARATOR + "': " + id);
    }
  }

  /**
   * Reads a job id written by {@link #value()}.
   *
   * @param jobId {@code <videoId>~<renderJobId>} or a bare video id
   * @return the id
   * @throws IllegalArgumentException if a part is blank
   */
  public static VideoPilotJobId parse(String jobId) {
    Objects.requireNonNull(jobId, "jobId == null");
    int i = jobId.indexOf(SEPARATOR);
    return i < 0 ? new VideoPilotJobId(jobId, null) : new VideoPilotJobId(jobId.substring(0, i), jobId.substring(i + 1));
  }

  /** @return the render job id, if rendering was queued */
  public Optional<String> renderJob() {
    return Optional.ofNullable(renderJobId);
  }

  /** @return the job id as {@code VideoJob.id()} carries it */
  public String value() {
    return renderJobId == null ? videoId : videoId + SEPARATOR + renderJobId;
  }

  @Override
  public String toString() {
    return value();
  }
}
