package dev.videojob.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.AssetKind;
import dev.videojob.core.AuthenticationException;
import dev.videojob.core.InMemoryIdempotencyStore;
import dev.videojob.core.JobFailedException;
import dev.videojob.core.JobStatus;
import dev.videojob.core.RetrySettings;
import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.WaitSettings;
import dev.videojob.providers.creativeai.CreativeAi;
import dev.videojob.providers.creativeai.CreativeAiWebhookFormat;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookPipeline;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulator, driven by the real CreativeAI adapter through VideoClient, over loopback. */
class CreativeAiEmulatorTest {
  private final CreativeAiEmulator emulator = CreativeAiEmulator.builder().phaseDuration(Duration.ofMillis(40)).build();
  private final VideoClient client = VideoClient.builder()
      .provider(CreativeAi.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl().toString()).build())
      .waitSettings(WaitSettings.builder().initialInterval(Duration.ofMillis(50)).maxInterval(Duration.ofMillis(200)).build())
      .retry(RetrySettings.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50)).build())
      .build();

  @AfterEach
  void close() {
    client.close();
    emulator.close();
  }

  @Test
  void aJobRunsThroughTheDocumentedPhasesToARealMp4() throws Exception {
    VideoJob job = client.submit(VideoRequest.builder().prompt("a lighthouse at dawn").build());
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);

    VideoJob done = client.await(job.ref(), Duration.ofSeconds(20));

    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    URI master = done.output(AssetKind.MASTER).orElseThrow().url();
    try (Response r = new OkHttpClient().newCall(new Request.Builder().url(master.toString()).build()).execute()) {
      byte[] mp4 = r.body().bytes();
      assertThat(new String(mp4, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }
  }

  @Test
  void theSignedWebhookIsVerifiedAndFinishesTheWait() throws Exception {
    List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    try (WebhookPipeline pipeline = WebhookPipeline.builder(CreativeAiWebhookFormat.create()).secret(emulator.apiKey())
            .idempotencyStore(InMemoryIdempotencyStore.builder().build()).handler(handled::add)
            .onVerifiedSnapshot(client::acceptSnapshot).build();
        LoopbackWebhookReceiver receiver = LoopbackWebhookReceiver.start(pipeline)) {
      VideoJob job = client.submit(VideoRequest.builder().prompt("a lighthouse at dawn")
          .callbackUrl(receiver.callbackUrl()).build());

      VideoJob done = client.await(job.ref(), Duration.ofSeconds(20));

      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      long end = System.currentTimeMillis() + 10_000;
      // The pipeline answers before its handler runs, and the emulator counts after reading the answer.
      while ((handled.isEmpty() || emulator.webhooksDelivered() == 0) && System.currentTimeMillis() < end) Thread.sleep(20);
      assertThat(handled).singleElement().satisfies(e -> assertThat(e.jobId()).contains(job.id()));
      assertThat(emulator.webhooksDelivered()).isEqualTo(1);
    }
  }

  @Test
  void aModerationRefusalEndsTheWaitWithTheProvidersError() {
    VideoJob job = client.submit(VideoRequest.builder().prompt("something " + CreativeAiEmulator.MODERATION_TRIGGER).build());

    assertThatThrownBy(() -> client.await(job.ref(), Duration.ofSeconds(20)))
        .isInstanceOfSatisfying(JobFailedException.class, e -> {
          assertThat(e.job().status()).isEqualTo(JobStatus.FAILED);
          assertThat(e.job().error()).hasValueSatisfying(err -> assertThat(err.message()).contains("moderation"));
        });
  }

  @Test
  void submissionsRefusedAtCapacityAreRetried() {
    emulator.failNextSubmissions(2, 503);

    VideoJob job = client.submit(VideoRequest.builder().prompt("a lighthouse at dawn").build());

    assertThat(job.id()).startsWith("vgen_emu");
    assertThat(emulator.requestCount()).isEqualTo(3);
  }

  @Test
  void aWrongApiKeyIsRefused() {
    try (VideoClient other = VideoClient.builder()
        .provider(CreativeAi.builder().apiKey("wrong").baseUrl(emulator.baseUrl().toString()).build()).build()) {
      assertThatThrownBy(() -> other.submit(VideoRequest.builder().prompt("x").build()))
          .isInstanceOf(AuthenticationException.class).hasMessageContaining("Invalid API key");
    }
  }

}
