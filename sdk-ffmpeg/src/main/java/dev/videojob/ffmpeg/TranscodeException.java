package dev.videojob.ffmpeg;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.VideoJobException;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An FFmpeg or ffprobe run that did not produce its outputs, with why ({@link #category()}), the
 * exit code, the exact argument list and the tail of the tool's stderr.
 *
 * <p>When this is thrown no partial output is left at the requested paths.
 */
public final class TranscodeException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /** Why a run failed. */
  public enum Category {
    /** ffmpeg or ffprobe could not be found or started. Install FFmpeg or set FFMPEG_PATH. */
    BINARY_MISSING,
    /** The input is missing, unreadable, corrupt or not media. */
    BAD_INPUT,
    /**
     * An output cannot be written where the plan asks: an HLS or DASH directory that exists and is not
     * empty (or is a file), or a directory that cannot be created. Nothing was run.
     */
    BAD_OUTPUT,
    /** This binary lacks an encoder, muxer or filter the plan needs; nothing was encoded. */
    ENCODER_UNAVAILABLE,
    /** The run exceeded its wall-clock timeout or made no progress for the stall timeout. */
    TIMEOUT,
    /** The run was cancelled by the caller. */
    CANCELLED,
    /** ffmpeg exited with an error; see the stderr tail. */
    FFMPEG_FAILED
  }

  /** Why the run failed. */
  private final Category category;
  /** The exit code, or -1. */
  private final int exitCode;
  /** The command; not serialized. */
  private final transient List<String> arguments;
  /** The bounded stderr tail. */
  private final String stderrTail;

  /**
   * Creates the exception.
   *
   * @param category why the run failed
   * @param message what happened and what to do
   * @param exitCode the process exit code, or -1 when the process did not exit by itself
   * @param arguments the full command (executable first), or an empty list when nothing was run
   * @param stderrTail the last lines of stderr, or an empty string
   * @param cause the underlying failure, or null
   */
  public TranscodeException(Category category, String message, int exitCode, List<String> arguments,
      String stderrTail, Throwable cause) {
    super(describe(message, exitCode, stderrTail), ErrorContext.none(), cause);
    this.category = Objects.requireNonNull(category, "category == null");
    this.exitCode = exitCode;
    this.arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments == null"));
    this.stderrTail = Objects.requireNonNull(stderrTail, "stderrTail == null");
  }

  /**
   * A failure before any process ran (missing binary, missing encoder, unreadable input).
   *
   * @param category why
   * @param message what happened and what to do
   * @return the exception
   */
  public static TranscodeException before(Category category, String message) {
    return new TranscodeException(category, message, -1, List.of(), "", null);
  }

  private static String describe(String message, int exitCode, String tail) {
    StringBuilder b = new StringBuilder(message);
    if (exitCode >= 0) b.append(" (exit code ").append(exitCode).append(')');
    if (tail != null && !tail.isBlank()) {
      String last = tail.strip();
      int nl = last.lastIndexOf('\n');
      b.append(": ").append(nl >= 0 ? last.substring(nl + 1) : last);
    }
    return b.toString();
  }

  /** @return why the run failed */
  public Category category() {
    return category;
  }

  /** @return the exit code, empty when the process was killed, never started, or not involved */
  public OptionalInt exitCode() {
    return exitCode < 0 ? OptionalInt.empty() : OptionalInt.of(exitCode);
  }

  /** @return the command that was run, executable first; empty when nothing was run */
  public List<String> arguments() {
    return arguments == null ? List.of() : arguments;
  }

  /** @return the last lines ffmpeg wrote to stderr (bounded), or an empty string */
  public String stderrTail() {
    return stderrTail;
  }
}
