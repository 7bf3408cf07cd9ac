package dev.videojob.core;

import java.util.Objects;

/**
 * A job being waited for ended as {@link JobStatus#FAILED}, {@link JobStatus#CANCELED} or
 * {@link JobStatus#EXPIRED}. {@link #job()} is the final snapshot, with the provider's error.
 */
public class JobFailedException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  private final transient VideoJob job;

  /**
   * Creates the exception from a terminal snapshot.
   *
   * @param job the final snapshot
   */
  public JobFailedException(VideoJob job) {
    super(describe(job), context(job), null);
    this.job = job;
  }

  private static ErrorContext context(VideoJob job) {
    Objects.requireNonNull(job, "job == null");
    ErrorContext c = ErrorContext.of(job.provider());
    return job.error().map(e -> c.withProviderError(e.code(), null, null)).orElse(c);
  }

  private static String describe(VideoJob job) {
    StringBuilder b = new StringBuilder("job ").append(job.id()).append(" ended ").append(job.status())
        .append(" (").append(job.rawStatus()).append(')');
    job.error().ifPresent(e -> {
      b.append(": ").append(e.category()).append(": ").append(e.message());
      e.step().ifPresent(s -> b.append(" [failed step ").append(s).append(']'));
      b.append(e.retryable() ? "; submitting again may succeed" : "; submitting the same request again will not help");
    });
    return b.toString();
  }

  /** @return the final snapshot of the job */
  public VideoJob job() {
    return job;
  }
}
