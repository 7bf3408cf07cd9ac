package dev.videojob.providers.higgsfield;

import dev.videojob.core.JobStatus;
import dev.videojob.providers.StatusMapping;
import dev.videojob.providers.internal.StatusTable;
import java.util.Objects;

/**
 * Higgsfield-like status values mapped onto {@link JobStatus}, with phase and progress.
 *
 * <p>The guide names {@code queued} (the 202 answer) and the lifecycle queued → started → complete;
 * the platform's reference adds {@code in_progress}, {@code completed}, {@code failed}, {@code nsfw}
 * (a moderation refusal: FAILED, not a status of its own) and {@code canceled}. A value not in this
 * table maps to {@link JobStatus#UNKNOWN} (not terminal: waiting goes on), keeping the raw value.
 */
public final class HiggsfieldStatuses {
  /** The raw status of a moderation refusal. */
  public static final String NSFW = "nsfw";

  private static final StatusTable TABLE = StatusTable.ignoringCase()
      .row("queued", JobStatus.QUEUED, 0.0)
      .row("started", JobStatus.RUNNING, null)
      .row("in_progress", JobStatus.RUNNING, null)
      .row("processing", JobStatus.RUNNING, null)
      .row("complete", JobStatus.SUCCEEDED, 1.0)
      .row("completed", JobStatus.SUCCEEDED, 1.0)
      .row("failed", JobStatus.FAILED, null)
      .row(NSFW, JobStatus.FAILED, null)
      .row("canceled", JobStatus.CANCELED, null)
      .row("cancelled", JobStatus.CANCELED, "canceled", null)
      .build();

  private HiggsfieldStatuses() {}

  /**
   * Maps a status, ignoring case.
   *
   * @param raw the value as the provider wrote it
   * @return its row; {@link StatusMapping#UNKNOWN} for a value not in the table
   * @throws NullPointerException if raw is null
   */
  public static StatusMapping of(String raw) {
    return TABLE.of(Objects.requireNonNull(raw, "raw == null"));
  }
}
