package dev.videojob.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class AdaptiveStreamTest {
  @TempDir static Path dir;
  static TranscodeResult result;

  @BeforeEach
  void requireFfmpeg() {
    TestMedia.ffmpeg();
  }

  @BeforeAll
  static void transcode() {
    if (!TestMedia.available()) return; // each test then skips or fails in @BeforeEach
    Path master = TestMedia.clip(dir, "master.mp4", 640, 360, 3, true);
    result = TestMedia.ffmpeg().transcode(TranscodePlan.builder(master)
        .stream(AdaptiveStream.hls(dir.resolve("hls")).step(360, 800_000).step(180, 300_000)
            .segmentDuration(java.time.Duration.ofSeconds(1)).speed(EncoderSpeed.FASTEST).build())
        .stream(AdaptiveStream.dash(dir.resolve("dash")).step(360, 800_000).step(180, 300_000)
            .segmentDuration(java.time.Duration.ofSeconds(1)).speed(EncoderSpeed.FASTEST).build())
        .build());
  }

  @Test
  void hlsMasterPlaylistListsEveryStepAndEachPlaylistIsComplete() throws Exception {
    Path masterPlaylist = dir.resolve("hls/master.m3u8");
    List<String> lines = Files.readAllLines(masterPlaylist);
    assertThat(lines.get(0)).isEqualTo("#EXTM3U");
    List<String> variants = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("#EXT-X-STREAM-INF:")) {
        assertThat(lines.get(i)).contains("BANDWIDTH=").contains("RESOLUTION=");
        variants.add(lines.get(i + 1));
      }
    }
    assertThat(variants).hasSize(2);
    for (String v : variants) {
      List<String> media = Files.readAllLines(dir.resolve("hls").resolve(v));
      assertThat(media).contains("#EXT-X-ENDLIST");
      List<String> segments = media.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
      assertThat(segments).isNotEmpty().allSatisfy(s -> assertThat(dir.resolve("hls").resolve(s)).isRegularFile());
    }
  }

  @Test
  void hlsResultIsTheMasterPlaylistProbedAsMedia() {
    OutputFile hls = result.output(dir.resolve("hls"));

    assertThat(hls.kind()).isEqualTo(OutputFile.Kind.HLS);
    assertThat(hls.path()).isEqualTo(dir.resolve("hls/master.m3u8").toAbsolutePath());
    assertThat(hls.info().container()).isEqualTo("hls");
    assertThat(hls.info().streams(StreamType.VIDEO)).extracting(StreamInfo::height).contains(360, 180);
  }

  @Test
  void dashManifestParsesWithARepresentationPerStepAndAudio() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document mpd = f.newDocumentBuilder().parse(dir.resolve("dash/manifest.mpd").toFile());

    assertThat(mpd.getDocumentElement().getLocalName()).isEqualTo("MPD");
    NodeList reps = mpd.getElementsByTagNameNS("*", "Representation");
    List<String> heights = new ArrayList<>();
    int audio = 0;
    for (int i = 0; i < reps.getLength(); i++) {
      Element r = (Element) reps.item(i);
      if (r.hasAttribute("height")) heights.add(r.getAttribute("height"));
      if (r.getAttribute("mimeType").startsWith("audio")
          || ((Element) r.getParentNode()).getAttribute("contentType").equals("audio")) {
        audio++;
      }
    }
    assertThat(heights).containsExactlyInAnyOrder("360", "180");
    assertThat(audio).isEqualTo(1);
  }

  @Test
  void dashSegmentsAreWrittenBesideTheManifest() throws Exception {
    try (var files = Files.list(dir.resolve("dash"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".m4s"))).isNotEmpty();
    }
    assertThat(result.output(dir.resolve("dash")).kind()).isEqualTo(OutputFile.Kind.DASH);
  }

  @Test
  void leavesNoTemporaryDirectories() throws Exception {
    assertThat(TestMedia.leftovers(dir)).isEmpty();
  }
}
