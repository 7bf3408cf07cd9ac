package dev.videojob.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths with spaces, leading dashes and shell characters go to ffmpeg as single, absolute arguments. */
class PathArgumentsTest {
  @TempDir Path dir;

  @Test
  void pathsWithSpacesAndLeadingDashesAreSingleAbsoluteArguments() throws Exception {
    Path weird = Files.createDirectories(dir.resolve("-my dir; $(touch pwned)"));
    Path input = TestMedia.clip(weird, "-input with spaces.mp4", 320, 180, 1, false);
    Path output = weird.resolve("-out 'quoted' & more.mp4");
    Path poster = weird.resolve("-poster *.jpg");

    TranscodeResult r = TestMedia.ffmpeg().transcode(TranscodePlan.builder(input)
        .rendition(Rendition.builder(output).height(90).speed(EncoderSpeed.FASTEST).build())
        .thumbnail(Thumbnail.at(java.time.Duration.ofMillis(500), poster))
        .build());

    assertThat(r.command()).contains(input.toAbsolutePath().normalize().toString());
    int i = r.command().indexOf("-i");
    assertThat(r.command().get(i + 1)).startsWith("/").isEqualTo(input.toAbsolutePath().normalize().toString());
    assertThat(output).isRegularFile();
    assertThat(poster).isRegularFile();
    assertThat(r.output(output).info().video().orElseThrow().height()).isEqualTo(90);
    assertThat(weird.resolve("pwned")).doesNotExist();
    assertThat(dir.resolve("pwned")).doesNotExist();
  }
}
