package dev.videojob.ffmpeg.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.ffmpeg.TranscodeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryLocatorTest {
  @TempDir Path dir;

  private Path executable(Path d, String name) throws Exception {
    Files.createDirectories(d);
    Path p = d.resolve(name);
    Files.writeString(p, "#!/bin/sh\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @Test
  void explicitPathWins() throws Exception {
    Path explicit = executable(dir.resolve("a"), "ffmpeg");
    executable(dir.resolve("b"), "ffmpeg");

    assertThat(BinaryLocator.locate("ffmpeg", explicit, "FFMPEG_PATH", null,
        Map.of("FFMPEG_PATH", dir.resolve("b/ffmpeg").toString()))).isEqualTo(explicit);
  }

  @Test
  void environmentVariableComesBeforePath() throws Exception {
    Path fromEnv = executable(dir.resolve("env"), "my-ffmpeg");
    executable(dir.resolve("bin"), "ffmpeg");

    assertThat(BinaryLocator.locate("ffmpeg", null, "FFMPEG_PATH", null,
        Map.of("FFMPEG_PATH", fromEnv.toString(), "PATH", dir.resolve("bin").toString()))).isEqualTo(fromEnv);
  }

  @Test
  void pathIsSearchedInOrder() throws Exception {
    executable(dir.resolve("second"), "ffprobe");
    Files.createDirectories(dir.resolve("first"));

    assertThat(BinaryLocator.locate("ffprobe", null, "FFPROBE_PATH", null,
        Map.of("PATH", dir.resolve("first") + ":" + dir.resolve("second"))))
        .isEqualTo(dir.resolve("second/ffprobe"));
  }

  @Test
  void missingBinaryNamesEveryPlaceLooked() {
    assertThatThrownBy(() -> BinaryLocator.locate("ffmpeg", null, "FFMPEG_PATH", null,
        Map.of("PATH", dir.toString())))
        .isInstanceOfSatisfying(TranscodeException.class, e -> {
          assertThat(e.category()).isEqualTo(TranscodeException.Category.BINARY_MISSING);
          assertThat(e.getMessage()).contains("FFMPEG_PATH (unset)").contains(dir.toString())
              .contains("apt-get install ffmpeg");
        });
  }

  @Test
  void variableNamingNoExecutableIsAnErrorEvenWhenPathHasOne() throws Exception {
    executable(dir.resolve("bin"), "ffmpeg");

    assertThatThrownBy(() -> BinaryLocator.locate("ffmpeg", null, "FFMPEG_PATH", null,
        Map.of("FFMPEG_PATH", "/nope/ffmpeg", "PATH", dir.resolve("bin").toString())))
        .isInstanceOfSatisfying(TranscodeException.class, e -> {
          assertThat(e.category()).isEqualTo(TranscodeException.Category.BINARY_MISSING);
          assertThat(e.getMessage()).contains("FFMPEG_PATH=/nope/ffmpeg");
        });
  }

  @Test
  void explicitPathThatIsNotExecutableIsAnError() throws Exception {
    Path plain = Files.writeString(dir.resolve("ffmpeg"), "not executable");

    assertThatThrownBy(() -> BinaryLocator.locate("ffmpeg", plain, "FFMPEG_PATH", null, Map.of()))
        .isInstanceOfSatisfying(TranscodeException.class,
            e -> assertThat(e.getMessage()).contains(plain.toString()));
  }
}
