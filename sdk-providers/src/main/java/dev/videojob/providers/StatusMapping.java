package dev.videojob.providers;

import dev.videojob.core.JobStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of an adapter's status table: what a provider's status, phase or event value means in the
 * SDK's terms. Every adapter's {@code <Provider>Statuses} class answers with this type.
 *
 * @param status the normalised status; never null
 * @param phase the phase name the value stands for, or null
 * @param progress progress from 0.0 to 1.0 the value implies, or null when it says nothing about it
 */
public record StatusMapping(JobStatus status, String phase, Double progress) {
  /** The row of a value a table does not know: {@link JobStatus#UNKNOWN} (not terminal), no phase, no progress. */
  public static final StatusMapping UNKNOWN = new StatusMapping(JobStatus.UNKNOWN, null, null);

  /**
   * Creates a row.
   *
   * @param status the normalised status; never null
   * @param phase the phase name the value stands for, or null
   * @param progress progress from 0.0 to 1.0 the value implies, or null when it says nothing about it
   * @throws NullPointerException if status is null
   */
  public StatusMapping {
    Objects.requireNonNull(status, "status == null");
  }

  /** @return the phase, if the value has one */
  public Optional<String> phaseName() {
    return Optional.ofNullable(phase);
  }

  /** @return the progress, if the value implies one */
  public OptionalDouble progressValue() {
    return progress == null ? OptionalDouble.empty() : OptionalDouble.of(progress);
  }
}
