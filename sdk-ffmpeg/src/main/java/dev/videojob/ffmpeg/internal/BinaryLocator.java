package dev.videojob.ffmpeg.internal;

import dev.videojob.ffmpeg.TranscodeException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds an executable: an explicit path, else an environment variable, else the directories of
 * {@code PATH}. An explicit path or a set variable that does not name an executable is an error
 * (never silently replaced by another binary). The error names every place it looked.
 */
public final class BinaryLocator {
  private BinaryLocator() {}

  /**
   * Locates a binary.
   *
   * @param name the executable name ({@code ffmpeg}, {@code ffprobe})
   * @param explicit a path given by the caller, or null
   * @param envVar the environment variable to consult ({@code FFMPEG_PATH})
   * @param siblingOf a binary next to which to look first (ffprobe beside an explicit ffmpeg), or null
   * @param env the environment
   * @return the absolute path
   * @throws TranscodeException with {@code BINARY_MISSING} when nothing usable is found
   */
  public static Path locate(String name, Path explicit, String envVar, Path siblingOf, Map<String, String> env) {
    List<String> looked = new ArrayList<>();
    if (explicit != null) {
      if (isExecutable(explicit)) return explicit.toAbsolutePath();
      throw TranscodeException.before(TranscodeException.Category.BINARY_MISSING,
          name + " not found: the explicit path " + explicit + " is not an executable file;"
              + " pass the path of an installed " + name);
    }
    String fromEnv = env.get(envVar);
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path p = Path.of(fromEnv);
      if (isExecutable(p)) return p.toAbsolutePath();
      // a variable that is set but wrong is a misconfiguration, not a reason to pick another binary
      throw TranscodeException.before(TranscodeException.Category.BINARY_MISSING,
          name + " not found: " + envVar + "=" + fromEnv + " is not an executable file; fix " + envVar
              + " or unset it to search PATH");
    } else {
      looked.add(envVar + " (unset)");
    }
    if (siblingOf != null && siblingOf.getParent() != null) {
      Path p = siblingOf.getParent().resolve(name);
      if (isExecutable(p)) return p.toAbsolutePath();
      looked.add(p.toString());
    }
    String path = env.getOrDefault("PATH", "");
    List<String> dirs = new ArrayList<>();
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) continue;
      dirs.add(dir);
      for (String candidate : List.of(name, name + ".exe")) {
        Path p = Path.of(dir, candidate);
        if (isExecutable(p)) return p.toAbsolutePath();
      }
    }
    looked.add("PATH " + (dirs.isEmpty() ? "(empty)" : String.join(File.pathSeparator, dirs)));
    throw TranscodeException.before(TranscodeException.Category.BINARY_MISSING,
        name + " not found; looked in " + String.join(", ", looked)
            + ". Install FFmpeg (Debian/Ubuntu: apt-get install ffmpeg) or set " + envVar);
  }

  private static boolean isExecutable(Path p) {
    return Files.isRegularFile(p) && Files.isExecutable(p);
  }
}
