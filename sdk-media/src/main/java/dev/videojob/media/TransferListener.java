package dev.videojob.media;

import dev.videojob.core.RetryEvent;

/**
 * Hears about a transfer's progress and retries. Extend it and override what you need; new events
 * will be added as methods that do nothing by default.
 *
 * <p>Methods run on the I/O thread doing the transfer: they must return quickly and must not block
 * (hand the event to your own executor for anything slow). An exception thrown here is logged and
 * ignored. Progress is reported at most once per {@link MediaTransfer.Builder#progressInterval}
 * bytes, plus once at the end.
 */
public abstract class TransferListener {
  /** A listener that ignores everything. */
  public static final TransferListener NONE = new TransferListener() {};

  /** Creates a listener. */
  protected TransferListener() {}

  /**
   * Called as bytes move.
   *
   * @param progress how far the transfer has got
   */
  public void onProgress(TransferProgress progress) {}

  /**
   * Called when an attempt failed and another is scheduled (a download resumes where it broke off).
   *
   * @param event the attempt, the wait and the reason (never a signed URL)
   */
  public void onRetry(RetryEvent event) {}
}
