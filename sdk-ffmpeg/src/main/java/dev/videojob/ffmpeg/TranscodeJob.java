package dev.videojob.ffmpeg;

import dev.videojob.ffmpeg.TranscodeException.Category;
import dev.videojob.ffmpeg.internal.CommandBuilder;
import dev.videojob.ffmpeg.internal.OutputFiles;
import dev.videojob.ffmpeg.internal.ProcessRunner;
import dev.videojob.media.internal.AtomicFiles;
import dev.videojob.media.internal.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transcode in progress, from {@link Ffmpeg#start(TranscodePlan, ProgressListener)}.
 *
 * <p>The job probes the input, checks the binary can make every output (failing before encoding
 * when it cannot), runs ffmpeg writing to temporary names, then probes and checksums each output and
 * moves it into place. A failed, timed-out or cancelled job leaves nothing at the requested paths.
 *
 * <p>Cancelling and moving the finished outputs into place exclude each other: once a cancel has
 * taken effect nothing is moved (the temporary outputs are deleted and the job reports
 * {@link Category#CANCELLED}), and once the move has begun a cancel has no effect ({@link #cancel()}
 * returns false and the job completes normally). Thread-safe.
 */
public final class TranscodeJob {
  private static final Logger LOG = LoggerFactory.getLogger(TranscodeJob.class);

  private final Ffmpeg ffmpeg;
  private final TranscodePlan plan;
  private final ProgressListener listener;
  private final Duration cancelGrace;
  private final CompletableFuture<TranscodeResult> done = new CompletableFuture<>();
  private final CompletableFuture<TranscodeResult> result = new ResultFuture();
  private final Object lock = new Object();
  private ProcessRunner.Run run; // guarded by lock
  private State state = State.RUNNING; // guarded by lock
  private volatile Runnable beforeMove = () -> { };
  private volatile Runnable afterMove = () -> { };

  TranscodeJob(Ffmpeg ffmpeg, TranscodePlan plan, ProgressListener listener, Duration cancelGrace) {
    this.ffmpeg = ffmpeg;
    this.plan = plan;
    this.listener = listener;
    this.cancelGrace = cancelGrace;
    done.whenComplete((r, e) -> {
      if (e == null) {
        result.complete(r);
      } else {
        result.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
      }
    });
  }

  /** Where the job stands; cancel and move race for the step out of RUNNING. */
  private enum State {
    /** Probing, encoding or checking outputs: a cancel still wins. */
    RUNNING,
    /** A cancel won: nothing will be moved into place. */
    CANCELLED,
    /** The outputs are being moved into place, or already are: too late to cancel. */
    MOVING,
    /** The job failed on its own. */
    FAILED
  }

  /**
   * A test seam: runs {@code beforeMove} once ffmpeg has exited and the outputs are checked, just
   * before they are moved into place, and {@code afterMove} just after. Call before {@link #begin()}.
   */
  void hooks(Runnable beforeMove, Runnable afterMove) {
    this.beforeMove = beforeMove;
    this.afterMove = afterMove;
  }

  void begin() {
    Thread t = new Thread(this::execute, "videojob-ffmpeg-job");
    t.setDaemon(true);
    t.start();
  }

  /** @return the plan being run */
  public TranscodePlan plan() {
    return plan;
  }

  /** @return the ffmpeg process id, empty until ffmpeg has started (the input is probed first) */
  public OptionalLong pid() {
    synchronized (lock) {
      return run == null ? OptionalLong.empty() : OptionalLong.of(run.pid());
    }
  }

  /**
   * Stops the job: ffmpeg is asked to quit ({@code q}), then terminated, then killed with any child
   * processes; partial and finished temporary outputs are deleted and nothing appears at the requested
   * paths. Returns at once; {@link #await()} then throws {@link Category#CANCELLED}.
   *
   * @return true when the job is cancelled (now or by an earlier call); false when it is too late: the
   *     outputs are already being moved into place (the job then completes normally) or the job failed
   */
  public boolean cancel() {
    synchronized (lock) {
      if (state == State.CANCELLED) return true;
      if (state != State.RUNNING) return false;
      state = State.CANCELLED;
      if (run != null) run.cancel();
      return true;
    }
  }

  /**
   * The outcome as a future. Cancelling it cancels the job as {@link #cancel()} does and, when that
   * takes effect, completes the future at once (cleanup follows on the job's thread); when it is too
   * late, {@code cancel} returns false and the future completes with the result.
   *
   * @return completes with the result, or exceptionally with a {@link TranscodeException}
   */
  public CompletableFuture<TranscodeResult> result() {
    return result;
  }

  /** @return whether the job has finished, cleanup included */
  public boolean isDone() {
    return done.isDone();
  }

  /**
   * Waits for the job to finish, cleanup included. Interrupting the waiting thread cancels the job;
   * when that is too late (the outputs are already being moved into place) it waits for the move and
   * returns the result, with the thread's interrupt flag set again.
   *
   * @return the result
   * @throws TranscodeException when the job failed, timed out or was cancelled
   * @throws IllegalArgumentException when a thumbnail lies past the end of the input
   */
  public TranscodeResult await() {
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (cancel()) {
        throw new TranscodeException(Category.CANCELLED, "interrupted while waiting; the transcode was cancelled",
            -1, List.of(), "", e);
      }
      try {
        return done.join();
      } catch (CompletionException failed) {
        throw rethrow(failed.getCause());
      }
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  private static RuntimeException rethrow(Throwable c) {
    if (c instanceof RuntimeException re) return re;
    return new TranscodeException(Category.FFMPEG_FAILED, "the transcode failed: " + c, -1, List.of(), "", c);
  }

  private void execute() {
    long started = System.nanoTime();
    List<CommandBuilder.Pending> outputs = List.of();
    try {
      Ffmpeg.checkOutputs(plan);
      MediaInfo input = ffmpeg.probe(plan.input());
      CommandBuilder.Compiled cmd = CommandBuilder.compile(ffmpeg.ffmpegPath(), plan, input, ffmpeg.capabilities());
      outputs = cmd.outputs();
      prepareTargets(outputs);
      ProcessRunner.Outcome outcome = runFfmpeg(cmd, input);
      List<OutputFile> files = finish(cmd, outputs, outcome);
      done.complete(new TranscodeResult(input, files, cmd.arguments(), Duration.ofNanos(System.nanoTime() - started)));
    } catch (RuntimeException e) {
      outputs.forEach(p -> OutputFiles.deleteQuietly(p.temp()));
      done.completeExceptionally(settle(e));
    } catch (Error e) {
      outputs.forEach(p -> OutputFiles.deleteQuietly(p.temp()));
      done.completeExceptionally(settle(e));
      throw e;
    }
  }

  /** A failure ends the job: reported as CANCELLED when a cancel had already won, so cancel() told the truth. */
  private Throwable settle(Throwable e) {
    synchronized (lock) {
      if (state == State.CANCELLED) {
        if (e instanceof TranscodeException te && te.category() == Category.CANCELLED) return te;
        return new TranscodeException(Category.CANCELLED, "the transcode was cancelled", -1, List.of(), "", e);
      }
      state = State.FAILED;
      return e;
    }
  }

  /** Takes the step out of RUNNING that a cancel would otherwise take; after this, cancel() has no effect. */
  private void claimMove(List<String> args, String stderrTail) {
    synchronized (lock) {
      if (state == State.CANCELLED) {
        throw new TranscodeException(Category.CANCELLED, "the transcode was cancelled after ffmpeg finished;"
            + " its outputs were discarded", -1, args, stderrTail, null);
      }
      state = State.MOVING;
    }
  }

  private ProcessRunner.Outcome runFfmpeg(CommandBuilder.Compiled cmd, MediaInfo input) {
    List<Path> written = cmd.outputs().stream().map(CommandBuilder.Pending::temp).toList();
    ProcessRunner.Options opts = new ProcessRunner.Options(plan.timeout(), plan.stallTimeout(), cancelGrace, true, 0,
        written);
    synchronized (lock) {
      if (state == State.CANCELLED) {
        throw new TranscodeException(Category.CANCELLED, "cancelled before ffmpeg started", -1, cmd.arguments(), "",
            null);
      }
      try {
        run = ProcessRunner.start(cmd.arguments(), opts, input.duration(), listener);
      } catch (IOException e) {
        throw new TranscodeException(Category.BINARY_MISSING, "cannot start " + ffmpeg.ffmpegPath() + ": "
            + e.getMessage(), -1, cmd.arguments(), "", e);
      }
      LOG.debug("ffmpeg pid {} started for {}", run.pid(), plan.input());
    }
    try {
      return run.outcome().join();
    } catch (CompletionException e) {
      throw new TranscodeException(Category.FFMPEG_FAILED, "supervising ffmpeg failed", -1, cmd.arguments(), "",
          e.getCause());
    }
  }

  private List<OutputFile> finish(CommandBuilder.Compiled cmd, List<CommandBuilder.Pending> outputs,
      ProcessRunner.Outcome o) {
    List<String> args = cmd.arguments();
    switch (o.stop()) {
      case CANCELLED -> throw new TranscodeException(Category.CANCELLED, "the transcode was cancelled", -1, args,
          o.stderrTail(), null);
      case TIMEOUT -> throw new TranscodeException(Category.TIMEOUT, "ffmpeg exceeded the timeout of "
          + plan.timeout() + "; raise TranscodePlan.timeout or make the plan cheaper", -1, args, o.stderrTail(), null);
      case STALLED -> throw new TranscodeException(Category.TIMEOUT, "ffmpeg reported nothing for "
          + plan.stallTimeout() + " (stalled); check the input or raise TranscodePlan.stallTimeout", -1, args,
          o.stderrTail(), null);
      default -> { }
    }
    if (o.exitCode() != 0) {
      boolean badInput = o.stderrTail().contains("Invalid data found when processing input");
      throw new TranscodeException(badInput ? Category.BAD_INPUT : Category.FFMPEG_FAILED,
          badInput ? "ffmpeg could not decode " + plan.input().toAbsolutePath() + "; the input is corrupt"
              : "ffmpeg failed on " + plan.input().toAbsolutePath(), o.exitCode(), args, o.stderrTail(), null);
    }
    List<OutputFile> files = new ArrayList<>();
    for (CommandBuilder.Pending p : outputs) {
      Path written = p.tempFile();
      if (!Files.isRegularFile(written)) {
        throw new TranscodeException(Category.FFMPEG_FAILED, "ffmpeg exited cleanly but did not write "
            + p.targetFile(), o.exitCode(), args, o.stderrTail(), null);
      }
      MediaInfo info = ffmpeg.probe(written);
      long size;
      String sha;
      try {
        size = Files.size(written);
        sha = Sha256.hex(Sha256.ofRange(written, 0, size));
      } catch (IOException e) {
        throw new TranscodeException(Category.FFMPEG_FAILED, "cannot read the finished output " + written
            + " to checksum it: " + e.getMessage(), o.exitCode(), args, o.stderrTail(), e);
      }
      files.add(new OutputFile(p.kind(), p.targetFile(), relocate(info, p.targetFile()), sha, size));
    }
    beforeMove.run();
    claimMove(args, o.stderrTail());
    moveIntoPlace(outputs, args);
    afterMove.run();
    return files;
  }

  private static MediaInfo relocate(MediaInfo info, Path target) {
    return new MediaInfo(target, info.container(), info.duration(), info.sizeBytes(), info.bitRate(), info.streams());
  }

  private static void prepareTargets(List<CommandBuilder.Pending> outputs) {
    for (CommandBuilder.Pending p : outputs) {
      try {
        Path parent = p.target().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (p.manifestName() != null) {
          // checked before anything ran; again here, in case the directory filled up since
          OutputFiles.requireEmptyOrAbsent(p.target(), p.kind().name());
          Files.createDirectories(p.temp());
        }
      } catch (IOException e) {
        throw new TranscodeException(Category.BAD_OUTPUT, "cannot prepare " + p.target() + ": " + e.getMessage()
            + "; check that its directory can be created and written", -1, List.of(), "", e);
      }
    }
  }

  private static void moveIntoPlace(List<CommandBuilder.Pending> outputs, List<String> args) {
    List<Path> moved = new ArrayList<>();
    for (CommandBuilder.Pending p : outputs) {
      try {
        if (p.manifestName() != null) Files.deleteIfExists(p.target()); // an empty directory, checked earlier
        AtomicFiles.moveIntoPlace(p.temp(), p.target());
        moved.add(p.target());
      } catch (IOException e) {
        moved.forEach(OutputFiles::deleteQuietly);
        throw new TranscodeException(Category.FFMPEG_FAILED, "cannot move the finished output into place at "
            + p.target() + ": " + e.getMessage(), 0, args, "", e);
      }
    }
  }

  /** The result future: its cancel goes through the job's cancel, so it cannot report cancelled after the move. */
  private final class ResultFuture extends CompletableFuture<TranscodeResult> {
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return TranscodeJob.this.cancel() && super.cancel(mayInterruptIfRunning);
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
      return new CompletableFuture<>();
    }
  }

  @Override
  public String toString() {
    return "TranscodeJob{" + plan.input().getFileName() + ", " + (done.isDone() ? "done" : "running") + "}";
  }
}
