package dev.videojob.providers.creativeai;

import dev.videojob.core.JobStatus;
import dev.videojob.providers.StatusMapping;
import dev.videojob.providers.internal.StatusTable;
import java.util.Objects;

/**
 * CreativeAI's status values mapped onto {@link JobStatus}, with the phase and a coarse progress.
 *
 * <p>The document names {@code pending} (the 202 answer), {@code completed} and {@code failed}, and the
 * phase labels Queued, Preparing, Rendering, Encoding and Finishing; progress is the phase's place in
 * that chain, since the document gives no percentage. A value not in this table maps to
 * {@link JobStatus#UNKNOWN} (not terminal: waiting goes on), keeping the raw value.
 */
public final class CreativeAiStatuses {
  private static final StatusTable TABLE = StatusTable.ignoringCase()
      .row("pending", JobStatus.QUEUED, "queued", 0.0)
      .row("queued", JobStatus.QUEUED, 0.0)
      .row("preparing", JobStatus.RUNNING, 0.1)
      .row("processing", JobStatus.RUNNING, null)
      .row("rendering", JobStatus.RUNNING, 0.3)
      .row("encoding", JobStatus.RUNNING, 0.8)
      .row("finishing", JobStatus.RUNNING, 0.9)
      .row("completed", JobStatus.SUCCEEDED, 1.0)
      .row("failed", JobStatus.FAILED, null)
      .build();

  private CreativeAiStatuses() {}

  /**
   * Maps a status or phase label, ignoring case.
   *
   * @param raw the value as CreativeAI wrote it
   * @return its row; {@link StatusMapping#UNKNOWN} for a value not in the table
   * @throws NullPointerException if raw is null
   */
  public static StatusMapping of(String raw) {
    return TABLE.of(Objects.requireNonNull(raw, "raw == null"));
  }
}
