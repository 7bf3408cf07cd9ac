package dev.videojob.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
  private static final Clock SPEC_TIME = Clock.fixed(Instant.ofEpochSecond(1614265330L), ZoneOffset.UTC);

  @Test
  void signsStandardWebhooksSpecVector() {
    WebhookSigner signer = WebhookSigner.of(SignatureScheme.standardWebhooks(),
        WebhookSecret.standardWebhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), SPEC_TIME);
    Map<String, String> headers = signer.sign("{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8),
        "msg_p5jXN8AQM9LWM0D4loKWxJek");
    assertThat(headers).containsEntry("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        .containsEntry("webhook-timestamp", "1614265330").containsEntry("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek");
  }

  @Test
  void signsPrefixedHexAsVideoPilotComputesIt() {
    String body = "{\"event\":\"render.completed\"}";
    Map<String, String> headers = WebhookSigner.of(SignatureScheme.hmacSha256Hex("X-VideoPilot-Signature", "sha256="),
        "vp-secret").sign(body.getBytes(StandardCharsets.UTF_8));
    assertThat(headers).containsEntry("X-VideoPilot-Signature", ProviderSamples.videoPilotSignature("vp-secret", body));
  }

  @Test
  void signatureFromSignerPassesVerifierWithCurrentTime() {
    SignatureScheme scheme = SignatureScheme.standardWebhooks();
    String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = WebhookSigner.of(scheme, secret).sign(body);
    assertThatCode(() -> WebhookVerifier.builder(scheme).secret(secret).build().verify(body, WebhookHeaders.of(headers)))
        .doesNotThrowAnyException();
  }
}
