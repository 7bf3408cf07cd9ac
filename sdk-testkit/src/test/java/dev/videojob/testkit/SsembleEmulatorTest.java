package dev.videojob.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.InMemoryIdempotencyStore;
import dev.videojob.core.JobFailedException;
import dev.videojob.core.JobStatus;
import dev.videojob.core.RetrySettings;
import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.WaitSettings;
import dev.videojob.providers.ssemble.Ssemble;
import dev.videojob.providers.ssemble.SsembleOptions;
import dev.videojob.webhooks.CallbackTokens;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookPipeline;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ssemble emulator, driven by the real adapter through VideoClient, over loopback. */
class SsembleEmulatorTest {
  private final SsembleEmulator emulator = SsembleEmulator.builder().phaseDuration(Duration.ofMillis(40)).build();
  private final CallbackTokens tokens = CallbackTokens.withSecret(CallbackTokens.generateSecret());
  private final Ssemble ssemble = Ssemble.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl().toString())
      .callbackTokens(tokens).build();
  private final VideoClient client = VideoClient.builder().provider(ssemble)
      .waitSettings(WaitSettings.builder().initialInterval(Duration.ofMillis(50)).maxInterval(Duration.ofMillis(200)).build())
      .retry(RetrySettings.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50)).build())
      .build();

  @AfterEach
  void close() {
    client.close();
    emulator.close();
  }

  private static VideoRequest.Builder clip(String source) {
    return VideoRequest.builder().extension(SsembleOptions.builder().url(URI.create(source))
        .window(Duration.ZERO, Duration.ofMinutes(10)).build());
  }

  @Test
  void aRequestRunsThroughTheStepsToThreeScoredShorts() throws Exception {
    VideoJob job = client.submit(clip("https://www.youtube.com/watch?v=talk").build());
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);

    VideoJob done = client.await(job.ref(), Duration.ofSeconds(20));

    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    List<Asset> shorts = shorts(done);
    assertThat(shorts).hasSize(3).allSatisfy(s -> {
      assertThat(s.title()).isPresent();
      assertThat(s.duration()).contains(Duration.ofSeconds(2));
      assertThat(s.score()).isPresent();
    });
    assertThat(HiggsfieldEmulatorTest.ftyp(shorts.get(0).url())).isEqualTo("ftyp");
  }

  @Test
  void pollingSeesTheDocumentedStepsWithProgress() throws Exception {
    VideoJob job = client.submit(clip("https://www.youtube.com/watch?v=talk").build());
    List<String> steps = new CopyOnWriteArrayList<>();
    long end = System.currentTimeMillis() + 10_000;
    VideoJob seen = job;
    while (!seen.status().isTerminal() && System.currentTimeMillis() < end) {
      seen = client.status(job.ref());
      if (seen.status() == JobStatus.RUNNING) {
        assertThat(seen.progress()).isPresent();
        seen.phase().filter(p -> !steps.contains(p)).ifPresent(steps::add);
      }
      Thread.sleep(10);
    }

    assertThat(steps).isNotEmpty().isSubsetOf("fetching_video", "transcribing_audio", "finding_highlights", "finalizing");
    assertThat(seen.status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void theUnsignedWebhookIsCheckedByItsTokenConfirmedAndFinishesTheWait() throws Exception {
    List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    try (WebhookPipeline pipeline = WebhookPipeline.builder(ssemble.webhookFormat()).callbackTokens(tokens)
            .idempotencyStore(InMemoryIdempotencyStore.builder().build()).handler(handled::add)
            .statusConfirmer(Ssemble.statusConfirmer(client))
            .onVerifiedSnapshot(client::acceptSnapshot).build();
        LoopbackWebhookReceiver receiver = LoopbackWebhookReceiver.start(pipeline)) {
      VideoJob job = client.submit(clip("https://www.youtube.com/watch?v=talk")
          .callbackUrl(emulator.callbackUrl(receiver.callbackUrl())).build());

      VideoJob done = client.await(job.ref(), Duration.ofSeconds(20));

      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      long end = System.currentTimeMillis() + 10_000;
      while ((handled.isEmpty() || emulator.webhooksDelivered() == 0) && System.currentTimeMillis() < end) Thread.sleep(20);
      assertThat(handled).singleElement().satisfies(e -> {
        assertThat(e.jobId()).contains(job.id());
        assertThat(shorts(e.snapshot().orElseThrow())).hasSize(3);
      });
      assertThat(emulator.webhooksDelivered()).isEqualTo(1);
    }
  }

  @Test
  void aWebhookWithoutTheCallbackTokenIsRefused() throws Exception {
    List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    Ssemble untokened = Ssemble.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl().toString()).build();
    try (VideoClient other = VideoClient.builder().provider(untokened)
            .waitSettings(WaitSettings.builder().initialInterval(Duration.ofMillis(50)).build()).build();
        WebhookPipeline pipeline = WebhookPipeline.builder(ssemble.webhookFormat()).callbackTokens(tokens)
            .idempotencyStore(InMemoryIdempotencyStore.builder().build()).handler(handled::add).build();
        LoopbackWebhookReceiver receiver = LoopbackWebhookReceiver.start(pipeline)) {
      VideoJob job = other.submit(clip("https://www.youtube.com/watch?v=talk")
          .callbackUrl(emulator.callbackUrl(receiver.callbackUrl())).build());

      other.await(job.ref(), Duration.ofSeconds(20));
      Thread.sleep(300);

      assertThat(handled).isEmpty();
      assertThat(emulator.webhooksDelivered()).isZero();
    }
  }

  @Test
  void aPrivateSourceFailsWhileFetchingTheVideo() {
    VideoJob job = client.submit(clip("https://www.youtube.com/watch?v=" + SsembleEmulator.FAILURE_TRIGGER).build());

    assertThatThrownBy(() -> client.await(job.ref(), Duration.ofSeconds(20)))
        .isInstanceOfSatisfying(JobFailedException.class, e -> {
          assertThat(e.job().status()).isEqualTo(JobStatus.FAILED);
          assertThat(e.job().error()).hasValueSatisfying(err -> {
            assertThat(err.message()).contains("private or unavailable");
            assertThat(err.failedStep()).isEqualTo("fetching_video");
          });
        });
  }

  @Test
  void rateLimitedAndUnavailableCreatesAreRetriedAndTheLimitsAreRemembered() {
    emulator.failNextSubmissions(1, 429);
    emulator.failNextSubmissions(1, 503);

    VideoJob job = client.submit(clip("https://www.youtube.com/watch?v=talk").build());

    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(emulator.requestCount()).isEqualTo(3);
    assertThat(ssemble.lastRateLimit()).isPresent();
  }

  private static List<Asset> shorts(VideoJob job) {
    return job.outputs().stream().filter(a -> a.kind() == AssetKind.SHORT).toList();
  }
}
