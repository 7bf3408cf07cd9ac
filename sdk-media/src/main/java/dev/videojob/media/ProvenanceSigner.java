package dev.videojob.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.core.ErrorContext;
import dev.videojob.media.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs provenance manifests into JSON sidecars with the JDK's own crypto: HMAC-SHA256 (a shared
 * secret, when the verifier is you) or Ed25519 (a key pair, when others verify with your public key).
 *
 * <p>The sidecar is {@code {"manifest": {...}, "signature": {"algorithm", "keyId", "value"}}}; the
 * signature (base64) covers the manifest's canonical JSON (keys sorted at every level, no whitespace),
 * so the sidecar itself may be pretty-printed. Thread-safe.
 */
public final class ProvenanceSigner {
  /** The algorithm name of HMAC-SHA256 sidecars. */
  public static final String HMAC_SHA256 = "HMAC-SHA256";
  /** The algorithm name of Ed25519 sidecars. */
  public static final String ED25519 = "Ed25519";

  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Writes the canonical form signatures cover: object keys sorted (in {@link String#compareTo} order) at every
   * level of a tree, and of maps and beans too, no insignificant whitespace, UTF-8. The same tree always gives the
   * same bytes, so a sidecar may be pretty-printed and still verify.
   */
  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .build();

  private final String algorithm;
  private final String keyId;
  private final byte[] secret;
  private final PrivateKey privateKey;

  private ProvenanceSigner(String algorithm, String keyId, byte[] secret, PrivateKey privateKey) {
    this.algorithm = algorithm;
    this.keyId = Objects.requireNonNull(keyId, "keyId == null");
    this.secret = secret;
    this.privateKey = privateKey;
  }

  /**
   * A signer with a shared secret.
   *
   * @param keyId a name for the key, written into the sidecar so you know which one to verify with
   * @param secret at least 32 bytes
   * @return the signer
   * @throws IllegalArgumentException if the secret is shorter than 32 bytes
   */
  public static ProvenanceSigner hmacSha256(String keyId, byte[] secret) {
    Objects.requireNonNull(secret, "secret == null");
    if (secret.length < 32) throw new IllegalArgumentException("the HMAC secret must have at least 32 bytes");
    return new ProvenanceSigner(HMAC_SHA256, keyId, secret.clone(), null);
  }

  /**
   * A signer with an Ed25519 private key ({@code KeyPairGenerator.getInstance("Ed25519")}).
   *
   * @param keyId a name for the key pair, written into the sidecar
   * @param key the private key
   * @return the signer
   * @throws IllegalArgumentException if the key is not an Ed25519 key
   */
  public static ProvenanceSigner ed25519(String keyId, PrivateKey key) {
    Objects.requireNonNull(key, "key == null");
    try {
      Signature.getInstance(ED25519).initSign(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm(), e);
    }
    return new ProvenanceSigner(ED25519, keyId, null, key);
  }

  /**
   * The canonical bytes of a manifest tree, which signatures cover (the verifier computes them the same way).
   *
   * @param manifest the manifest's JSON tree, keys in any order
   * @return its canonical UTF-8 bytes
   */
  static byte[] canonical(JsonNode manifest) {
    try {
      return CANONICAL.writeValueAsBytes(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /**
   * The conventional sidecar of a media file: {@code master.mp4} gets {@code master.mp4.provenance.json}.
   *
   * @param media the media file
   * @return the sidecar path beside it
   */
  public static Path sidecarFor(Path media) {
    return media.resolveSibling(media.getFileName() + ".provenance.json");
  }

  /**
   * Signs a manifest.
   *
   * @param manifest the manifest
   * @return the sidecar's bytes (UTF-8 JSON)
   */
  public byte[] sign(ProvenanceManifest manifest) {
    ObjectNode m = manifest.toJson();
    byte[] signature = signature(algorithm, secret, privateKey, canonical(m));
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("manifest", m);
    root.putObject("signature").put("algorithm", algorithm).put("keyId", keyId)
        .put("value", Base64.getEncoder().encodeToString(signature));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a manifest could not be written", e);
    }
  }

  /**
   * Signs a manifest and writes the sidecar atomically (temporary file, then move).
   *
   * @param manifest the manifest
   * @param sidecar where to write, usually {@link #sidecarFor(Path)}
   * @throws TransferException if the file cannot be written
   */
  public void writeSidecar(ProvenanceManifest manifest, Path sidecar) {
    try {
      AtomicFiles.write(sidecar, sign(manifest));
    } catch (IOException e) {
      throw new TransferException("cannot write the provenance sidecar " + sidecar + ": " + e.getMessage(),
          ErrorContext.none(), e);
    }
  }

  static byte[] signature(String algorithm, byte[] secret, PrivateKey key, byte[] data) {
    try {
      if (HMAC_SHA256.equals(algorithm)) {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return mac.doFinal(data);
      }
      Signature s = Signature.getInstance(ED25519);
      s.initSign(key);
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot compute " + algorithm, e);
    }
  }

  @Override
  public String toString() {
    return "ProvenanceSigner{" + algorithm + ", keyId=" + keyId + "}";
  }
}
