package dev.videojob.providers.ssemble;

import dev.videojob.core.JobStatus;
import java.util.Map;
import java.util.Optional;

/**
 * The one table mapping ssemble's statuses, steps and webhook events onto the SDK's
 * {@link JobStatus}, phase and progress. A value not listed maps to {@link JobStatus#UNKNOWN}
 * (waiting goes on) and is kept raw on the job.
 */
final class SsembleStatusTable {
  private SsembleStatusTable() {}

  /** Statuses of {@code GET /shorts/:id/status} (providers' notes) and of the webhook's {@code status}. */
  private static final Map<String, JobStatus> STATUSES = Map.of(
      "queued", JobStatus.QUEUED,
      "processing", JobStatus.RUNNING,
      "completed", JobStatus.SUCCEEDED,
      "failed", JobStatus.FAILED,
      "cancelled", JobStatus.CANCELED,
      // ASSUMED: the American spelling, in case ssemble writes it.
      "canceled", JobStatus.CANCELED);

  /**
   * Steps in the order ssemble runs them, each with the progress it stands for when the answer
   * carries no numeric progress (the start of the step's share of the work).
   */
  private static final Map<String, Double> STEPS = Map.of(
      "fetching_video", 0.0,
      "transcribing_audio", 0.25,
      "finding_highlights", 0.5,
      "finalizing", 0.75);

  /** Webhook events (document): both are terminal. */
  private static final Map<String, JobStatus> EVENTS = Map.of(
      SsembleApi.EVENT_COMPLETED, JobStatus.SUCCEEDED,
      SsembleApi.EVENT_FAILED, JobStatus.FAILED);

  /** @param raw a status value, or null @return its status; UNKNOWN for anything not listed */
  static JobStatus status(String raw) {
    return raw == null ? JobStatus.UNKNOWN : STATUSES.getOrDefault(raw, JobStatus.UNKNOWN);
  }

  /** @param step a step value @return the progress the step stands for, empty for an unknown step */
  static Optional<Double> stepProgress(String step) {
    return step == null ? Optional.empty() : Optional.ofNullable(STEPS.get(step));
  }

  /** @param event a webhook event name @return its status, empty for an event the document does not list */
  static Optional<JobStatus> event(String event) {
    return event == null ? Optional.empty() : Optional.ofNullable(EVENTS.get(event));
  }
}
