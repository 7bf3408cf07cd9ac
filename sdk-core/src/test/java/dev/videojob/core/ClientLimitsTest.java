package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.HttpTransport;
import dev.videojob.core.support.Mode;
import dev.videojob.core.support.TestProvider;
import dev.videojob.core.testing.ManualClock;
import dev.videojob.core.testing.RecordingSleeper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The optional per-provider client-side rate limit and concurrency bound. */
class ClientLimitsTest {

  private static VideoClient client(MockWebServer server, HttpTransport.Builder transport) {
    ManualClock clock = ManualClock.atEpochOfTests();
    HttpTransport http = transport.baseUrl(server.url("/").toString()).auth(Auth.bearer("k")).maxQueueWait(Duration.ZERO).build();
    return VideoClient.builder().provider(new TestProvider("test", http, true)).clock(clock)
        .sleeper(RecordingSleeper.immediate(clock)).build();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCallBeyondTheConcurrencyBoundIsRefusedWithoutBeingSent(Mode mode) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(200).headersDelay(1, TimeUnit.SECONDS)
          .body("{\"id\":\"j1\",\"status\":\"running\"}").build());
      VideoClient client = client(server, HttpTransport.builder("test").maxConcurrency(1));

      CompletableFuture<VideoJob> first = client.statusAsync(JobRef.of("test", "j1"));
      server.takeRequest(5, TimeUnit.SECONDS);

      assertThatThrownBy(() -> mode.status(client, JobRef.of("test", "j2")))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.getMessage()).contains("concurrency"));
      assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.RUNNING);
      assertThat(server.getRequestCount()).isEqualTo(1);
      client.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCallBeyondTheRateLimitIsRefusedWithoutBeingSent(Mode mode) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"j1\",\"status\":\"running\"}").build());
      VideoClient client = client(server, HttpTransport.builder("test").rateLimit(1, Duration.ofMinutes(1)));

      mode.status(client, JobRef.of("test", "j1"));

      assertThatThrownBy(() -> mode.status(client, JobRef.of("test", "j1")))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.getMessage()).contains("rate limit"));
      assertThat(server.getRequestCount()).isEqualTo(1);
      client.close();
    }
  }
}
