package dev.videojob.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.JobRef;
import dev.videojob.core.JobStatus;
import dev.videojob.core.RetrySettings;
import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoJob;
import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.HttpTransport;
import dev.videojob.core.support.TestProvider;
import dev.videojob.core.testing.ManualClock;
import dev.videojob.core.testing.RecordingSleeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** A verified webhook finishes the matching pending {@code await} at once; a forged one does not. */
class WebhookCompletesAwaitTest {
  private static final String SECRET = "whk_test_secret_0123456789";

  @Test
  void aVerifiedCompletionEventFinishesThePendingAwaitWithoutAnotherPoll() throws Exception {
    try (MockWebServer server = new MockWebServer(); Setup s = new Setup(server)) {
      CompletableFuture<VideoJob> wait = s.client.awaitAsync(JobRef.of("acme", "j1"), Duration.ofMinutes(15));
      s.sleeper.awaitPending(1); // first poll answered "running"; the next poll is pending

      WebhookResponse r = s.pipeline.receive(signed(AcmeFormat.body("job.completed", "j1", "completed"), SECRET));

      assertThat(r.outcome()).isEqualTo(WebhookResponse.Outcome.ACCEPTED);
      assertThat(wait).isCompleted();
      assertThat(wait.join().status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(s.sleeper.awaitCancelled(0)).as("the pending poll was canceled").isTrue();
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void aForgedCompletionEventLeavesTheAwaitPending() throws Exception {
    try (MockWebServer server = new MockWebServer(); Setup s = new Setup(server)) {
      CompletableFuture<VideoJob> wait = s.client.awaitAsync(JobRef.of("acme", "j1"), Duration.ofMinutes(15));
      s.sleeper.awaitPending(1);

      WebhookResponse r = s.pipeline.receive(signed(AcmeFormat.body("job.completed", "j1", "completed"),
          "not-the-secret-at-all-0000"));

      assertThat(r.outcome()).isEqualTo(WebhookResponse.Outcome.REJECTED);
      assertThat(wait).isNotDone();
      wait.cancel(true);
    }
  }

  private static WebhookRequest signed(String body, String secret) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>(WebhookSigner.of(AcmeFormat.SCHEME, secret).sign(bytes));
    headers.put("X-Acme-Delivery", "d-" + body.hashCode());
    return WebhookRequest.of(bytes, WebhookHeaders.of(headers));
  }

  private static final class Setup implements AutoCloseable {
    final ManualClock clock = ManualClock.atEpochOfTests();
    final RecordingSleeper sleeper = RecordingSleeper.manual(clock);
    final VideoClient client;
    final WebhookPipeline pipeline;

    Setup(MockWebServer server) throws Exception {
      server.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"j1\",\"status\":\"running\"}").build());
      server.start();
      HttpTransport http = HttpTransport.builder("acme").baseUrl(server.url("/").toString()).auth(Auth.bearer("k")).build();
      client = VideoClient.builder().provider(new TestProvider("acme", http, true)).clock(clock).sleeper(sleeper)
          .retry(RetrySettings.builder().maxRetries(0).build()).pollJitter(() -> 1.0).build(); // first poll at once
      pipeline = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(TestStores.inMemory())
          .executor(Runnable::run).handler(event -> { }).onVerifiedSnapshot(client::acceptSnapshot).build();
    }

    @Override
    public void close() {
      pipeline.close();
      client.close();
    }
  }
}
