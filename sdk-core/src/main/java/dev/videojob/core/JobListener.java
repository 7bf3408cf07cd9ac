package dev.videojob.core;

/**
 * Observes what the client does with jobs: the seam for metrics, tracing and audit logs.
 *
 * <p>Every method is empty; override those you need, so a new event never breaks an implementer.
 * Methods are called on the thread that observed the event (an OkHttp dispatcher thread, a
 * scheduler thread, a webhook handler thread or the caller's thread): they must return quickly and
 * must not block. An exception thrown by a listener is logged and otherwise ignored.
 */
public abstract class JobListener {

  /** Creates a listener. */
  protected JobListener() {}

  /**
   * A job was created at a provider.
   *
   * @param job the snapshot returned by the submission
   */
  public void submitted(VideoJob job) {}

  /**
   * A submission failed for good (after retries and failover).
   *
   * @param request the request
   * @param error why
   */
  public void submitFailed(VideoRequest request, VideoJobException error) {}

  /**
   * A job's status, phase or progress changed between two snapshots seen by this client.
   *
   * @param previous the earlier snapshot
   * @param current the newer snapshot
   */
  public void statusChanged(VideoJob previous, VideoJob current) {}

  /**
   * An outbound call failed and will be retried.
   *
   * @param event the provider, operation, attempt and delay
   */
  public void retryScheduled(RetryEvent event) {}

  /**
   * A submission moved to another provider because the first refused it before creating a job.
   *
   * @param fromProvider the provider that refused
   * @param toProvider the provider tried next
   * @param cause why the first refused
   */
  public void failover(String fromProvider, String toProvider, VideoJobException cause) {}

  /**
   * A job being watched finished with outputs.
   *
   * @param job the final snapshot
   */
  public void completed(VideoJob job) {}

  /**
   * A job being watched ended failed, canceled or expired.
   *
   * @param job the final snapshot, with {@link VideoJob#error()}
   */
  public void failed(VideoJob job) {}
}
