package dev.videojob.ffmpeg;

import dev.videojob.core.testing.RequiredServices;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Generates tiny test media with the real ffmpeg, and reads pixels back. */
final class TestMedia {
  static final String MISSING = "ffmpeg not found on PATH or FFMPEG_PATH; install it (apt-get install ffmpeg)";
  private static Ffmpeg ffmpeg;
  private static boolean looked;

  private TestMedia() {}

  /** @return whether ffmpeg and ffprobe were found (for {@code @BeforeAll}, which must not skip: surefire hides class-level skips) */
  static synchronized boolean available() {
    if (!looked) {
      looked = true;
      try {
        ffmpeg = Ffmpeg.locate();
      } catch (TranscodeException e) {
        ffmpeg = null;
      }
    }
    return ffmpeg != null;
  }

  /** Skips (laptop) or fails (CI) unless ffmpeg is installed; returns the helper. */
  static Ffmpeg ffmpeg() {
    boolean ffmpegFound = available();
    RequiredServices.assume(ffmpegFound, MISSING);
    return ffmpeg;
  }

  /** A testsrc2 clip with a sine tone (unless audio is false), H.264/AAC in MP4. */
  static Path clip(Path dir, String name, int width, int height, double seconds, boolean audio) {
    Path out = dir.resolve(name);
    List<String> cmd = new ArrayList<>(List.of(ffmpeg().ffmpegPath().toString(), "-v", "error", "-y",
        "-f", "lavfi", "-i", String.format(Locale.ROOT, "testsrc2=size=%dx%d:rate=25:duration=%.2f", width, height, seconds)));
    if (audio) {
      cmd.addAll(List.of("-f", "lavfi", "-i", String.format(Locale.ROOT,
          "sine=frequency=440:sample_rate=44100:duration=%.2f", seconds)));
    }
    cmd.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "25"));
    if (audio) cmd.addAll(List.of("-c:a", "aac", "-b:a", "64k"));
    cmd.add(out.toString());
    run(cmd);
    return out;
  }

  /** A solid light-grey clip, so bars and blur are easy to tell apart by pixel value. */
  static Path solid(Path dir, String name, int width, int height, double seconds) {
    Path out = dir.resolve(name);
    run(List.of(ffmpeg().ffmpegPath().toString(), "-v", "error", "-y", "-f", "lavfi", "-i",
        String.format(Locale.ROOT, "color=c=0xC8C8C8:size=%dx%d:rate=25:duration=%.2f", width, height, seconds),
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", out.toString()));
    return out;
  }

  /** The mean luma (0..255) of the 8x8 block at the top-left corner of the first frame. */
  static int cornerLuma(Path video) {
    byte[] px = capture(List.of(ffmpeg().ffmpegPath().toString(), "-v", "error", "-i", video.toString(),
        "-frames:v", "1", "-vf", "crop=8:8:0:0,format=gray", "-f", "rawvideo", "pipe:1"));
    if (px.length == 0) throw new AssertionError("no pixels read from " + video);
    long sum = 0;
    for (byte b : px) sum += b & 0xff;
    return (int) (sum / px.length);
  }

  /** Every pixel of the first frame of an image or video as 8-bit gray, to compare two pictures exactly. */
  static byte[] grayPixels(Path picture) {
    return capture(List.of(ffmpeg().ffmpegPath().toString(), "-v", "error", "-i", picture.toString(),
        "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"));
  }

  static void run(List<String> cmd) {
    capture(cmd);
  }

  private static byte[] capture(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      p.getOutputStream().close();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      int exit = p.waitFor();
      if (exit != 0) throw new AssertionError("test media command failed (" + exit + "): " + cmd);
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + cmd, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Files in a directory whose names mark them as temporary outputs. */
  static List<Path> leftovers(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().contains(".part")).toList();
    }
  }
}
