package dev.videojob.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.media.ProvenanceVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private ProvenanceManifest manifest(Path master) {
    return ProvenanceManifest.builder("spring-sale-26-a", ProvenanceEntry.of("master", master))
        .prompt("30s promo for our product, upbeat, vertical").provider("creativeai").model("gen-3").seed(42L)
        .jobId("jf-1234").metadata("campaign_id", "spring_sale_26").triggeredBy("editor@example.com")
        .timestamp("submitted", Instant.parse("2026-01-01T10:00:00Z"))
        .timestamp("completed", Instant.parse("2026-01-01T10:02:30Z"))
        .rendition(new ProvenanceEntry("9x16", "a".repeat(64), 1234))
        .build();
  }

  private Path master() throws Exception {
    Path m = dir.resolve("master.mp4");
    Files.write(m, GeneratedMedia.bytes(50_000));
    return m;
  }

  @Test
  void hmacSignedSidecarVerifiesAndRoundTripsEveryField() throws Exception {
    Path master = master();
    ProvenanceManifest m = manifest(master);
    Path sidecar = ProvenanceSigner.sidecarFor(master);

    ProvenanceSigner.hmacSha256("k1", SECRET).writeSidecar(m, sidecar);
    ProvenanceManifest verified = ProvenanceVerifier.hmacSha256(SECRET).verify(sidecar);

    assertThat(sidecar.getFileName().toString()).isEqualTo("master.mp4.provenance.json");
    assertThat(verified).isEqualTo(m);
    assertThat(verified.seed()).contains(42L);
    assertThat(verified.metadata()).containsEntry("campaign_id", "spring_sale_26");
    assertThat(verified.master().sha256()).isEqualTo(GeneratedMedia.sha256(50_000));
  }

  @Test
  void ed25519SignedSidecarVerifiesWithThePublicKey() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] sidecar = ProvenanceSigner.ed25519("pair-1", pair.getPrivate()).sign(manifest(master()));

    assertThat(ProvenanceVerifier.ed25519(pair.getPublic()).verify(sidecar).jobId()).contains("jf-1234");
  }

  @Test
  void rejectsManifestTamperedAfterSigning() throws Exception {
    byte[] sidecar = ProvenanceSigner.hmacSha256("k1", SECRET).sign(manifest(master()));
    byte[] tampered = new String(sidecar, StandardCharsets.UTF_8).replace("editor@example.com", "intern@example.com")
        .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ProvenanceVerifier.hmacSha256(SECRET).verify(tampered))
        .isInstanceOfSatisfying(ProvenanceVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE))
        .hasMessageContaining("changed after signing");
  }

  @Test
  void rejectsEd25519ManifestTamperedAfterSigning() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] sidecar = ProvenanceSigner.ed25519("pair-1", pair.getPrivate()).sign(manifest(master()));
    byte[] tampered = new String(sidecar, StandardCharsets.UTF_8).replace("\"seed\" : 42", "\"seed\" : 43")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(tampered).isNotEqualTo(sidecar);

    assertThatThrownBy(() -> ProvenanceVerifier.ed25519(pair.getPublic()).verify(tampered))
        .isInstanceOfSatisfying(ProvenanceVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
  }

  @Test
  void rejectsSignatureMadeWithAnotherSecret() throws Exception {
    byte[] other = Arrays.copyOf(SECRET, SECRET.length);
    other[0] ^= 1;
    byte[] sidecar = ProvenanceSigner.hmacSha256("k1", other).sign(manifest(master()));

    assertThatThrownBy(() -> ProvenanceVerifier.hmacSha256(SECRET).verify(sidecar))
        .isInstanceOfSatisfying(ProvenanceVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
  }

  @Test
  void rejectsSidecarSignedWithAnotherAlgorithm() throws Exception {
    byte[] sidecar = ProvenanceSigner.hmacSha256("k1", SECRET).sign(manifest(master()));
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

    assertThatThrownBy(() -> ProvenanceVerifier.ed25519(pair.getPublic()).verify(sidecar))
        .isInstanceOfSatisfying(ProvenanceVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_ALGORITHM));
  }

  @Test
  void prettyPrintingDoesNotBreakTheSignature() throws Exception {
    byte[] sidecar = ProvenanceSigner.hmacSha256("k1", SECRET).sign(manifest(master()));
    byte[] compact = new String(sidecar, StandardCharsets.UTF_8).replaceAll("\\n\\s*", "").getBytes(StandardCharsets.UTF_8);

    assertThat(ProvenanceVerifier.hmacSha256(SECRET).verify(compact).deliverableId()).isEqualTo("spring-sale-26-a");
  }

  @Test
  void verifyFileRejectsAChangedMaster() throws Exception {
    Path master = master();
    ProvenanceManifest m = manifest(master);
    ProvenanceVerifier verifier = ProvenanceVerifier.hmacSha256(SECRET);
    verifier.verifyFile(m, "master", master);

    byte[] bytes = Files.readAllBytes(master);
    bytes[100] ^= 1;
    Files.write(master, bytes);

    assertThatThrownBy(() -> verifier.verifyFile(m, "master", master))
        .isInstanceOfSatisfying(ProvenanceVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FILE_MISMATCH));
  }

  @Test
  void rejectsSidecarWithoutSignature() {
    byte[] junk = "{\"manifest\":{}}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ProvenanceVerifier.hmacSha256(SECRET).verify(junk))
        .isInstanceOfSatisfying(ProvenanceVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void rejectsShortHmacSecret() {
    assertThatThrownBy(() -> ProvenanceSigner.hmacSha256("k1", new byte[16])).isInstanceOf(IllegalArgumentException.class);
  }
}
