package dev.videojob.providers.creativeai;

import dev.videojob.core.JobStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * CreativeAI's status values mapped onto {@link JobStatus}, with the phase and a coarse progress.
 *
 * <p>The document names {@code pending} (the 202 answer), {@code completed} and {@code failed}, and the
 * phase labels Queued, Preparing, Rendering, Encoding and Finishing; progress is the phase's place in
 * that chain, since the document gives no percentage. A value not in this table maps to
 * {@link JobStatus#UNKNOWN} (not terminal: waiting goes on), keeping the raw value.
 */
public final class CreativeAiStatuses {

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

  private static final Mapping UNKNOWN = new Mapping(JobStatus.UNKNOWN, null, null);

  private static final Map<String, Mapping> TABLE = Map.ofEntries(
      Map.entry("pending", new Mapping(JobStatus.QUEUED, "queued", 0.0)),
      Map.entry("queued", new Mapping(JobStatus.QUEUED, "queued", 0.0)),
      Map.entry("preparing", new Mapping(JobStatus.RUNNING, "preparing", 0.1)),
      Map.entry("processing", new Mapping(JobStatus.RUNNING, "processing", null)),
      Map.entry("rendering", new Mapping(JobStatus.RUNNING, "rendering", 0.3)),
      Map.entry("encoding", new Mapping(JobStatus.RUNNING, "encoding", 0.8)),
      Map.entry("finishing", new Mapping(JobStatus.RUNNING, "finishing", 0.9)),
      Map.entry("completed", new Mapping(JobStatus.SUCCEEDED, "completed", 1.0)),
      Map.entry("failed", new Mapping(JobStatus.FAILED, "failed", null)));

  private CreativeAiStatuses() {}

  /**
   * Maps a status or phase label, ignoring case.
   *
   * @param raw the value as CreativeAI wrote it
   * @return its row; {@link JobStatus#UNKNOWN} with no phase for a value not in the table
   * @throws NullPointerException if raw is null
   */
  public static Mapping of(String raw) {
    Objects.requireNonNull(raw, "raw == null");
    return TABLE.getOrDefault(raw.trim().toLowerCase(Locale.ROOT), UNKNOWN);
  }
}
