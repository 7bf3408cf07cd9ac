package dev.videojob.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videojob.media.internal.Sha256;
import dev.videojob.media.ProvenanceVerificationException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/**
 * Checks sidecars written by {@link ProvenanceSigner}: the algorithm must be the key's, the signature
 * must match the manifest's canonical JSON (HMAC compared in constant time), and optionally a file
 * must still have its recorded sha256. Every failure is a {@link ProvenanceVerificationException}
 * with a {@link ProvenanceVerificationException.Reason}. Thread-safe.
 */
public final class ProvenanceVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String algorithm;
  private final byte[] secret;
  private final PublicKey publicKey;

  private ProvenanceVerifier(String algorithm, byte[] secret, PublicKey publicKey) {
    this.algorithm = algorithm;
    this.secret = secret;
    this.publicKey = publicKey;
  }

  /**
   * @param secret the shared secret the sidecars were signed with, at least 32 bytes
   * @return a verifier
   * @throws IllegalArgumentException if the secret is shorter than 32 bytes
   */
  public static ProvenanceVerifier hmacSha256(byte[] secret) {
    Objects.requireNonNull(secret, "secret == null");
    if (secret.length < 32) throw new IllegalArgumentException("the HMAC secret must have at least 32 bytes");
    return new ProvenanceVerifier(ProvenanceSigner.HMAC_SHA256, secret.clone(), null);
  }

  /**
   * @param key the Ed25519 public key of the signer
   * @return a verifier
   * @throws IllegalArgumentException if the key is not an Ed25519 key
   */
  public static ProvenanceVerifier ed25519(PublicKey key) {
    Objects.requireNonNull(key, "key == null");
    try {
      Signature.getInstance(ProvenanceSigner.ED25519).initVerify(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm(), e);
    }
    return new ProvenanceVerifier(ProvenanceSigner.ED25519, null, key);
  }

  /**
   * Verifies a sidecar file.
   *
   * @param sidecar the sidecar
   * @return the verified manifest
   * @throws ProvenanceVerificationException if it cannot be read or does not verify
   */
  public ProvenanceManifest verify(Path sidecar) {
    try {
      return verify(Files.readAllBytes(sidecar));
    } catch (IOException e) {
      throw new ProvenanceVerificationException(Reason.MALFORMED, "cannot read the provenance sidecar " + sidecar
          + ": " + e.getMessage());
    }
  }

  /**
   * Verifies a sidecar's bytes.
   *
   * @param sidecar the sidecar's UTF-8 JSON
   * @return the verified manifest
   * @throws ProvenanceVerificationException if it cannot be read or does not verify
   */
  public ProvenanceManifest verify(byte[] sidecar) {
    JsonNode root;
    try {
      root = JSON.readTree(sidecar);
    } catch (IOException e) {
      throw new ProvenanceVerificationException(Reason.MALFORMED, "the provenance sidecar is not JSON");
    }
    JsonNode manifest = root == null ? null : root.get("manifest");
    JsonNode sig = root == null ? null : root.get("signature");
    if (manifest == null || !manifest.isObject() || sig == null || !sig.path("value").isTextual()) {
      throw new ProvenanceVerificationException(Reason.MALFORMED,
          "the provenance sidecar has no manifest or no signature; was it written by ProvenanceSigner?");
    }
    String alg = sig.path("algorithm").asText();
    if (!algorithm.equals(alg)) {
      throw new ProvenanceVerificationException(Reason.WRONG_ALGORITHM, "the manifest is signed with '" + alg
          + "' but this verifier checks " + algorithm + "; use the matching key");
    }
    byte[] value;
    try {
      value = Base64.getDecoder().decode(sig.get("value").asText());
    } catch (IllegalArgumentException e) {
      throw new ProvenanceVerificationException(Reason.MALFORMED, "the manifest's signature is not base64");
    }
    byte[] data = ProvenanceSigner.canonical(manifest);
    if (!matches(data, value)) {
      throw new ProvenanceVerificationException(Reason.BAD_SIGNATURE, "the provenance manifest does not match its"
          + " signature: it was changed after signing, or signed with another key (key id '"
          + sig.path("keyId").asText() + "')");
    }
    return ProvenanceManifest.fromJson(manifest);
  }

  private boolean matches(byte[] data, byte[] value) {
    if (secret != null) {
      return MessageDigest.isEqual(ProvenanceSigner.signature(algorithm, secret, null, data), value);
    }
    try {
      Signature s = Signature.getInstance(ProvenanceSigner.ED25519);
      s.initVerify(publicKey);
      s.update(data);
      return s.verify(value);
    } catch (java.security.SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot verify Ed25519", e);
    }
  }

  /**
   * Checks that a file is still the one a verified manifest records.
   *
   * @param manifest a verified manifest
   * @param renditionName the rendition's name, {@code master} for the master
   * @param file the file
   * @throws ProvenanceVerificationException ({@code FILE_MISMATCH}) if the rendition is unknown, the file is
   *     unreadable, or its size or sha256 differs
   */
  public void verifyFile(ProvenanceManifest manifest, String renditionName, Path file) {
    ProvenanceEntry r = manifest.rendition(renditionName).orElseThrow(() -> new ProvenanceVerificationException(
        Reason.FILE_MISMATCH, "the manifest of " + manifest.deliverableId() + " has no rendition '" + renditionName + "'"));
    try {
      long size = Files.size(file);
      String sha = size == r.sizeBytes() ? Sha256.hex(Sha256.ofRange(file, 0, size)) : null;
      if (!r.sha256().equals(sha)) {
        throw new ProvenanceVerificationException(Reason.FILE_MISMATCH, file + " is not the '" + renditionName
            + "' the manifest of " + manifest.deliverableId() + " records (sha256 " + r.sha256() + ", "
            + r.sizeBytes() + " bytes)");
      }
    } catch (IOException e) {
      throw new ProvenanceVerificationException(Reason.FILE_MISMATCH, "cannot read " + file + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "ProvenanceVerifier{" + algorithm + "}";
  }
}
