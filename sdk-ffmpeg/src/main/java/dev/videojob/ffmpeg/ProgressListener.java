package dev.videojob.ffmpeg;

/**
 * Receives progress reports from a running transcode.
 *
 * <p>Called on a thread of the transcode's own (never the thread reading ffmpeg's output), one
 * report at a time and in order. It should return quickly; an exception it throws is logged and
 * does not affect the run.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores every report. */
  ProgressListener NONE = progress -> { };

  /**
   * Called for each report.
   *
   * @param progress the report
   */
  void onProgress(Progress progress);
}
