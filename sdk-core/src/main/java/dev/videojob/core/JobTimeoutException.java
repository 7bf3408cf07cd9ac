package dev.videojob.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A wait reached its deadline before the job finished, or a call ran past its time budget. The
 * job itself may still finish: {@link #lastSnapshot()} is what was last seen of it.
 */
public class JobTimeoutException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  private final transient VideoJob lastSnapshot;
  /** How long the wait lasted. */
  private final Duration waited;

  /**
   * Creates the exception.
   *
   * @param message what timed out
   * @param context where it came from
   * @param lastSnapshot the last snapshot seen, or null
   * @param waited how long was waited
   */
  public JobTimeoutException(String message, ErrorContext context, VideoJob lastSnapshot, Duration waited) {
    super(message, context, null);
    this.lastSnapshot = lastSnapshot;
    this.waited = waited;
  }

  /** @return the last snapshot seen before the deadline, if any */
  public Optional<VideoJob> lastSnapshot() {
    return Optional.ofNullable(lastSnapshot);
  }

  /** @return how long was waited */
  public Duration waited() {
    return waited;
  }
}
