package dev.videojob.providers.higgsfield;

import static dev.videojob.providers.support.AdapterHarness.JSON;
import static dev.videojob.providers.support.AdapterHarness.fixtureBytes;
import static dev.videojob.providers.support.AdapterHarness.nodeHmacHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.AssetKind;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookParseException;
import dev.videojob.webhooks.WebhookVerificationException;
import dev.videojob.webhooks.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HiggsfieldWebhookFormatTest {
  static final String SECRET = "whsec_higgs_SECRET";
  static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  final HiggsfieldWebhookFormat format = HiggsfieldWebhookFormat.create();

  /** The guide's handler: HMAC-SHA256 hex of JSON.stringify(req.body), keyed by the webhook secret. */
  static String guideSignature(byte[] body) throws Exception {
    byte[] stringified = JSON.writeValueAsString(JSON.readTree(body)).getBytes(StandardCharsets.UTF_8);
    return nodeHmacHex(SECRET, stringified);
  }

  WebhookVerifier verifier() {
    return WebhookVerifier.builder(format.signatureScheme().orElseThrow()).secret(SECRET).build();
  }

  @Test
  void theGuidesCallbackVerifiesAndParsesToACompletedJobWithAssets() throws Exception {
    byte[] body = fixtureBytes("higgsfield/webhook-complete.json");
    WebhookHeaders headers = WebhookHeaders.of(Map.of("x-api-signature", guideSignature(body)));
    verifier().verify(body, headers);

    WebhookEvent event = format.parse(body, headers, NOW);

    assertThat(event.kind()).isEqualTo(WebhookEvent.Kind.JOB_UPDATE);
    assertThat(event.eventType()).isEqualTo("complete");
    assertThat(event.jobId()).contains("jf-1234");
    assertThat(event.deliveryId()).isEmpty();
    VideoJob job = event.snapshot().orElseThrow();
    assertThat(job.provider()).isEqualTo("higgsfield");
    assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(job.outputs()).extracting(a -> a.kind())
        .containsExactly(AssetKind.MASTER, AssetKind.PROXY, AssetKind.THUMBNAIL);
    assertThat(job.output(AssetKind.MASTER).orElseThrow().url().toString())
        .isEqualTo("https://cdn.example.com/jf-1234/master.mp4");
    assertThat(job.metadata()).containsEntry("campaign_id", "spring_sale_26");
  }

  @Test
  void rejectsACallbackSignedWithAnotherSecret() {
    byte[] body = fixtureBytes("higgsfield/webhook-complete.json");
    WebhookHeaders headers = WebhookHeaders.of(Map.of("x-api-signature", nodeHmacHex("other", body)));

    assertThatThrownBy(() -> verifier().verify(body, headers)).isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void rejectsACallbackWithoutSignature() {
    byte[] body = fixtureBytes("higgsfield/webhook-complete.json");

    assertThatThrownBy(() -> verifier().verify(body, WebhookHeaders.of(Map.of())))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void aFailedCallbackCarriesTheError() {
    byte[] body = "{\"job_id\":\"jf-1234\",\"status\":\"failed\",\"error\":{\"code\":\"render_error\",\"message\":\"GPU fault\"}}"
        .getBytes(StandardCharsets.UTF_8);

    VideoJob job = format.parse(body, WebhookHeaders.of(Map.of()), NOW).snapshot().orElseThrow();

    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(job.error().orElseThrow().code()).isEqualTo("render_error");
    assertThat(job.error().orElseThrow().message()).isEqualTo("GPU fault");
  }

  @Test
  void aSingleAssetUrlBecomesTheMaster() {
    byte[] body = "{\"job_id\":\"jf-9\",\"status\":\"complete\",\"asset_url\":\"https://cdn.example.com/m.mp4\"}"
        .getBytes(StandardCharsets.UTF_8);

    VideoJob job = format.parse(body, WebhookHeaders.of(Map.of()), NOW).snapshot().orElseThrow();

    assertThat(job.output(AssetKind.MASTER).orElseThrow().url().toString()).isEqualTo("https://cdn.example.com/m.mp4");
  }

  @Test
  void anUnknownStatusIsAJobUpdateThatKeepsWaiting() {
    byte[] body = "{\"job_id\":\"jf-1234\",\"status\":\"published\"}".getBytes(StandardCharsets.UTF_8);

    VideoJob job = format.parse(body, WebhookHeaders.of(Map.of()), NOW).snapshot().orElseThrow();

    assertThat(job.status()).isEqualTo(JobStatus.UNKNOWN);
    assertThat(job.rawStatus()).isEqualTo("published");
  }

  @Test
  void aBodyWithoutJobIdIsAParseError() {
    assertThatThrownBy(() -> format.parse("{\"status\":\"complete\"}".getBytes(StandardCharsets.UTF_8),
        WebhookHeaders.of(Map.of()), NOW)).isInstanceOf(WebhookParseException.class);
  }
}
