package dev.videojob.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.AspectRatio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleDecodeTest {
  @TempDir static Path dir;
  static TranscodeResult result;

  @BeforeEach
  void requireFfmpeg() {
    TestMedia.ffmpeg();
  }

  @BeforeAll
  static void transcode() {
    if (!TestMedia.available()) return; // each test then skips or fails in @BeforeEach
    Path master = TestMedia.clip(dir, "master.mp4", 640, 360, 2, true);
    result = TestMedia.ffmpeg().transcode(TranscodePlan.builder(master)
        .rendition(Rendition.builder(dir.resolve("vertical.mp4")).aspectRatio(AspectRatio.PORTRAIT_9_16).height(320)
            .speed(EncoderSpeed.FASTEST).build())
        .rendition(Rendition.builder(dir.resolve("square.mp4")).aspectRatio(AspectRatio.SQUARE_1_1).height(240)
            .speed(EncoderSpeed.FASTEST).build())
        .rendition(Rendition.builder(dir.resolve("wide.mp4")).aspectRatio(AspectRatio.LANDSCAPE_16_9).height(180)
            .speed(EncoderSpeed.FASTEST).build())
        .thumbnail(Thumbnail.atFraction(0.5, dir.resolve("poster.jpg")).withWidth(160))
        .build());
  }

  @Test
  void runsOneFfmpegWithOneWholeDecodeAndASplitAndTheThumbnailFromASeek() {
    // the renditions share one decode; the thumbnail reads a short window after a seek of its own
    assertThat(Collections.frequency(result.command(), "-i")).isEqualTo(2);
    assertThat(result.command().get(result.command().indexOf("-i") - 1)).isEqualTo("-y");
    assertThat(result.command()).containsSubsequence("-ss", "1.000", "-t");
    int fc = result.command().indexOf("-filter_complex");
    assertThat(result.command().get(fc + 1)).startsWith("[0:v:0]split=3");
  }

  @Test
  void producesThreeRenditionsAndAThumbnail() {
    assertThat(result.outputs()).extracting(OutputFile::kind).containsExactly(OutputFile.Kind.VIDEO,
        OutputFile.Kind.VIDEO, OutputFile.Kind.VIDEO, OutputFile.Kind.THUMBNAIL);
    assertThat(size(result.output(dir.resolve("vertical.mp4")))).isEqualTo("180x320");
    assertThat(size(result.output(dir.resolve("square.mp4")))).isEqualTo("240x240");
    assertThat(size(result.output(dir.resolve("wide.mp4")))).isEqualTo("320x180");
    assertThat(size(result.output(dir.resolve("poster.jpg")))).isEqualTo("160x90");
  }

  @Test
  void everyRenditionKeepsTheAudio() {
    for (OutputFile f : result.outputs()) {
      if (f.kind() == OutputFile.Kind.VIDEO) assertThat(f.info().audio()).get().extracting(StreamInfo::codec).isEqualTo("aac");
    }
  }

  @Test
  void resultsCarryTheSha256OfTheFileInPlace() throws Exception {
    for (OutputFile f : result.outputs()) {
      assertThat(f.sha256()).hasSize(64).isEqualTo(java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f.path()))));
      assertThat(f.sizeBytes()).isEqualTo(Files.size(f.path()));
      assertThat(f.info().path()).isEqualTo(f.path());
    }
  }

  @Test
  void mp4IsWrittenWithTheMoovAtomFirst() throws Exception {
    byte[] head = Files.readAllBytes(dir.resolve("wide.mp4"));
    String start = new String(head, 0, 4096, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(start.indexOf("moov")).isNotNegative().isLessThan(start.indexOf("mdat") < 0 ? Integer.MAX_VALUE
        : start.indexOf("mdat"));
  }

  @Test
  void leavesNoTemporaryFiles() throws Exception {
    assertThat(TestMedia.leftovers(dir)).isEmpty();
  }

  private static String size(OutputFile f) {
    StreamInfo v = f.info().video().orElseThrow();
    return v.width() + "x" + v.height();
  }
}
