package dev.videojob.providers.vidbuilder;

import dev.videojob.core.JobStatus;
import dev.videojob.providers.StatusMapping;
import dev.videojob.providers.internal.StatusTable;

/**
 * VidBuilder's status values (of {@code GET /api/job-status/:jobId}, of the answers and of the webhooks)
 * mapped onto the SDK's {@link JobStatus}, in one place. Values are matched exactly as VidBuilder writes
 * them ({@code "Completed"} is not {@code "completed"}); a value not listed maps to {@link JobStatus#UNKNOWN}
 * (waiting goes on) and is kept raw on the job, whose phase is the raw value.
 */
public final class VidBuilderStatuses {
  private static final StatusTable STATUSES = StatusTable.exactCase()
      .row("queued", JobStatus.QUEUED)
      .row("started", JobStatus.RUNNING)
      .row("processing", JobStatus.RUNNING)
      .row("completed", JobStatus.SUCCEEDED)
      .row("failed", JobStatus.FAILED)
      .build();

  /** The statuses the document sends by webhook. */
  private static final StatusTable WEBHOOK_STATUSES = StatusTable.exactCase()
      .row("started", JobStatus.RUNNING)
      .row("completed", JobStatus.SUCCEEDED)
      .row("failed", JobStatus.FAILED)
      .build();

  private VidBuilderStatuses() {}

  /**
   * @param raw a status value, or null
   * @return its row (a status only); {@link StatusMapping#UNKNOWN} for anything not listed
   */
  public static StatusMapping of(String raw) {
    return STATUSES.of(raw);
  }

  /**
   * @param raw a webhook status value, or null
   * @return whether the document lists it as a webhook ({@code started, completed, failed})
   */
  public static boolean isWebhookStatus(String raw) {
    return WEBHOOK_STATUSES.knows(raw);
  }
}
