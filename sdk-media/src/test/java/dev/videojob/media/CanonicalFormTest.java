package dev.videojob.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The canonical form signatures cover is written by Jackson's sorted-properties feature; these sidecars were
 * signed by the hand-written sorter it replaced, so they pin the bytes down.
 */
class CanonicalFormTest {
  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = CanonicalFormTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void canonicalBytesOfATreeWithUnsortedKeysAtEveryLevelAreUnchanged() throws Exception {
    byte[] sidecar = resource("signed-with-unsorted-keys.provenance.json");
    byte[] canonical = ProvenanceSigner.canonical(new ObjectMapper().readTree(sidecar).get("manifest"));
    assertThat(new String(canonical, StandardCharsets.UTF_8))
        .isEqualTo(new String(resource("signed-with-unsorted-keys.canonical.json"), StandardCharsets.UTF_8));
  }

  @Test
  void sidecarSignedBeforeTheCanonicalFormMovedToJacksonStillVerifies() throws Exception {
    ProvenanceManifest m = ProvenanceVerifier.hmacSha256(SECRET).verify(resource("signed-with-unsorted-keys.provenance.json"));
    assertThat(m.jobId()).contains("jf-1234");
    assertThat(m.metadata()).containsEntry("\uD83D\uDE00", "4");
  }

  @Test
  void signingTheSameManifestGivesTheSameSidecarAsBefore() throws Exception {
    ProvenanceManifest built = ProvenanceManifest.builder("spring-sale-26-a", new ProvenanceEntry("master", "b".repeat(64), 50_000))
        .prompt("30s promo for our product, upbeat, vertical").provider("creativeai").model("gen-3").seed(42L)
        .jobId("jf-1234").metadata("campaign_id", "spring_sale_26").metadata("Zone", "\u00e9t\u00e9")
        .triggeredBy("editor@example.com")
        .timestamp("submitted", Instant.parse("2026-01-01T10:00:00Z"))
        .timestamp("completed", Instant.parse("2026-01-01T10:02:30Z"))
        .rendition(new ProvenanceEntry("9x16", "a".repeat(64), 1234))
        .build();
    assertThat(new String(ProvenanceSigner.hmacSha256("k1", SECRET).sign(built), StandardCharsets.UTF_8))
        .isEqualTo(new String(resource("signed-built.provenance.json"), StandardCharsets.UTF_8));
  }
}
