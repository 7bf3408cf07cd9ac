package dev.videojob.providers.ssemble;

import dev.videojob.core.JobStatus;
import dev.videojob.providers.StatusMapping;
import dev.videojob.providers.internal.StatusTable;
import java.util.Optional;

/**
 * ssemble's statuses, steps and webhook events mapped onto the SDK's {@link JobStatus}, phase and
 * progress, in one place. Values are matched exactly as ssemble writes them ({@code "COMPLETED"} is not
 * {@code "completed"}); a value not listed maps to {@link JobStatus#UNKNOWN} (waiting goes on) and is kept
 * raw on the job.
 */
public final class SsembleStatuses {
  /** Statuses of {@code GET /shorts/:id/status} (providers' notes) and of the webhook's {@code status}. */
  private static final StatusTable STATUSES = StatusTable.exactCase()
      .row("queued", JobStatus.QUEUED)
      .row("processing", JobStatus.RUNNING)
      .row("completed", JobStatus.SUCCEEDED)
      .row("failed", JobStatus.FAILED)
      .row("cancelled", JobStatus.CANCELED)
      // ASSUMED: the American spelling, in case ssemble writes it.
      .row("canceled", JobStatus.CANCELED)
      .build();

  /**
   * Steps in the order ssemble runs them, each with the progress it stands for when the answer carries no
   * numeric progress (the start of the step's share of the work).
   */
  private static final StatusTable STEPS = StatusTable.exactCase()
      .row("fetching_video", JobStatus.RUNNING, 0.0)
      .row("transcribing_audio", JobStatus.RUNNING, 0.25)
      .row("finding_highlights", JobStatus.RUNNING, 0.5)
      .row("finalizing", JobStatus.RUNNING, 0.75)
      .build();

  /** Webhook events (document): both are terminal. */
  private static final StatusTable EVENTS = StatusTable.exactCase()
      .row(SsembleApi.EVENT_COMPLETED, JobStatus.SUCCEEDED)
      .row(SsembleApi.EVENT_FAILED, JobStatus.FAILED)
      .build();

  private SsembleStatuses() {}

  /**
   * @param raw a status value, or null
   * @return its row (a status only: the phase is the step); {@link StatusMapping#UNKNOWN} for anything not listed
   */
  public static StatusMapping of(String raw) {
    return STATUSES.of(raw);
  }

  /**
   * @param step a step value, or null
   * @return the progress the step stands for, empty for an unknown step
   */
  public static Optional<Double> stepProgress(String step) {
    return Optional.ofNullable(STEPS.of(step).progress());
  }

  /**
   * @param event a webhook event name, or null
   * @return its status, empty for an event the document does not list
   */
  public static Optional<JobStatus> event(String event) {
    return EVENTS.knows(event) ? Optional.of(EVENTS.of(event).status()) : Optional.empty();
  }
}
