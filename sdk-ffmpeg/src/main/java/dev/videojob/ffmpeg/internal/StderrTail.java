package dev.videojob.ffmpeg.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/** The last lines a process wrote to stderr, bounded in line count and line length; thread-safe. */
public final class StderrTail {
  private final int maxLines;
  private final int maxLineLength;
  private final Deque<String> lines = new ArrayDeque<>();

  /**
   * @param maxLines how many lines to keep
   * @param maxLineLength longer lines are cut to this many characters
   */
  public StderrTail(int maxLines, int maxLineLength) {
    if (maxLines < 1 || maxLineLength < 1) throw new IllegalArgumentException("limits must be >= 1");
    this.maxLines = maxLines;
    this.maxLineLength = maxLineLength;
  }

  /** @param line a line without its terminator */
  public synchronized void add(String line) {
    if (line.length() > maxLineLength) line = line.substring(0, maxLineLength) + "...";
    if (lines.size() == maxLines) lines.removeFirst();
    lines.addLast(line);
  }

  /** @return the kept lines joined with newlines */
  public synchronized String text() {
    return String.join("\n", lines);
  }
}
