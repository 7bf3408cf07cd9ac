package dev.videojob.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.AspectRatio;
import dev.videojob.media.ProvenanceEntry;
import dev.videojob.media.ProvenanceManifest;
import dev.videojob.media.ProvenanceSigner;
import dev.videojob.media.ProvenanceVerifier;
import dev.videojob.media.TransferException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provenance takes the checksums ffmpeg's outputs already carry, instead of reading the files again. */
class ProvenanceFromOutputsTest {
  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void provenanceEntriesOfOutputsNeedNoSecondReadOfTheFiles() throws Exception {
    Path master = TestMedia.clip(dir, "master.mp4", 320, 180, 1, false);
    TranscodeResult result = TestMedia.ffmpeg().transcode(TranscodePlan.builder(master)
        .rendition(Rendition.builder(dir.resolve("9x16.mp4")).aspectRatio(AspectRatio.PORTRAIT_9_16).height(160)
            .speed(EncoderSpeed.FASTEST).build())
        .thumbnail(Thumbnail.atFraction(0.5, dir.resolve("poster.jpg")).withWidth(80))
        .build());
    OutputFile vertical = result.output(dir.resolve("9x16.mp4"));
    OutputFile poster = result.output(dir.resolve("poster.jpg"));
    ProvenanceEntry verticalRead = ProvenanceEntry.of("9x16", vertical.path());
    ProvenanceEntry posterRead = ProvenanceEntry.of("thumbnail", poster.path());

    // Gone from disk: an entry that needed the file could not be made now.
    Files.delete(vertical.path());
    Files.delete(poster.path());
    assertThatThrownBy(() -> ProvenanceEntry.of("9x16", vertical.path())).isInstanceOf(TransferException.class);

    ProvenanceManifest manifest = ProvenanceManifest.builder("spring-sale-26-a", ProvenanceEntry.of("master", master))
        .rendition(vertical.provenanceEntry("9x16"))
        .rendition(poster.provenanceEntry("thumbnail"))
        .build();

    assertThat(manifest.rendition("9x16")).contains(verticalRead);
    assertThat(manifest.rendition("thumbnail")).contains(posterRead);
    byte[] sidecar = ProvenanceSigner.hmacSha256("k1", SECRET).sign(manifest);
    assertThat(ProvenanceVerifier.hmacSha256(SECRET).verify(sidecar)).isEqualTo(manifest);
  }
}
