package dev.videojob.providers.vidbuilder;

import dev.videojob.core.JobStatus;
import java.util.Map;

/**
 * The one table mapping VidBuilder's status values (of {@code GET /api/job-status/:jobId}, of the
 * answers and of the webhooks) onto the SDK's {@link JobStatus}. A value not listed maps to
 * {@link JobStatus#UNKNOWN} (waiting goes on) and is kept raw on the job.
 */
final class VidBuilderStatusTable {
  private VidBuilderStatusTable() {}

  private static final Map<String, JobStatus> STATUSES = Map.of(
      "queued", JobStatus.QUEUED,
      "started", JobStatus.RUNNING,
      "processing", JobStatus.RUNNING,
      "completed", JobStatus.SUCCEEDED,
      "failed", JobStatus.FAILED);

  /** @param raw a status value, or null @return its status; UNKNOWN for anything not listed */
  static JobStatus status(String raw) {
    return raw == null ? JobStatus.UNKNOWN : STATUSES.getOrDefault(raw, JobStatus.UNKNOWN);
  }

  /** @param raw a webhook status value @return whether the document lists it as a webhook ({@code started, completed, failed}) */
  static boolean isWebhookStatus(String raw) {
    return "started".equals(raw) || "completed".equals(raw) || "failed".equals(raw);
  }
}
