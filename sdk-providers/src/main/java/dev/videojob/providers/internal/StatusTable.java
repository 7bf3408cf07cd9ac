package dev.videojob.providers.internal;

import dev.videojob.core.JobStatus;
import dev.videojob.providers.StatusMapping;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A provider's values (statuses, phases, steps or events) mapped onto {@link StatusMapping} rows: the one
 * table type every adapter's {@code <Provider>Statuses} is built from. A value not in the table maps to
 * {@link StatusMapping#UNKNOWN} (not terminal: waiting goes on). Immutable once built.
 */
public final class StatusTable {
  private final Map<String, StatusMapping> rows;
  private final boolean ignoreCase;

  private StatusTable(Map<String, StatusMapping> rows, boolean ignoreCase) {
    this.rows = Map.copyOf(rows);
    this.ignoreCase = ignoreCase;
  }

  /** @return a table builder whose lookups trim the value and ignore its case */
  public static Builder ignoringCase() {
    return new Builder(true);
  }

  /** @return a table builder whose lookups take the value exactly as written ({@code "Completed"} is not {@code "completed"}) */
  public static Builder exactCase() {
    return new Builder(false);
  }

  /**
   * @param raw the value as the provider wrote it, or null
   * @return its row; {@link StatusMapping#UNKNOWN} for null or a value not in the table
   */
  public StatusMapping of(String raw) {
    return raw == null ? StatusMapping.UNKNOWN : rows.getOrDefault(key(raw), StatusMapping.UNKNOWN);
  }

  /** @param raw a value, or null @return whether the table has a row for it */
  public boolean knows(String raw) {
    return raw != null && rows.containsKey(key(raw));
  }

  private String key(String raw) {
    return ignoreCase ? raw.trim().toLowerCase(Locale.ROOT) : raw;
  }

  /** Builds a {@link StatusTable}; not thread-safe. */
  public static final class Builder {
    private final Map<String, StatusMapping> rows = new HashMap<>();
    private final boolean ignoreCase;

    private Builder(boolean ignoreCase) {
      this.ignoreCase = ignoreCase;
    }

    /**
     * @param raw the value (lower case in a table that ignores case)
     * @param row what it means
     * @return this
     */
    public Builder row(String raw, StatusMapping row) {
      rows.put(raw, row);
      return this;
    }

    /**
     * @param raw the value (lower case in a table that ignores case)
     * @param status its status
     * @param phase its phase, or null
     * @param progress its progress from 0.0 to 1.0, or null
     * @return this
     */
    public Builder row(String raw, JobStatus status, String phase, Double progress) {
      return row(raw, new StatusMapping(status, phase, progress));
    }

    /**
     * A value that says only the status: no phase, no progress.
     *
     * @param raw the value (lower case in a table that ignores case)
     * @param status its status
     * @return this
     */
    public Builder row(String raw, JobStatus status) {
      return row(raw, status, null, null);
    }

    /**
     * A value whose phase is itself.
     *
     * @param raw the value (lower case in a table that ignores case)
     * @param status its status
     * @param progress its progress from 0.0 to 1.0, or null
     * @return this
     */
    public Builder row(String raw, JobStatus status, Double progress) {
      return row(raw, status, raw, progress);
    }

    /** @return the table */
    public StatusTable build() {
      return new StatusTable(rows, ignoreCase);
    }
  }
}
