package dev.videojob.ffmpeg;

import dev.videojob.ffmpeg.internal.BinaryLocator;
import dev.videojob.ffmpeg.internal.CapabilityParser;
import dev.videojob.ffmpeg.internal.CommandBuilder;
import dev.videojob.ffmpeg.internal.OutputFiles;
import dev.videojob.ffmpeg.internal.ProbeParser;
import dev.videojob.ffmpeg.internal.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FFmpeg helper: probes media and runs {@link TranscodePlan}s with the ffmpeg and ffprobe
 * executables, always from argument lists (never a shell string).
 *
 * <pre>{@code
 * Ffmpeg ffmpeg = Ffmpeg.locate();
 * TranscodeResult result = ffmpeg.transcode(TranscodePlan.builder(master)
 *     .rendition(Rendition.forPreset(DeliveryPresets.TIKTOK, out.resolve("tiktok.mp4")).build())
 *     .rendition(Rendition.builder(out.resolve("square.mp4")).aspectRatio(AspectRatio.SQUARE_1_1).height(1080).build())
 *     .thumbnail(Thumbnail.atFraction(0.5, out.resolve("poster.jpg")).withWidth(640))
 *     .build());
 * }</pre>
 *
 * <p>Thread-safe; one instance can run many transcodes at once. Capabilities are read from the
 * binary once, on first use.
 */
public final class Ffmpeg {
  private static final Logger LOG = LoggerFactory.getLogger(Ffmpeg.class);

  private final Path ffmpegPath;
  private final Path ffprobePath;
  private final Duration probeTimeout;
  private final Duration cancelGrace;
  private volatile Capabilities capabilities;

  private Ffmpeg(Builder b) {
    Map<String, String> env = b.environment != null ? b.environment : System.getenv();
    this.ffmpegPath = BinaryLocator.locate("ffmpeg", b.ffmpegPath, "FFMPEG_PATH", null, env);
    this.ffprobePath = BinaryLocator.locate("ffprobe", b.ffprobePath, "FFPROBE_PATH",
        b.ffmpegPath != null || env.get("FFMPEG_PATH") != null ? ffmpegPath : null, env);
    this.probeTimeout = b.probeTimeout;
    this.cancelGrace = b.cancelGrace;
  }

  /**
   * Finds ffmpeg and ffprobe through {@code FFMPEG_PATH}/{@code FFPROBE_PATH}, then {@code PATH}.
   *
   * @return the helper
   * @throws TranscodeException {@code BINARY_MISSING}, naming where it looked
   */
  public static Ffmpeg locate() {
    return builder().build();
  }

  /** @return a builder for explicit paths and limits */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the ffmpeg executable in use */
  public Path ffmpegPath() {
    return ffmpegPath;
  }

  /** @return the ffprobe executable in use */
  public Path ffprobePath() {
    return ffprobePath;
  }

  /**
   * What this ffmpeg can do, read once from {@code -version}, {@code -encoders}, {@code -filters}
   * and {@code -muxers}.
   *
   * @return the capabilities
   * @throws TranscodeException {@code BINARY_MISSING} when the binary does not run
   */
  public Capabilities capabilities() {
    Capabilities c = capabilities;
    if (c == null) {
      synchronized (this) {
        c = capabilities;
        if (c == null) {
          String version = CapabilityParser.version(listing("-version"));
          c = new Capabilities(version, CapabilityParser.majorVersion(version),
              CapabilityParser.namesAfterSeparator(listing("-encoders"), (char) 0),
              CapabilityParser.filters(listing("-filters")),
              CapabilityParser.namesAfterSeparator(listing("-muxers"), 'E'));
          if (c.majorVersion() > 0 && c.majorVersion() < 5) {
            LOG.warn("ffmpeg {} at {} is older than 5.1, the oldest version this SDK is tested with", version, ffmpegPath);
          }
          capabilities = c;
        }
      }
    }
    return c;
  }

  private String listing(String flag) {
    ProcessRunner.Outcome o = runCaptured(List.of(ffmpegPath.toString(), "-hide_banner", flag), null);
    if (o.exitCode() != 0) {
      throw new TranscodeException(TranscodeException.Category.BINARY_MISSING,
          ffmpegPath + " " + flag + " failed; is it a working ffmpeg?", o.exitCode(),
          List.of(ffmpegPath.toString(), "-hide_banner", flag), o.stderrTail(), null);
    }
    return o.stdout();
  }

  /**
   * Probes a media file with ffprobe.
   *
   * @param file the file
   * @return what it contains
   * @throws TranscodeException {@code BAD_INPUT} when the file is missing, unreadable, corrupt or not
   *     media; {@code TIMEOUT} when ffprobe exceeds the probe timeout
   */
  public MediaInfo probe(Path file) {
    Objects.requireNonNull(file, "file == null");
    Path abs = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(abs) || !Files.isReadable(abs)) {
      throw TranscodeException.before(TranscodeException.Category.BAD_INPUT,
          "cannot read " + abs + ": it is not a readable file");
    }
    List<String> cmd = List.of(ffprobePath.toString(), "-hide_banner", "-v", "error", "-print_format", "json",
        "-show_format", "-show_streams", abs.toString());
    ProcessRunner.Outcome o = runCaptured(cmd, abs);
    if (o.exitCode() != 0) {
      throw new TranscodeException(TranscodeException.Category.BAD_INPUT,
          "ffprobe cannot read " + abs + " as media; it is corrupt or not a media file", o.exitCode(), cmd,
          o.stderrTail(), null);
    }
    MediaInfo info;
    try {
      info = ProbeParser.parse(abs, o.stdout());
    } catch (IllegalArgumentException e) {
      throw new TranscodeException(TranscodeException.Category.BAD_INPUT, "ffprobe output for " + abs
          + " is unusable: " + e.getMessage(), o.exitCode(), cmd, o.stderrTail(), e);
    }
    if (info.streams().isEmpty()) {
      throw new TranscodeException(TranscodeException.Category.BAD_INPUT,
          abs + " has no audio or video streams; it is not a media file", o.exitCode(), cmd, o.stderrTail(), null);
    }
    return info;
  }

  /**
   * Probes a media file on a new thread.
   *
   * @param file the file
   * @return completes with the media info, or exceptionally with a {@link TranscodeException}
   */
  public CompletableFuture<MediaInfo> probeAsync(Path file) {
    Objects.requireNonNull(file, "file == null");
    CompletableFuture<MediaInfo> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(probe(file));
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    }, "videojob-ffprobe");
    t.setDaemon(true);
    t.start();
    return f;
  }

  private ProcessRunner.Outcome runCaptured(List<String> cmd, Path subject) {
    ProcessRunner.Options opts = new ProcessRunner.Options(probeTimeout, probeTimeout, cancelGrace, false, 32 << 20);
    ProcessRunner.Run run;
    try {
      run = ProcessRunner.start(cmd, opts, Duration.ZERO, ProgressListener.NONE);
    } catch (IOException e) {
      throw new TranscodeException(TranscodeException.Category.BINARY_MISSING,
          "cannot start " + cmd.get(0) + ": " + e.getMessage(), -1, cmd, "", e);
    }
    ProcessRunner.Outcome o;
    try {
      o = run.outcome().get();
    } catch (InterruptedException e) {
      run.cancel();
      Thread.currentThread().interrupt();
      throw new TranscodeException(TranscodeException.Category.CANCELLED, "interrupted while running " + cmd.get(0),
          -1, cmd, "", e);
    } catch (ExecutionException e) {
      throw new TranscodeException(TranscodeException.Category.FFMPEG_FAILED, "running " + cmd.get(0) + " failed",
          -1, cmd, "", e.getCause());
    }
    if (o.stop() != ProcessRunner.Stop.NONE) {
      throw new TranscodeException(TranscodeException.Category.TIMEOUT, cmd.get(0) + " took longer than "
          + probeTimeout + (subject == null ? "" : " on " + subject), -1, cmd, o.stderrTail(), null);
    }
    return o;
  }

  /**
   * Checks, without encoding anything, that this binary can produce everything a plan asks for, and
   * that every HLS or DASH directory is empty or absent. {@link #transcode} makes the same checks
   * before it runs anything.
   *
   * @param plan the plan
   * @param input the probed input (from {@link #probe(Path)})
   * @throws TranscodeException {@code BAD_OUTPUT} when an HLS or DASH directory exists and is not
   *     empty (or is a file); {@code ENCODER_UNAVAILABLE} listing every missing encoder, muxer or
   *     filter; {@code BAD_INPUT} when the input has no video or a thumbnail's time lies past its end
   */
  public void verify(TranscodePlan plan, MediaInfo input) {
    Objects.requireNonNull(plan, "plan == null");
    Objects.requireNonNull(input, "input == null");
    checkOutputs(plan);
    CommandBuilder.compile(ffmpegPath, plan, input, capabilities());
  }

  /** The checks of a plan's outputs that need no ffmpeg: HLS and DASH directories must be empty or absent. */
  static void checkOutputs(TranscodePlan plan) {
    for (AdaptiveStream s : plan.streams()) OutputFiles.requireEmptyOrAbsent(s.directory(), s.format().name());
  }

  /**
   * Starts a transcode on its own threads and returns at once.
   *
   * @param plan what to make
   * @param listener receives progress off ffmpeg's reader thread; {@link ProgressListener#NONE} for none
   * @return the running job
   */
  public TranscodeJob start(TranscodePlan plan, ProgressListener listener) {
    Objects.requireNonNull(plan, "plan == null");
    Objects.requireNonNull(listener, "listener == null");
    TranscodeJob job = new TranscodeJob(this, plan, listener, cancelGrace);
    job.begin();
    return job;
  }

  /**
   * Runs a transcode and waits for it.
   *
   * @param plan what to make
   * @return the outputs with their media info and checksums
   * @throws TranscodeException when it fails, times out or the calling thread is interrupted (cancelled), or
   *     (BAD_INPUT) when a thumbnail's time lies past the end of the input
   */
  public TranscodeResult transcode(TranscodePlan plan) {
    return start(plan, ProgressListener.NONE).await();
  }

  /**
   * Runs a transcode with progress reports and waits for it.
   *
   * @param plan what to make
   * @param listener receives progress
   * @return the outputs with their media info and checksums
   * @throws TranscodeException when it fails, times out or the calling thread is interrupted (cancelled), or
   *     (BAD_INPUT) when a thumbnail's time lies past the end of the input
   */
  public TranscodeResult transcode(TranscodePlan plan, ProgressListener listener) {
    return start(plan, listener).await();
  }

  /**
   * Runs a transcode asynchronously. Cancelling the future stops ffmpeg and removes partial outputs.
   *
   * @param plan what to make
   * @return completes with the result, or exceptionally with a {@link TranscodeException}
   */
  public CompletableFuture<TranscodeResult> transcodeAsync(TranscodePlan plan) {
    return start(plan, ProgressListener.NONE).result();
  }

  /**
   * Runs a transcode asynchronously with progress reports.
   *
   * @param plan what to make
   * @param listener receives progress
   * @return completes with the result; cancelling it stops ffmpeg and removes partial outputs
   */
  public CompletableFuture<TranscodeResult> transcodeAsync(TranscodePlan plan, ProgressListener listener) {
    return start(plan, listener).result();
  }

  /** Builds an {@link Ffmpeg}; not thread-safe. */
  public static final class Builder {
    private Path ffmpegPath;
    private Path ffprobePath;
    private Map<String, String> environment;
    private Duration probeTimeout = Duration.ofSeconds(60);
    private Duration cancelGrace = Duration.ofSeconds(3);

    private Builder() {}

    /**
     * Uses this ffmpeg instead of searching. Default: {@code FFMPEG_PATH}, then {@code PATH}.
     *
     * @param path the executable
     * @return this builder
     */
    public Builder ffmpegPath(Path path) {
      this.ffmpegPath = Objects.requireNonNull(path, "path == null");
      return this;
    }

    /**
     * Uses this ffprobe. Default: {@code FFPROBE_PATH}, then beside an explicit ffmpeg, then {@code PATH}.
     *
     * @param path the executable
     * @return this builder
     */
    public Builder ffprobePath(Path path) {
      this.ffprobePath = Objects.requireNonNull(path, "path == null");
      return this;
    }

    /**
     * Looks up {@code FFMPEG_PATH}, {@code FFPROBE_PATH} and {@code PATH} here instead of the process environment.
     *
     * @param environment the variables
     * @return this builder
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
      return this;
    }

    /**
     * Sets the limit for each ffprobe run and capability listing. Default 60 s.
     *
     * @param timeout more than zero
     * @return this builder
     */
    public Builder probeTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("probeTimeout must be > 0, got " + timeout);
      }
      this.probeTimeout = timeout;
      return this;
    }

    /**
     * Sets how long a cancel waits after each step ({@code q}, then terminate) before the next,
     * harder one (terminate, then kill). Default 3 s.
     *
     * @param grace more than zero
     * @return this builder
     */
    public Builder cancelGrace(Duration grace) {
      if (grace == null || grace.isNegative() || grace.isZero()) {
        throw new IllegalArgumentException("cancelGrace must be > 0, got " + grace);
      }
      this.cancelGrace = grace;
      return this;
    }

    /**
     * Locates the binaries and builds the helper.
     *
     * @return the helper
     * @throws TranscodeException {@code BINARY_MISSING}, naming where it looked
     */
    public Ffmpeg build() {
      return new Ffmpeg(this);
    }
  }
}
