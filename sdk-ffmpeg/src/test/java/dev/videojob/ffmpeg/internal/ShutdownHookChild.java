package dev.videojob.ffmpeg.internal;

import dev.videojob.ffmpeg.ProgressListener;
import java.time.Duration;
import java.util.List;

/** Run in a separate JVM by {@link ProcessRunnerTest}: starts an endless ffmpeg, prints its pid, exits. */
public final class ShutdownHookChild {
  private ShutdownHookChild() {}

  /** @param args the ffmpeg executable */
  public static void main(String[] args) throws Exception {
    // Quiet and deaf (no progress, no log, no stdin): closed pipes alone would never stop this ffmpeg.
    ProcessRunner.Run run = ProcessRunner.start(List.of(args[0], "-hide_banner", "-nostats", "-loglevel", "quiet",
        "-nostdin", "-re", "-f", "lavfi", "-i", "testsrc2=size=64x36:rate=10", "-f", "null", "-"),
        new ProcessRunner.Options(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1), true, 0),
        Duration.ZERO, ProgressListener.NONE);
    System.out.println(run.pid());
    System.out.flush();
    System.exit(0);
  }
}
