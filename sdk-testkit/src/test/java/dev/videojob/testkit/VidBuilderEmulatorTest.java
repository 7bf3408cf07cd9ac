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
import dev.videojob.providers.vidbuilder.VidBuilder;
import dev.videojob.providers.vidbuilder.VidBuilderOptions;
import dev.videojob.providers.vidbuilder.VidBuilderScene;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookPipeline;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The VidBuilder emulator, driven by the real adapter through VideoClient, over loopback. */
class VidBuilderEmulatorTest {
  private static final URI UNUSED_CALLBACK = URI.create("https://app.example.com/webhooks/vidbuilder");

  private final VidBuilderEmulator emulator = VidBuilderEmulator.builder().phaseDuration(Duration.ofMillis(40)).build();
  private final VidBuilder vidBuilder = adapter(emulator);
  private final VideoClient client = client(vidBuilder);

  @AfterEach
  void close() {
    client.close();
    emulator.close();
  }

  private static VidBuilder adapter(VidBuilderEmulator e) {
    return VidBuilder.builder().basicAuth(e.username(), e.password()).baseUrl(e.baseUrl().toString()).build();
  }

  private static VideoClient client(VidBuilder provider) {
    return VideoClient.builder().provider(provider)
        .waitSettings(WaitSettings.builder().initialInterval(Duration.ofMillis(50)).maxInterval(Duration.ofMillis(200)).build())
        .retry(RetrySettings.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50)).build())
        .build();
  }

  private static VideoRequest.Builder scenes(String title) {
    return VideoRequest.builder().extension(VidBuilderOptions.builder().theme("corporate")
        .addScene(VidBuilderScene.of("hero-title", 4, Map.of("title", title))).build());
  }

  @Test
  void aJobRunsToCompletedWithASignedUrlAndADownloadThatNeedsTheCredentials() throws Exception {
    VideoJob job = client.submit(scenes("Welcome").callbackUrl(UNUSED_CALLBACK).build());
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);

    VideoJob done = client.await(job.ref(), Duration.ofSeconds(20));

    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    List<Asset> masters = done.outputs().stream().filter(a -> a.kind() == AssetKind.MASTER).toList();
    Asset download = masters.stream().filter(Asset::needsAuth).findFirst().orElseThrow();
    Asset signed = masters.stream().filter(a -> !a.needsAuth()).findFirst().orElseThrow();
    assertThat(download.url().getPath()).isEqualTo("/api/download/" + job.id());
    assertThat(signed.expiresAt()).isPresent();
    assertThat(get(signed.url(), null)).isEqualTo(200);
    assertThat(get(download.url(), Credentials.basic(emulator.username(), emulator.password()))).isEqualTo(200);
  }

  @Test
  void theDownloadUrlWithoutCredentialsIsRefusedWith401() throws Exception {
    VideoJob done = client.await(client.submit(scenes("Welcome").callbackUrl(UNUSED_CALLBACK).build()).ref(),
        Duration.ofSeconds(20));
    Asset download = done.outputs().stream().filter(Asset::needsAuth).findFirst().orElseThrow();

    assertThat(get(download.url(), null)).isEqualTo(401);
  }

  @Test
  void pollingReportsProgressWhileProcessing() throws Exception {
    VideoJob job = client.submit(scenes("Welcome").callbackUrl(UNUSED_CALLBACK).build());
    long end = System.currentTimeMillis() + 10_000;
    VideoJob seen = job;
    boolean sawProgress = false;
    while (!seen.status().isTerminal() && System.currentTimeMillis() < end) {
      seen = client.status(job.ref());
      if (seen.status() == JobStatus.RUNNING && seen.progress().orElse(0) > 0) sawProgress = true;
      Thread.sleep(10);
    }

    assertThat(sawProgress).isTrue();
    assertThat(seen.status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void signedStartedAndCompletedWebhooksAreVerifiedAndFinishTheWait() throws Exception {
    List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    try (VidBuilderEmulator signing = VidBuilderEmulator.builder().phaseDuration(Duration.ofMillis(40))
            .webhookSecret("whsec-emulator").build();
        VidBuilder adapter = adapter(signing);
        VideoClient signingClient = client(adapter);
        WebhookPipeline pipeline = WebhookPipeline.builder(adapter.signedWebhookFormat()).secret("whsec-emulator")
            .idempotencyStore(InMemoryIdempotencyStore.builder().build()).handler(handled::add)
            .onVerifiedSnapshot(signingClient::acceptSnapshot).build();
        LoopbackWebhookReceiver receiver = LoopbackWebhookReceiver.start(pipeline)) {
      VideoJob job = signingClient.submit(scenes("Welcome").callbackUrl(receiver.callbackUrl()).build());

      VideoJob done = signingClient.await(job.ref(), Duration.ofSeconds(20));

      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      long end = System.currentTimeMillis() + 10_000;
      while ((handled.size() < 2 || signing.webhooksDelivered() < 2) && System.currentTimeMillis() < end) Thread.sleep(20);
      assertThat(handled).extracting(WebhookEvent::eventType).containsExactlyInAnyOrder("started", "completed");
      assertThat(handled.stream().filter(e -> e.eventType().equals("completed")).findFirst().orElseThrow().snapshot().orElseThrow().outputs()).anySatisfy(a -> {
        assertThat(a.needsAuth()).isTrue();
        assertThat(a.url().getPort()).isEqualTo(signing.baseUrl().getPort());
      });
    }
  }

  @Test
  void theSynchronousEndpointAnswersWithTheFinishedVideo() {
    VideoJob done = vidBuilder.sync().generateNow(scenes("Welcome").build());

    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(done.outputs()).filteredOn(Asset::needsAuth).singleElement()
        .satisfies(a -> assertThat(a.url().getPath()).isEqualTo("/api/download/" + done.id()));
  }

  @Test
  void aFailingRenderEndsTheWaitWithTheProvidersError() {
    VideoJob job = client.submit(scenes("Boom " + VidBuilderEmulator.FAILURE_TRIGGER).callbackUrl(UNUSED_CALLBACK).build());

    assertThatThrownBy(() -> client.await(job.ref(), Duration.ofSeconds(20)))
        .isInstanceOfSatisfying(JobFailedException.class, e -> {
          assertThat(e.job().status()).isEqualTo(JobStatus.FAILED);
          assertThat(e.job().error()).hasValueSatisfying(err -> assertThat(err.message()).contains("Out of memory"));
        });
  }

  @Test
  void unavailableCreatesAreRetried() {
    emulator.failNextSubmissions(1, 503);
    emulator.failNextSubmissions(1, 429);

    VideoJob job = client.submit(scenes("Welcome").callbackUrl(UNUSED_CALLBACK).build());

    assertThat(job.id()).startsWith("vbemu");
    assertThat(emulator.requestCount()).isEqualTo(3);
  }

  private static int get(URI url, String authorization) throws Exception {
    Request.Builder r = new Request.Builder().url(url.toString());
    if (authorization != null) r.header("Authorization", authorization);
    try (Response response = new OkHttpClient().newCall(r.build()).execute()) {
      if (response.code() == 200) {
        assertThat(new String(response.body().bytes(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
      }
      return response.code();
    }
  }

  @Test
  void theApiKeyIsAcceptedAsABearerTokenAsTheAdaptersApiKeyOptionSendsIt() {
    try (VidBuilder bearer = VidBuilder.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl().toString())
            .build();
        VideoClient viaKey = client(bearer)) {
      assertThat(viaKey.submit(scenes("Welcome").callbackUrl(UNUSED_CALLBACK).build()).status())
          .isEqualTo(JobStatus.QUEUED);
    }
  }
}
