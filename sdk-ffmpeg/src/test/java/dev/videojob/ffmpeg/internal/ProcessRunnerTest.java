package dev.videojob.ffmpeg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.testing.RequiredServices;
import dev.videojob.ffmpeg.Ffmpeg;
import dev.videojob.ffmpeg.Progress;
import dev.videojob.ffmpeg.ProgressListener;
import dev.videojob.ffmpeg.TranscodeException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process machinery on real processes. */
class ProcessRunnerTest {
  static String ffmpeg;

  @BeforeAll
  static void locate() {
    try {
      ffmpeg = Ffmpeg.locate().ffmpegPath().toString();
    } catch (TranscodeException e) {
      ffmpeg = null;
    }
  }

  @BeforeEach
  void requireFfmpeg() {
    boolean ffmpegFound = ffmpeg != null;
    RequiredServices.assume(ffmpegFound, "ffmpeg not found on PATH or FFMPEG_PATH; install it (apt-get install ffmpeg)");
  }

  private static ProcessRunner.Options options(Duration timeout, Duration stall) {
    return new ProcessRunner.Options(timeout, stall, Duration.ofMillis(300), true, 0);
  }

  /** Reads raw video from stdin, which nobody writes: ffmpeg waits forever and reports nothing. */
  private static List<String> waitingOnStdin() {
    return List.of(ffmpeg, "-hide_banner", "-nostats", "-progress", "pipe:1", "-f", "rawvideo", "-pix_fmt", "gray",
        "-s", "16x16", "-i", "pipe:0", "-f", "null", "-");
  }

  /** An endless, real-time-paced source: reports progress for ever. */
  private static List<String> endless() {
    return List.of(ffmpeg, "-hide_banner", "-nostats", "-progress", "pipe:1", "-re", "-f", "lavfi", "-i",
        "testsrc2=size=64x36:rate=10", "-f", "null", "-");
  }

  @Test
  void stallTimeoutStopsAProcessThatReportsNothing() throws Exception {
    ProcessRunner.Run run = ProcessRunner.start(waitingOnStdin(), options(Duration.ofMinutes(5), Duration.ofSeconds(1)),
        Duration.ZERO, ProgressListener.NONE);

    ProcessRunner.Outcome o = run.outcome().get(60, TimeUnit.SECONDS);

    assertThat(o.stop()).isEqualTo(ProcessRunner.Stop.STALLED);
    assertThat(ProcessHandle.of(run.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void aSilentProcessWhoseOutputFileGrowsIsNotStalled(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("growing.part");
    // writes nothing to stdout or stderr for 2.5 s, but appends to its output every 0.1 s
    ProcessRunner.Run run = ProcessRunner.start(List.of("/bin/sh", "-c",
        "i=0; while [ $i -lt 25 ]; do echo x >> \"$1\"; sleep 0.1; i=$((i+1)); done", "sh", out.toString()),
        new ProcessRunner.Options(Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMillis(300), true, 0,
            List.of(out)), Duration.ZERO, ProgressListener.NONE);

    ProcessRunner.Outcome o = run.outcome().get(60, TimeUnit.SECONDS);

    assertThat(o.stop()).isEqualTo(ProcessRunner.Stop.NONE);
    assertThat(o.exitCode()).isZero();
  }

  @Test
  void aSilentProcessWhoseWatchedOutputDoesNotGrowIsStalled(@TempDir Path dir) throws Exception {
    Path out = Files.writeString(dir.resolve("still.part"), "header");
    ProcessRunner.Run run = ProcessRunner.start(waitingOnStdin(), new ProcessRunner.Options(Duration.ofMinutes(5),
        Duration.ofSeconds(1), Duration.ofMillis(300), true, 0, List.of(out, dir)), Duration.ZERO,
        ProgressListener.NONE);

    ProcessRunner.Outcome o = run.outcome().get(60, TimeUnit.SECONDS);

    assertThat(o.stop()).isEqualTo(ProcessRunner.Stop.STALLED);
  }

  @Test
  void wallClockTimeoutStopsAProcessThatKeepsReporting() throws Exception {
    List<Progress> seen = new CopyOnWriteArrayList<>();
    ProcessRunner.Run run = ProcessRunner.start(endless(), options(Duration.ofSeconds(2), Duration.ofMinutes(1)),
        Duration.ZERO, seen::add);

    ProcessRunner.Outcome o = run.outcome().get(60, TimeUnit.SECONDS);

    assertThat(o.stop()).isEqualTo(ProcessRunner.Stop.TIMEOUT);
    assertThat(seen).isNotEmpty();
    assertThat(o.exitCode()).isEqualTo(-1);
  }

  @Test
  void cancelQuitsFfmpegWithQ() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    ProcessRunner.Run run = ProcessRunner.start(endless(), options(Duration.ofMinutes(5), Duration.ofMinutes(1)),
        Duration.ZERO, p -> started.countDown());
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    run.cancel();
    ProcessRunner.Outcome o = run.outcome().get(60, TimeUnit.SECONDS);

    assertThat(o.stop()).isEqualTo(ProcessRunner.Stop.CANCELLED);
    assertThat(ProcessHandle.of(run.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void cancelEscalatesToKillingAProcessThatIgnoresQAndItsChildren() throws Exception {
    // sh ignores q and SIGTERM (trap); its child sleep must die with it.
    ProcessRunner.Run run = ProcessRunner.start(List.of("/bin/sh", "-c", "trap '' TERM; sleep 300 & wait"),
        options(Duration.ofMinutes(5), Duration.ofMinutes(1)), Duration.ZERO, ProgressListener.NONE);
    ProcessHandle shell = ProcessHandle.of(run.pid()).orElseThrow();
    List<ProcessHandle> children = awaitChildren(shell);

    run.cancel();
    ProcessRunner.Outcome o = run.outcome().get(60, TimeUnit.SECONDS);

    assertThat(o.stop()).isEqualTo(ProcessRunner.Stop.CANCELLED);
    assertThat(shell.isAlive()).isFalse();
    for (ProcessHandle child : children) {
      child.onExit().get(10, TimeUnit.SECONDS);
      assertThat(child.isAlive()).as("child " + child.pid()).isFalse();
    }
  }

  @Test
  void capturedStdoutAndStderrTailAreReturned() throws Exception {
    ProcessRunner.Run run = ProcessRunner.start(List.of(ffmpeg, "-hide_banner", "-v", "error", "-i", "/no/such/file.mp4"),
        new ProcessRunner.Options(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMillis(300), false, 1024),
        Duration.ZERO, ProgressListener.NONE);

    ProcessRunner.Outcome o = run.outcome().get(60, TimeUnit.SECONDS);

    assertThat(o.exitCode()).isNotZero();
    assertThat(o.stderrTail()).contains("/no/such/file.mp4");
    assertThat(o.stop()).isEqualTo(ProcessRunner.Stop.NONE);
  }

  @Test
  void ffmpegDiesWhenTheJvmThatStartedItExits() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ShutdownHookChild.class.getName(), ffmpeg).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String pidLine;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      pidLine = out.readLine();
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM exited").isTrue();
    assertThat(pidLine).as("pid printed by the child JVM").isNotBlank();

    ProcessHandle.of(Long.parseLong(pidLine.trim())).ifPresent(ffmpegProcess -> {
      try {
        ffmpegProcess.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("ffmpeg " + pidLine + " outlived the JVM that started it", e);
      }
    });
  }

  private static List<ProcessHandle> awaitChildren(ProcessHandle parent) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      List<ProcessHandle> kids = parent.descendants().toList();
      if (!kids.isEmpty()) return kids;
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new AssertionError("the shell started no child");
  }
}
