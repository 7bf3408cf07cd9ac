package dev.videojob.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.webhooks.WebhookVerificationException.Reason;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
  private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long SPEC_TS = 1614265330L;
  private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  private static final Clock AT_SPEC_TIME = Clock.fixed(Instant.ofEpochSecond(SPEC_TS), ZoneOffset.UTC);

  private static final String HEX_SECRET = "hf_webhook_secret_0123456789";
  private static final SignatureScheme HIGGSFIELD = SignatureScheme.hmacSha256Hex("x-api-signature");
  private static final SignatureScheme CREATIVEAI = SignatureScheme.hmacSha256Hex("X-CreativeAI-Signature", "sha256=");
  private static final SignatureScheme VIDEOPILOT = SignatureScheme.hmacSha256Hex("X-VideoPilot-Signature", "sha256=");

  private static WebhookVerifier spec(Clock clock) {
    return WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(SPEC_SECRET).clock(clock).build();
  }

  private static Map<String, String> specHeaders(String signature) {
    return Map.of("webhook-id", SPEC_ID, "webhook-timestamp", Long.toString(SPEC_TS), "webhook-signature", signature);
  }

  private static Reason reasonOf(ThrowingCallable call) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(t).isInstanceOf(WebhookVerificationException.class);
    return ((WebhookVerificationException) t).reason();
  }

  @Test
  void acceptsStandardWebhooksSpecVector() {
    assertThatCode(() -> spec(AT_SPEC_TIME).verify(SPEC_BODY, WebhookHeaders.of(specHeaders(SPEC_SIGNATURE))))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsSpecVectorAmongSeveralSignaturesAndVersions() {
    String header = "v1a,abcdef v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + SPEC_SIGNATURE;
    assertThatCode(() -> spec(AT_SPEC_TIME).verify(SPEC_BODY, WebhookHeaders.of(specHeaders(header))))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsMixedCaseHeaderNames() {
    Map<String, String> headers = Map.of("Webhook-Id", SPEC_ID, "WEBHOOK-TIMESTAMP", Long.toString(SPEC_TS),
        "webhook-Signature", SPEC_SIGNATURE);
    assertThatCode(() -> spec(AT_SPEC_TIME).verify(SPEC_BODY, WebhookHeaders.of(headers))).doesNotThrowAnyException();
  }

  @Test
  void rejectsTamperedBody() {
    byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
    assertThat(reasonOf(() -> spec(AT_SPEC_TIME).verify(tampered, WebhookHeaders.of(specHeaders(SPEC_SIGNATURE)))))
        .isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void rejectsTamperedMessageId() {
    Map<String, String> headers = Map.of("webhook-id", SPEC_ID + "x", "webhook-timestamp", Long.toString(SPEC_TS),
        "webhook-signature", SPEC_SIGNATURE);
    assertThat(reasonOf(() -> spec(AT_SPEC_TIME).verify(SPEC_BODY, WebhookHeaders.of(headers))))
        .isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void rejectsSignatureMadeWithAnotherSecret() {
    WebhookVerifier other = WebhookVerifier.builder(SignatureScheme.standardWebhooks())
        .secret("whsec_" + java.util.Base64.getEncoder().encodeToString("another-secret-key".getBytes(StandardCharsets.UTF_8)))
        .clock(AT_SPEC_TIME).build();
    assertThat(reasonOf(() -> other.verify(SPEC_BODY, WebhookHeaders.of(specHeaders(SPEC_SIGNATURE)))))
        .isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void acceptsSignatureByOldSecretDuringRotation() {
    WebhookVerifier rotating = WebhookVerifier.builder(SignatureScheme.standardWebhooks())
        .secret("whsec_" + java.util.Base64.getEncoder().encodeToString("the-new-secret-key".getBytes(StandardCharsets.UTF_8)))
        .secret(SPEC_SECRET).clock(AT_SPEC_TIME).build();
    assertThatCode(() -> rotating.verify(SPEC_BODY, WebhookHeaders.of(specHeaders(SPEC_SIGNATURE))))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsReplayedTimestampOlderThanTolerance() {
    Clock later = Clock.offset(AT_SPEC_TIME, Duration.ofMinutes(5).plusSeconds(1));
    assertThat(reasonOf(() -> spec(later).verify(SPEC_BODY, WebhookHeaders.of(specHeaders(SPEC_SIGNATURE)))))
        .isEqualTo(Reason.TIMESTAMP_TOO_OLD);
  }

  @Test
  void rejectsTimestampFurtherInTheFutureThanTolerance() {
    Clock earlier = Clock.offset(AT_SPEC_TIME, Duration.ofMinutes(-5).minusSeconds(1));
    assertThat(reasonOf(() -> spec(earlier).verify(SPEC_BODY, WebhookHeaders.of(specHeaders(SPEC_SIGNATURE)))))
        .isEqualTo(Reason.TIMESTAMP_TOO_NEW);
  }

  @Test
  void acceptsTimestampAtTheEdgeOfTolerance() {
    Clock later = Clock.offset(AT_SPEC_TIME, Duration.ofMinutes(5));
    assertThatCode(() -> spec(later).verify(SPEC_BODY, WebhookHeaders.of(specHeaders(SPEC_SIGNATURE))))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsOldTimestampOnlyWhenCheckIsExplicitlyDisabled() {
    WebhookVerifier backfill = WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(SPEC_SECRET)
        .disableTimestampCheck().build();
    assertThatCode(() -> backfill.verify(SPEC_BODY, WebhookHeaders.of(specHeaders(SPEC_SIGNATURE))))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesZeroToleranceAsAWayToDisableTheCheck() {
    assertThatThrownBy(() -> WebhookVerifier.builder(SignatureScheme.standardWebhooks()).timestampTolerance(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disableTimestampCheck");
  }

  @Test
  void rejectsMissingSignatureHeader() {
    Map<String, String> headers = Map.of("webhook-id", SPEC_ID, "webhook-timestamp", Long.toString(SPEC_TS));
    assertThat(reasonOf(() -> spec(AT_SPEC_TIME).verify(SPEC_BODY, WebhookHeaders.of(headers))))
        .isEqualTo(Reason.MISSING_HEADER);
  }

  @Test
  void rejectsNonNumericTimestamp() {
    Map<String, String> headers = Map.of("webhook-id", SPEC_ID, "webhook-timestamp", "yesterday",
        "webhook-signature", SPEC_SIGNATURE);
    assertThat(reasonOf(() -> spec(AT_SPEC_TIME).verify(SPEC_BODY, WebhookHeaders.of(headers))))
        .isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void rejectsSignatureHeaderWithoutV1Entry() {
    assertThat(reasonOf(() -> spec(AT_SPEC_TIME).verify(SPEC_BODY, WebhookHeaders.of(specHeaders("v2,abc")))))
        .isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void rejectsOversizedBodyBeforeLookingAtHeaders() {
    WebhookVerifier small = WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret(SPEC_SECRET)
        .maxBodyBytes(10).build();
    assertThat(reasonOf(() -> small.verify(SPEC_BODY, WebhookHeaders.of(Map.of())))).isEqualTo(Reason.BODY_TOO_LARGE);
  }

  @Test
  void rejectsOversizedStreamWithoutReadingItAll() {
    WebhookVerifier small = WebhookVerifier.builder(HIGGSFIELD).secret(HEX_SECRET).maxBodyBytes(1024).build();
    ByteArrayInputStream in = new ByteArrayInputStream(new byte[1024 * 1024]);
    assertThat(reasonOf(() -> small.verify(in, WebhookHeaders.of(Map.of())))).isEqualTo(Reason.BODY_TOO_LARGE);
    assertThat(in.available()).isGreaterThan(1024 * 1000);
  }

  @Test
  void rejectsEmptySecretAtConstruction() {
    assertThat(reasonOf(() -> WebhookVerifier.builder(CREATIVEAI).secret(""))).isEqualTo(Reason.INVALID_SECRET);
  }

  @Test
  void rejectsStandardWebhooksSecretThatIsNotBase64() {
    assertThat(reasonOf(() -> WebhookVerifier.builder(SignatureScheme.standardWebhooks()).secret("whsec_not*base64!")))
        .isEqualTo(Reason.INVALID_SECRET);
  }

  @Test
  void rejectsVerifierWithoutSecret() {
    assertThat(reasonOf(() -> WebhookVerifier.builder(CREATIVEAI).build())).isEqualTo(Reason.INVALID_SECRET);
  }

  @Test
  void acceptsHiggsfieldSignatureAsItsGuideComputesIt() {
    String body = "{\"job_id\":\"jf-1234\",\"status\":\"completed\",\"assets\":[{\"type\":\"master\",\"url\":\"https://cdn.example/m.mp4\"}]}";
    Map<String, String> headers = Map.of("x-api-signature", ProviderSamples.higgsfieldSignature(HEX_SECRET, body));
    WebhookVerifier v = WebhookVerifier.builder(HIGGSFIELD).secret(HEX_SECRET).build();
    assertThatCode(() -> v.verify(body.getBytes(StandardCharsets.UTF_8), WebhookHeaders.of(headers)))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsVidBuilderOptionalSignatureAsItsDocumentComputesIt() {
    String body = "{\"jobId\":\"abc123def456\",\"status\":\"completed\",\"videoUrl\":\"/api/download/abc123def456\"}";
    String secret = "vidbuilder-secret-key";
    Map<String, String> headers = Map.of("x-webhook-signature", ProviderSamples.higgsfieldSignature(secret, body));
    WebhookVerifier v = WebhookVerifier.builder(SignatureScheme.hmacSha256Hex("x-webhook-signature")).secret(secret).build();
    assertThatCode(() -> v.verify(body.getBytes(StandardCharsets.UTF_8), WebhookHeaders.of(headers)))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsCreativeAiSignatureAsItsSampleComputesIt() {
    byte[] body = ("{\"id\":\"vgen_abc123\",\"object\":\"video.generation\",\"status\":\"completed\","
        + "\"output_url\":\"https://cdn.creativeai.run/output/video-abc123.mp4\"}").getBytes(StandardCharsets.UTF_8);
    String apiKey = "sk_live_creativeai_key";
    Map<String, String> headers = Map.of("X-CreativeAI-Signature", ProviderSamples.creativeAiSignature(apiKey, body));
    assertThatCode(() -> WebhookVerifier.builder(CREATIVEAI).secret(apiKey).build().verify(body, WebhookHeaders.of(headers)))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsVideoPilotSignatureOverCrlfAndMultiByteUtf8Body() {
    String payload = "{\r\n  \"event\": \"render.completed\",\r\n  \"data\": {\"title\": \"Découverte spatiale 🚀 宇宙\"}\r\n}";
    String secret = "vp_whsec_ünïcode_secret";
    Map<String, String> headers = Map.of("x-videopilot-signature", ProviderSamples.videoPilotSignature(secret, payload));
    assertThatCode(() -> WebhookVerifier.builder(VIDEOPILOT).secret(secret).build()
        .verify(payload.getBytes(StandardCharsets.UTF_8), WebhookHeaders.of(headers))).doesNotThrowAnyException();
  }

  @Test
  void rejectsVideoPilotBodyWhoseLineEndingsWereNormalised() {
    String payload = "{\r\n  \"event\": \"render.completed\"\r\n}";
    String secret = "vp_secret_value";
    Map<String, String> headers = Map.of("X-VideoPilot-Signature", ProviderSamples.videoPilotSignature(secret, payload));
    byte[] normalised = payload.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(reasonOf(() -> WebhookVerifier.builder(VIDEOPILOT).secret(secret).build()
        .verify(normalised, WebhookHeaders.of(headers)))).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void acceptsUpperCaseHexAndPrefix() {
    byte[] body = "{\"id\":\"vgen_1\"}".getBytes(StandardCharsets.UTF_8);
    String sig = ProviderSamples.creativeAiSignature("key-1", body).toUpperCase(java.util.Locale.ROOT);
    assertThatCode(() -> WebhookVerifier.builder(CREATIVEAI).secret("key-1").build()
        .verify(body, WebhookHeaders.of(Map.of("x-creativeai-signature", sig)))).doesNotThrowAnyException();
  }

  @Test
  void rejectsHexSignatureWithoutRequiredPrefix() {
    byte[] body = "{\"id\":\"vgen_1\"}".getBytes(StandardCharsets.UTF_8);
    String bare = ProviderSamples.nodeHmacHex("key-1", body);
    assertThat(reasonOf(() -> WebhookVerifier.builder(CREATIVEAI).secret("key-1").build()
        .verify(body, WebhookHeaders.of(Map.of("X-CreativeAI-Signature", bare))))).isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void acceptsOneMatchingHexSignatureAmongSeveralHeaderValues() {
    byte[] body = "{\"id\":\"vgen_1\"}".getBytes(StandardCharsets.UTF_8);
    String good = ProviderSamples.creativeAiSignature("key-1", body);
    String bad = ProviderSamples.creativeAiSignature("key-0", body);
    WebhookHeaders headers = WebhookHeaders.ofMulti(Map.of("X-CreativeAI-Signature", java.util.List.of(bad, good)));
    assertThatCode(() -> WebhookVerifier.builder(CREATIVEAI).secret("key-1").build().verify(body, headers))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsMissingHexSignatureHeader() {
    assertThat(reasonOf(() -> WebhookVerifier.builder(HIGGSFIELD).secret(HEX_SECRET).build()
        .verify(new byte[] {'{', '}'}, WebhookHeaders.of(Map.of())))).isEqualTo(Reason.MISSING_HEADER);
  }

  @Test
  void messagesNeverContainSecretOrSignatures() {
    byte[] body = "{\"id\":\"vgen_1\"}".getBytes(StandardCharsets.UTF_8);
    String received = ProviderSamples.creativeAiSignature("wrong-key", body);
    String expected = ProviderSamples.creativeAiSignature("right-key", body);
    WebhookVerifier v = WebhookVerifier.builder(CREATIVEAI).secret("right-key").build();
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(
        () -> v.verify(body, WebhookHeaders.of(Map.of("X-CreativeAI-Signature", received))));
    assertThat(t).hasMessageNotContaining("right-key").hasMessageNotContaining(received.substring(7))
        .hasMessageNotContaining(expected.substring(7));
    assertThat(v.toString()).doesNotContain("right-key");
  }

  @Test
  void acceptsAHexSignatureAmongOthersSeparatedByCommasTabsAndLineBreaks() {
    byte[] body = "{\"id\":\"vgen_1\"}".getBytes(StandardCharsets.UTF_8);
    String good = ProviderSamples.creativeAiSignature("key-1", body);
    String bad = ProviderSamples.creativeAiSignature("key-0", body);
    WebhookVerifier v = WebhookVerifier.builder(CREATIVEAI).secret("key-1").build();
    for (String header : new String[] {bad + "," + good, " " + bad + " ,\t" + good + "\r\n", ",," + good + ",",
        bad + "\u000B\f" + good}) {
      assertThatCode(() -> v.verify(body, WebhookHeaders.of(Map.of("X-CreativeAI-Signature", header))))
          .as(header).doesNotThrowAnyException();
    }
  }

  @Test
  void rejectsAHexSignatureJoinedToOtherTextByACharacterThatSeparatesNothing() {
    byte[] body = "{\"id\":\"vgen_1\"}".getBytes(StandardCharsets.UTF_8);
    String good = ProviderSamples.creativeAiSignature("key-1", body);
    WebhookVerifier v = WebhookVerifier.builder(CREATIVEAI).secret("key-1").build();
    for (String header : new String[] {good + ";x", good + "\u2028x", good + "0", "x" + good}) {
      assertThat(reasonOf(() -> v.verify(body, WebhookHeaders.of(Map.of("X-CreativeAI-Signature", header)))))
          .as(header).isEqualTo(Reason.MALFORMED_HEADER);
    }
  }

  @Test
  void acceptsAStandardSignatureAmongEntriesSeparatedByTabsAndLineBreaks() {
    for (String header : new String[] {"\t" + SPEC_SIGNATURE + "\r\n", "v1,xx\t\t" + SPEC_SIGNATURE,
        "v2," + SPEC_SIGNATURE.substring(3) + "\n" + SPEC_SIGNATURE}) {
      assertThatCode(() -> spec(AT_SPEC_TIME).verify(SPEC_BODY, WebhookHeaders.of(specHeaders(header))))
          .as(header).doesNotThrowAnyException();
    }
    assertThat(reasonOf(() -> spec(AT_SPEC_TIME).verify(SPEC_BODY,
        WebhookHeaders.of(specHeaders("v1," + SPEC_SIGNATURE))))).isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void secretMacEqualsAFreshHmacSha256OnEveryThreadAtOnce() throws Exception {
    WebhookSecret secret = WebhookSecret.of("key-1");
    javax.crypto.Mac reference = javax.crypto.Mac.getInstance("HmacSHA256");
    reference.init(new javax.crypto.spec.SecretKeySpec("key-1".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[][] bodies = new byte[64][];
    byte[][] expected = new byte[64][];
    for (int i = 0; i < bodies.length; i++) {
      bodies[i] = ("{\"n\":" + i + "}").repeat(i + 1).getBytes(StandardCharsets.UTF_8);
      expected[i] = reference.doFinal(bodies[i]);
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(pool.submit(() -> {
          for (int round = 0; round < 200; round++) {
            for (int i = 0; i < bodies.length; i++) {
              if (!java.util.Arrays.equals(secret.hmacSha256(bodies[i]), expected[i])) return false;
            }
          }
          return true;
        }));
      }
      for (java.util.concurrent.Future<Boolean> r : runs) assertThat(r.get()).isTrue();
    } finally {
      pool.shutdownNow();
    }
    byte[] split = secret.hmacSha256("{\"n\":".getBytes(StandardCharsets.UTF_8), "0}".getBytes(StandardCharsets.UTF_8));
    assertThat(split).isEqualTo(expected[0]);
  }

  @Test
  void secretToStringNeverShowsKey() {
    assertThat(WebhookSecret.of("super-secret-value").toString()).doesNotContain("super-secret-value");
  }
}
