package dev.videojob.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.AspectRatio;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every aspect ratio in every fit mode, made from one 16:9 light-grey source in one run, checked by
 * probing the outputs and reading their corner pixels (black bars for PAD, picture for the others).
 */
class FitAndAspectTest {
  private static final int BLACK_MAX = 40;
  @TempDir static Path dir;
  static TranscodeResult result;

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (FitMode fit : FitMode.values()) {
      cases.add(Arguments.of("9:16", fit, 180, 320));
      cases.add(Arguments.of("1:1", fit, 240, 240));
      cases.add(Arguments.of("16:9", fit, 320, 180));
      cases.add(Arguments.of("4:5", fit, 192, 240));
    }
    return cases.stream();
  }

  @BeforeEach
  void requireFfmpeg() {
    TestMedia.ffmpeg();
  }

  @BeforeAll
  static void transcode() {
    if (!TestMedia.available()) return; // each test then skips or fails in @BeforeEach
    Path source = TestMedia.solid(dir, "grey.mp4", 640, 360, 1);
    TranscodePlan.Builder plan = TranscodePlan.builder(source);
    cases().forEach(a -> {
      Object[] v = a.get();
      AspectRatio ratio = AspectRatio.parse((String) v[0]);
      plan.rendition(Rendition.builder(output((String) v[0], (FitMode) v[1])).aspectRatio(ratio)
          .height((Integer) v[3]).fit((FitMode) v[1]).speed(EncoderSpeed.FASTEST).audio(AudioCodec.NONE).build());
    });
    plan.rendition(Rendition.builder(dir.resolve("any.mp4")).speed(EncoderSpeed.FASTEST).build());
    result = TestMedia.ffmpeg().transcode(plan.build());
  }

  private static Path output(String ratio, FitMode fit) {
    return dir.resolve(ratio.replace(':', 'x') + "-" + fit.name().toLowerCase(Locale.ROOT) + ".mp4");
  }

  @ParameterizedTest(name = "{0} {1} is {2}x{3}")
  @MethodSource("cases")
  void outputHasTheRequestedFrame(String ratio, FitMode fit, int width, int height) {
    StreamInfo v = result.output(output(ratio, fit)).info().video().orElseThrow();

    assertThat(v.width()).isEqualTo(width);
    assertThat(v.height()).isEqualTo(height);
    assertThat(v.pixelFormat()).isEqualTo("yuv420p");
  }

  @ParameterizedTest(name = "{0} {1} corner")
  @MethodSource("cases")
  void onlyPadLeavesBlackBarsWhenTheShapeChanges(String ratio, FitMode fit, int width, int height) {
    int luma = TestMedia.cornerLuma(output(ratio, fit));
    boolean shapeChanges = !ratio.equals("16:9");

    if (fit == FitMode.PAD && shapeChanges) {
      assertThat(luma).as("black bar").isLessThan(BLACK_MAX);
    } else {
      assertThat(luma).as("picture, not a bar").isGreaterThan(120);
    }
  }

  @Test
  void anyAspectKeepsTheSourceFrame() {
    StreamInfo v = result.output(dir.resolve("any.mp4")).info().video().orElseThrow();

    assertThat(v.width()).isEqualTo(640);
    assertThat(v.height()).isEqualTo(360);
  }
}
