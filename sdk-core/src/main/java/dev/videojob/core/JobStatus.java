package dev.videojob.core;

/**
 * The provider-neutral state of a video job.
 *
 * <p>Every adapter maps its provider's own status values onto these; the raw value is always
 * kept on the job ({@link VideoJob#rawStatus()}). A value the adapter does not recognise maps
 * to {@link #UNKNOWN}, which is not terminal: waiting goes on until its deadline.
 */
public enum JobStatus {
  /** Accepted by the provider and waiting for capacity. */
  QUEUED,
  /** Being worked on (scripting, rendering, encoding, uploading ...). */
  RUNNING,
  /** Finished with outputs. */
  SUCCEEDED,
  /** Finished without outputs; {@link VideoJob#error()} says why. */
  FAILED,
  /** Canceled by the caller or the provider. */
  CANCELED,
  /** The provider gave up on the job, or its outputs are gone. */
  EXPIRED,
  /** A status this SDK does not recognise; treated as still in progress. */
  UNKNOWN;

  /**
   * Whether a job in this status will not change again.
   *
   * @return true for {@link #SUCCEEDED}, {@link #FAILED}, {@link #CANCELED} and {@link #EXPIRED}
   */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELED || this == EXPIRED;
  }

  /**
   * Whether this is a terminal status other than {@link #SUCCEEDED}.
   *
   * @return true for {@link #FAILED}, {@link #CANCELED} and {@link #EXPIRED}
   */
  public boolean isFailure() {
    return isTerminal() && this != SUCCEEDED;
  }
}
