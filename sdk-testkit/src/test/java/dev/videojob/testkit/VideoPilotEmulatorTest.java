package dev.videojob.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.AssetKind;
import dev.videojob.core.InMemoryIdempotencyStore;
import dev.videojob.core.JobFailedException;
import dev.videojob.core.JobStatus;
import dev.videojob.core.RetrySettings;
import dev.videojob.core.SubJob;
import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.WaitSettings;
import dev.videojob.providers.videopilot.VideoPilot;
import dev.videojob.providers.videopilot.VideoPilotWebhookFormat;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookPipeline;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The VideoPilot emulator, driven by the real adapter through VideoClient, over loopback. */
class VideoPilotEmulatorTest {
  private final VideoPilotEmulator emulator = VideoPilotEmulator.builder().phaseDuration(Duration.ofMillis(40)).build();
  private final VideoClient client = VideoClient.builder()
      .provider(VideoPilot.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl().toString()).build())
      .waitSettings(WaitSettings.builder().initialInterval(Duration.ofMillis(50)).maxInterval(Duration.ofMillis(200)).build())
      .retry(RetrySettings.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50)).build())
      .build();

  @AfterEach
  void close() {
    client.close();
    emulator.close();
  }

  @Test
  void draftScenesAndRenderRunToACompletedMp4() throws Exception {
    VideoJob job = client.submit(VideoRequest.builder().prompt("a journey through space").quality("high").build());
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(job.subJobs()).extracting(SubJob::role).containsExactly("scene", "scene", "scene", "render");

    VideoJob done = client.await(job.ref(), Duration.ofSeconds(20));

    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(done.output(AssetKind.MASTER)).hasValueSatisfying(a -> {
      assertThat(a.sizeBytes()).isPresent();
      assertThat(a.duration()).contains(Duration.ofSeconds(2));
    });
    assertThat(HiggsfieldEmulatorTest.ftyp(done.output(AssetKind.MASTER).orElseThrow().url())).isEqualTo("ftyp");
  }

  @Test
  void theFourSignedEventsAreVerifiedAndRenderCompletedFinishesTheWait() throws Exception {
    List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    try (WebhookPipeline pipeline = WebhookPipeline.builder(VideoPilotWebhookFormat.create()).secret(emulator.webhookSecret())
            .idempotencyStore(InMemoryIdempotencyStore.builder().build()).handler(handled::add)
            .onVerifiedSnapshot(client::acceptSnapshot).build();
        LoopbackWebhookReceiver receiver = LoopbackWebhookReceiver.start(pipeline)) {
      VideoJob job = client.submit(VideoRequest.builder().prompt("a journey through space")
          .callbackUrl(receiver.callbackUrl()).build());

      VideoJob done = client.await(job.ref(), Duration.ofSeconds(20));

      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      long end = System.currentTimeMillis() + 10_000;
      while ((handled.size() < 4 || emulator.webhooksDelivered() < 4) && System.currentTimeMillis() < end) Thread.sleep(20);
      assertThat(handled).extracting(WebhookEvent::eventType).containsExactlyInAnyOrder("video.script_ready",
          "video.media_ready", "render.started", "render.completed");
      assertThat(handled).filteredOn(e -> e.eventType().equals("render.completed")).singleElement()
          .satisfies(e -> assertThat(e.jobId()).contains(job.id()));
    }
  }

  @Test
  void eventsSignedWithAnotherSecretAreRefused() throws Exception {
    List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    try (WebhookPipeline pipeline = WebhookPipeline.builder(VideoPilotWebhookFormat.create()).secret("another-secret")
            .idempotencyStore(InMemoryIdempotencyStore.builder().build()).handler(handled::add).build();
        LoopbackWebhookReceiver receiver = LoopbackWebhookReceiver.start(pipeline)) {
      VideoJob job = client.submit(VideoRequest.builder().prompt("space").callbackUrl(receiver.callbackUrl()).build());

      client.await(job.ref(), Duration.ofSeconds(20));
      Thread.sleep(300);

      assertThat(handled).isEmpty();
      assertThat(emulator.webhooksDelivered()).isZero();
    }
  }

  @Test
  void aFailingRenderEndsTheWaitWithTheProvidersError() {
    VideoJob job = client.submit(VideoRequest.builder().prompt("space " + VideoPilotEmulator.FAILURE_TRIGGER).build());

    assertThatThrownBy(() -> client.await(job.ref(), Duration.ofSeconds(20)))
        .isInstanceOfSatisfying(JobFailedException.class, e -> {
          assertThat(e.job().status()).isEqualTo(JobStatus.FAILED);
          assertThat(e.job().error()).hasValueSatisfying(err -> assertThat(err.message()).contains("Rendering timeout"));
        });
  }

  @Test
  void refusedDraftCreatesAreRetried() {
    emulator.failNextSubmissions(1, 429);
    emulator.failNextSubmissions(1, 503);

    VideoJob job = client.submit(VideoRequest.builder().prompt("space").build());

    assertThat(job.id()).startsWith("video_emu").contains("~render_emu");
    assertThat(emulator.requestCount()).isEqualTo(5);
  }
}
