package dev.videojob.providers.higgsfield;

import dev.videojob.core.JobStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Higgsfield-like status values mapped onto {@link JobStatus}, with phase and progress.
 *
 * <p>The guide names {@code queued} (the 202 answer) and the lifecycle queued → started → complete;
 * the platform's reference adds {@code in_progress}, {@code completed}, {@code failed}, {@code nsfw}
 * (a moderation refusal: FAILED, not a status of its own) and {@code canceled}. A value not in this
 * table maps to {@link JobStatus#UNKNOWN} (not terminal: waiting goes on), keeping the raw value.
 */
public final class HiggsfieldStatuses {

  /**
   * One row of the table.
   *
   * @param status the normalised status
   * @param phase the phase name, or null
   * @param progress progress from 0.0 to 1.0, or null when the value says nothing about it
   */
  public record Mapping(JobStatus status, String phase, Double progress) {
    /** @return the phase, if the value has one */
    public Optional<String> phaseName() {
      return Optional.ofNullable(phase);
    }

    /** @return the progress, if the value implies one */
    public OptionalDouble progressValue() {
      return progress == null ? OptionalDouble.empty() : OptionalDouble.of(progress);
    }
  }

  /** The raw status of a moderation refusal. */
  public static final String NSFW = "nsfw";

  private static final Mapping UNKNOWN = new Mapping(JobStatus.UNKNOWN, null, null);

  private static final Map<String, Mapping> TABLE = Map.ofEntries(
      Map.entry("queued", new Mapping(JobStatus.QUEUED, "queued", 0.0)),
      Map.entry("started", new Mapping(JobStatus.RUNNING, "started", null)),
      Map.entry("in_progress", new Mapping(JobStatus.RUNNING, "in_progress", null)),
      Map.entry("processing", new Mapping(JobStatus.RUNNING, "processing", null)),
      Map.entry("complete", new Mapping(JobStatus.SUCCEEDED, "complete", 1.0)),
      Map.entry("completed", new Mapping(JobStatus.SUCCEEDED, "completed", 1.0)),
      Map.entry("failed", new Mapping(JobStatus.FAILED, "failed", null)),
      Map.entry(NSFW, new Mapping(JobStatus.FAILED, NSFW, null)),
      Map.entry("canceled", new Mapping(JobStatus.CANCELED, "canceled", null)),
      Map.entry("cancelled", new Mapping(JobStatus.CANCELED, "canceled", null)));

  private HiggsfieldStatuses() {}

  /**
   * Maps a status, ignoring case.
   *
   * @param raw the value as the provider wrote it
   * @return its row; {@link JobStatus#UNKNOWN} with no phase for a value not in the table
   * @throws NullPointerException if raw is null
   */
  public static Mapping of(String raw) {
    Objects.requireNonNull(raw, "raw == null");
    return TABLE.getOrDefault(raw.trim().toLowerCase(Locale.ROOT), UNKNOWN);
  }
}
