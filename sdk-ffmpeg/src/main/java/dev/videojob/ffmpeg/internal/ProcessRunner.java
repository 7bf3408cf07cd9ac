package dev.videojob.ffmpeg.internal;

import dev.videojob.ffmpeg.Progress;
import dev.videojob.ffmpeg.ProgressListener;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one ffmpeg or ffprobe process from an argument list (never a shell): drains stdout and
 * stderr on their own threads, parses {@code -progress} output, enforces a wall-clock and a stall
 * timeout, and stops the process on cancel by escalating {@code q} on stdin, then destroy, then
 * destroy forcibly (descendants included). A JVM shutdown hook kills the process if the JVM exits
 * while it runs. A run stalls when for the stall timeout none of these happens: a progress report
 * that moved (frame, time or size changed), a stderr line, captured (non-progress) stdout, or growth of
 * the output files being written (checked only once the silence reaches the stall timeout, so a
 * working encode whose reports are held back is not called stalled).
 */
public final class ProcessRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
  private static final long POLL_MILLIS = 100;

  /** Why a run was stopped by us rather than exiting by itself. */
  public enum Stop {
    /** It exited by itself. */
    NONE,
    /** {@link Run#cancel()} was called. */
    CANCELLED,
    /** The wall-clock timeout passed. */
    TIMEOUT,
    /** Neither stdout, stderr nor the watched outputs showed any activity for the stall timeout. */
    STALLED
  }

  /**
   * How to run.
   *
   * @param timeout the wall-clock limit
   * @param stallTimeout the limit on silence (no output on either pipe, no growth of a watched output)
   * @param cancelGrace how long each escalation step waits for the process to exit
   * @param parseProgress whether stdout carries {@code -progress} output (else it is captured)
   * @param stdoutLimit the most stdout bytes kept when captured
   * @param watchedOutputs files, or directories whose files, the process writes; their growth is activity
   */
  public record Options(Duration timeout, Duration stallTimeout, Duration cancelGrace, boolean parseProgress,
      int stdoutLimit, List<Path> watchedOutputs) {
    /** Checks the values. */
    public Options {
      Objects.requireNonNull(timeout, "timeout == null");
      Objects.requireNonNull(stallTimeout, "stallTimeout == null");
      Objects.requireNonNull(cancelGrace, "cancelGrace == null");
      watchedOutputs = List.copyOf(Objects.requireNonNull(watchedOutputs, "watchedOutputs == null"));
    }

    /**
     * Options that watch no output files.
     *
     * @param timeout the wall-clock limit
     * @param stallTimeout the limit on silence (no output on either pipe)
     * @param cancelGrace how long each escalation step waits for the process to exit
     * @param parseProgress whether stdout carries {@code -progress} output (else it is captured)
     * @param stdoutLimit the most stdout bytes kept when captured
     */
    public Options(Duration timeout, Duration stallTimeout, Duration cancelGrace, boolean parseProgress,
        int stdoutLimit) {
      this(timeout, stallTimeout, cancelGrace, parseProgress, stdoutLimit, List.of());
    }
  }

  /**
   * How a run ended.
   *
   * @param exitCode the exit code, or -1 when we killed it
   * @param stdout captured stdout (empty when progress was parsed)
   * @param stderrTail the last lines of stderr
   * @param stop why we stopped it, or {@link Stop#NONE}
   */
  public record Outcome(int exitCode, String stdout, String stderrTail, Stop stop) {}

  private ProcessRunner() {}

  /**
   * Starts the process.
   *
   * @param command executable first, then arguments
   * @param options limits
   * @param inputDuration the input's duration for progress fractions, or zero
   * @param listener receives progress on a dispatch thread; may be {@link ProgressListener#NONE}
   * @return the running process
   * @throws IOException when the process cannot be started
   */
  public static Run start(List<String> command, Options options, Duration inputDuration, ProgressListener listener)
      throws IOException {
    Process process = new ProcessBuilder(command).start();
    Run run = new Run(List.copyOf(command), process, options, inputDuration, listener);
    run.begin();
    return run;
  }

  /** A started process. */
  public static final class Run {
    private final List<String> command;
    private final Process process;
    private final Options options;
    private final Duration inputDuration;
    private final ProgressListener listener;
    private final StderrTail tail = new StderrTail(40, 600);
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final ExecutorService dispatch;
    private final Thread shutdownHook;
    private boolean listenerFailed; // only touched on the single dispatch thread
    private long outputBytes; // only touched on the supervisor thread
    private Thread stdoutReader;
    private Thread stderrReader;

    private Run(List<String> command, Process process, Options options, Duration inputDuration,
        ProgressListener listener) {
      this.command = command;
      this.process = process;
      this.options = options;
      this.inputDuration = inputDuration;
      this.listener = listener == null ? ProgressListener.NONE : listener;
      this.dispatch = options.parseProgress() ? Executors.newSingleThreadExecutor(
          r -> daemon(r, "videojob-ffmpeg-progress-" + process.pid())) : null;
      this.shutdownHook = new Thread(this::killNow, "videojob-ffmpeg-shutdown-" + process.pid());
    }

    private void begin() {
      try {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        killNow();
      }
      String pid = String.valueOf(process.pid());
      stdoutReader = daemon(this::readStdout, "videojob-ffmpeg-stdout-" + pid);
      stderrReader = daemon(this::readStderr, "videojob-ffmpeg-stderr-" + pid);
      stdoutReader.start();
      stderrReader.start();
      daemon(this::supervise, "videojob-ffmpeg-supervisor-" + pid).start();
    }

    /** @return the operating system's process id */
    public long pid() {
      return process.pid();
    }

    /** @return the command being run */
    public List<String> command() {
      return command;
    }

    /** Asks the process to stop; returns at once. The outcome then reports {@link Stop#CANCELLED}. */
    public void cancel() {
      cancelRequested.set(true);
    }

    /** @return completes when the process has exited and both pipes are drained */
    public CompletableFuture<Outcome> outcome() {
      return outcome;
    }

    private void readStdout() {
      try (InputStream in = process.getInputStream()) {
        if (options.parseProgress()) {
          ProgressParser parser = new ProgressParser(inputDuration);
          BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
          String line;
          String previous = "";
          while ((line = r.readLine()) != null) {
            Progress p = parser.feed(line);
            if (p == null) continue;
            // ffmpeg repeats its report while stuck; only a report that moved counts as activity
            String position = p.frame() + "/" + p.outTime() + "/" + p.totalSizeBytes() + "/" + p.finished();
            if (!position.equals(previous)) lastActivity.set(System.nanoTime());
            previous = position;
            try {
              dispatch.execute(() -> deliver(p));
            } catch (RejectedExecutionException late) {
              LOG.debug("progress after the run was closed; dropped");
            }
          }
        } else {
          byte[] buf = new byte[8192];
          int n;
          while ((n = in.read(buf)) >= 0) {
            lastActivity.set(System.nanoTime());
            int room = options.stdoutLimit() - captured.size();
            if (room > 0) captured.write(buf, 0, Math.min(room, n));
          }
        }
      } catch (IOException e) {
        LOG.debug("stdout of pid {} closed: {}", process.pid(), e.toString());
      }
    }

    private void deliver(Progress p) {
      try {
        listener.onProgress(p);
      } catch (RuntimeException e) {
        if (listenerFailed) {
          LOG.debug("progress listener threw again; ignoring", e);
        } else {
          listenerFailed = true;
          LOG.warn("progress listener threw; ignoring it (further failures of this run are logged at debug)", e);
        }
      }
    }

    private void readStderr() {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lastActivity.set(System.nanoTime());
          if (!line.isBlank()) tail.add(line);
        }
      } catch (IOException e) {
        LOG.debug("stderr of pid {} closed: {}", process.pid(), e.toString());
      }
    }

    private void supervise() {
      Stop stop = Stop.NONE;
      long started = System.nanoTime();
      try {
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          long now = System.nanoTime();
          if (cancelRequested.get()) {
            stop = Stop.CANCELLED;
          } else if (now - started > options.timeout().toNanos()) {
            stop = Stop.TIMEOUT;
          } else if (now - lastActivity.get() > options.stallTimeout().toNanos() && !outputsGrew(now)) {
            stop = Stop.STALLED;
          }
          if (stop != Stop.NONE) {
            LOG.info("stopping pid {} ({})", process.pid(), stop);
            terminate();
            break;
          }
        }
        if (stop == Stop.NONE && cancelRequested.get()) stop = Stop.CANCELLED;
        join(stdoutReader);
        join(stderrReader);
        if (dispatch != null) {
          dispatch.shutdown();
          dispatch.awaitTermination(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        killNow();
      } catch (RuntimeException e) {
        killNow();
        outcome.completeExceptionally(e);
        return;
      } finally {
        removeHook();
        closeQuietly(process.getOutputStream());
      }
      int exit = stop == Stop.NONE && !process.isAlive() ? process.exitValue() : -1;
      outcome.complete(new Outcome(exit, captured.toString(StandardCharsets.UTF_8), tail.text(), stop));
    }

    /**
     * Whether the watched outputs hold more bytes than at the last look; if so, that is activity. Called
     * only when the pipes have been silent for the stall timeout, so the file system is not polled often.
     */
    private boolean outputsGrew(long now) {
      if (options.watchedOutputs().isEmpty()) return false;
      long bytes = 0;
      for (Path p : options.watchedOutputs()) bytes += bytesIn(p);
      if (bytes <= outputBytes) return false;
      outputBytes = bytes;
      lastActivity.set(now);
      return true;
    }

    private static long bytesIn(Path p) {
      try {
        if (Files.isDirectory(p)) {
          long sum = 0;
          try (DirectoryStream<Path> files = Files.newDirectoryStream(p)) {
            for (Path f : files) {
              if (Files.isRegularFile(f)) sum += Files.size(f);
            }
          }
          return sum;
        }
        return Files.isRegularFile(p) ? Files.size(p) : 0;
      } catch (IOException e) {
        return 0; // not written yet, or moved away: no growth to see
      }
    }

    /** q (ffmpeg's own clean stop), then SIGTERM, then SIGKILL, each for the process and its descendants. */
    private void terminate() throws InterruptedException {
      List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
      try {
        OutputStream stdin = process.getOutputStream();
        stdin.write("q\n".getBytes(StandardCharsets.US_ASCII));
        stdin.flush();
      } catch (IOException e) {
        LOG.debug("could not send q to pid {}: {}", process.pid(), e.toString());
      }
      long grace = options.cancelGrace().toMillis();
      if (!process.waitFor(grace, TimeUnit.MILLISECONDS)) {
        family.addAll(process.descendants().toList());
        family.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(grace, TimeUnit.MILLISECONDS)) {
          killNow(family);
          process.waitFor(10, TimeUnit.SECONDS);
        }
      }
      family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void killNow() {
      killNow(new ArrayList<>(process.descendants().toList()));
    }

    private void killNow(List<ProcessHandle> family) {
      family.addAll(process.descendants().toList());
      family.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }

    private void removeHook() {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to: nothing to remove
      }
    }

    private static void join(Thread t) throws InterruptedException {
      t.join(5000);
    }

    private static void closeQuietly(OutputStream out) {
      try {
        out.close();
      } catch (IOException ignored) {
        // the process is gone; its stdin may already be broken
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
