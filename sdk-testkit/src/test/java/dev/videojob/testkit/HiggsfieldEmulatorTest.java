package dev.videojob.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.AssetKind;
import dev.videojob.core.AuthenticationException;
import dev.videojob.core.ErrorCategory;
import dev.videojob.core.InMemoryIdempotencyStore;
import dev.videojob.core.JobFailedException;
import dev.videojob.core.JobStatus;
import dev.videojob.core.RetrySettings;
import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.WaitSettings;
import dev.videojob.providers.higgsfield.Higgsfield;
import dev.videojob.providers.higgsfield.HiggsfieldWebhookFormat;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookPipeline;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Higgsfield emulator, driven by the real adapter through VideoClient, over loopback. */
class HiggsfieldEmulatorTest {
  private final HiggsfieldEmulator emulator = HiggsfieldEmulator.builder().phaseDuration(Duration.ofMillis(40)).build();
  private final VideoClient client = VideoClient.builder()
      .provider(Higgsfield.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl().toString()).build())
      .waitSettings(WaitSettings.builder().initialInterval(Duration.ofMillis(50)).maxInterval(Duration.ofMillis(200)).build())
      .retry(RetrySettings.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50)).build())
      .build();

  @AfterEach
  void close() {
    client.close();
    emulator.close();
  }

  @Test
  void aJobRunsToCompleteWithMasterAndProxyMp4sAndItsMetadata() throws Exception {
    VideoJob job = client.submit(VideoRequest.builder().prompt("30s promo, upbeat").metadata("campaign_id", "spring")
        .build());
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);

    VideoJob done = client.await(job.ref(), Duration.ofSeconds(20));

    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(done.rawStatus()).isEqualTo("complete");
    assertThat(done.metadata()).containsEntry("campaign_id", "spring");
    assertThat(done.output(AssetKind.PROXY)).isPresent();
    assertThat(ftyp(done.output(AssetKind.MASTER).orElseThrow().url())).isEqualTo("ftyp");
  }

  @Test
  void theSignedWebhookIsVerifiedAndFinishesTheWait() throws Exception {
    List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    try (WebhookPipeline pipeline = WebhookPipeline.builder(HiggsfieldWebhookFormat.create()).secret(emulator.webhookSecret())
            .idempotencyStore(InMemoryIdempotencyStore.builder().build()).handler(handled::add)
            .onVerifiedSnapshot(client::acceptSnapshot).build();
        LoopbackWebhookReceiver receiver = LoopbackWebhookReceiver.start(pipeline)) {
      VideoJob job = client.submit(VideoRequest.builder().prompt("a lighthouse at dawn")
          .callbackUrl(receiver.callbackUrl()).build());

      VideoJob done = client.await(job.ref(), Duration.ofSeconds(20));

      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      long end = System.currentTimeMillis() + 10_000;
      while ((handled.isEmpty() || emulator.webhooksDelivered() == 0) && System.currentTimeMillis() < end) Thread.sleep(20);
      assertThat(handled).singleElement().satisfies(e -> {
        assertThat(e.jobId()).contains(job.id());
        assertThat(e.snapshot().orElseThrow().output(AssetKind.MASTER)).isPresent();
      });
      assertThat(emulator.webhooksDelivered()).isEqualTo(1);
    }
  }

  @Test
  void aWebhookSignedWithAnotherSecretIsRefused() throws Exception {
    List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    try (WebhookPipeline pipeline = WebhookPipeline.builder(HiggsfieldWebhookFormat.create()).secret("not-the-emulators")
            .idempotencyStore(InMemoryIdempotencyStore.builder().build()).handler(handled::add).build();
        LoopbackWebhookReceiver receiver = LoopbackWebhookReceiver.start(pipeline)) {
      VideoJob job = client.submit(VideoRequest.builder().prompt("a lighthouse").callbackUrl(receiver.callbackUrl()).build());

      client.await(job.ref(), Duration.ofSeconds(20));
      Thread.sleep(300);

      assertThat(handled).isEmpty();
      assertThat(emulator.webhooksDelivered()).isZero();
    }
  }

  @Test
  void aModerationRefusalEndsTheWaitWithAModerationError() {
    VideoJob job = client.submit(VideoRequest.builder().prompt("something " + HiggsfieldEmulator.MODERATION_TRIGGER).build());

    assertThatThrownBy(() -> client.await(job.ref(), Duration.ofSeconds(20)))
        .isInstanceOfSatisfying(JobFailedException.class, e -> {
          assertThat(e.job().status()).isEqualTo(JobStatus.FAILED);
          assertThat(e.job().rawStatus()).isEqualTo("nsfw");
          assertThat(e.job().error()).hasValueSatisfying(err -> assertThat(err.category()).isEqualTo(ErrorCategory.MODERATION));
        });
  }

  @Test
  void submissionsRefusedWith429Or503AreRetried() {
    emulator.failNextSubmissions(1, 429);
    emulator.failNextSubmissions(1, 503);

    VideoJob job = client.submit(VideoRequest.builder().prompt("a lighthouse at dawn").build());

    assertThat(job.id()).startsWith("hf-emu-");
    assertThat(emulator.requestCount()).isEqualTo(3);
  }

  @Test
  void aWrongApiKeyIsRefused() {
    try (VideoClient other = VideoClient.builder()
        .provider(Higgsfield.builder().apiKey("wrong").baseUrl(emulator.baseUrl().toString()).build()).build()) {
      assertThatThrownBy(() -> other.submit(VideoRequest.builder().prompt("x").build()))
          .isInstanceOf(AuthenticationException.class);
    }
  }

  static String ftyp(URI url) throws Exception {
    try (Response r = new OkHttpClient().newCall(new Request.Builder().url(url.toString()).build()).execute()) {
      byte[] mp4 = r.body().bytes();
      return new String(mp4, 4, 4, StandardCharsets.US_ASCII);
    }
  }
}
