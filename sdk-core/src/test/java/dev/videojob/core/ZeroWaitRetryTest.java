package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.support.Fixture;
import dev.videojob.core.support.Mode;
import dev.videojob.core.support.TestProvider;
import dev.videojob.core.testing.ManualClock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A retry whose wait is 0 ms (full jitter drew 0, or a {@code Retry-After} date already past) starts at
 * once; it must not be cancelled by the bookkeeping of its own scheduling, or the job the provider
 * creates would be reported as a cancelled submission.
 */
class ZeroWaitRetryTest {
  private static final int ROUNDS = 200;

  /**
   * A sleeper whose waits end at the worst moment: just after the SDK looked at the wait and while it
   * registers what to run next, so that work would run inside the scheduling call itself.
   */
  private static final class EndsWhileRegistering implements Sleeper {
    private final ManualClock clock;

    EndsWhileRegistering(ManualClock clock) {
      this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> sleep(Duration duration) {
      if (!duration.isNegative()) clock.advance(duration);
      return new CompletableFuture<>() {
        @Override
        public boolean isDone() {
          boolean done = super.isDone();
          complete(null);
          return done;
        }

        @Override
        public CompletableFuture<Void> whenComplete(BiConsumer<? super Void, ? super Throwable> action) {
          complete(null);
          return super.whenComplete(action);
        }
      };
    }
  }

  private static VideoClient client(MockWebServer server, ManualClock clock, RetrySettings retry) {
    return VideoClient.builder()
        .provider(new TestProvider("test", Fixture.transport("test", server, false), false))
        .clock(clock).sleeper(new EndsWhileRegistering(clock)).retry(retry).build();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRetryWhoseJitteredWaitIsZeroReturnsTheJob(Mode mode) throws Exception {
    ManualClock clock = ManualClock.atEpochOfTests();
    try (MockWebServer server = new MockWebServer();
        VideoClient client = client(startedServer(server), clock, RetrySettings.builder().random(() -> 0.0).build())) {
      for (int i = 0; i < ROUNDS; i++) {
        server.enqueue(new MockResponse.Builder().code(503).body("{}").build());
        server.enqueue(new MockResponse.Builder().code(202).body("{\"id\":\"j" + i + "\",\"status\":\"queued\"}").build());

        assertThat(mode.submit(client, Fixture.request()).id()).isEqualTo("j" + i);
      }
      assertThat(server.getRequestCount()).isEqualTo(2 * ROUNDS);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRetryAfterDateInThePastRetriesAtOnceAndReturnsTheJob(Mode mode) throws Exception {
    ManualClock clock = ManualClock.atEpochOfTests();
    try (MockWebServer server = new MockWebServer();
        VideoClient client = client(startedServer(server), clock, RetrySettings.builder().random(() -> 1.0).build())) {
      for (int i = 0; i < ROUNDS; i++) {
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().minusSeconds(30).atZone(ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", past).body("{}").build());
        server.enqueue(new MockResponse.Builder().code(202).body("{\"id\":\"j" + i + "\",\"status\":\"queued\"}").build());

        assertThat(mode.submit(client, Fixture.request()).id()).isEqualTo("j" + i);
      }
      assertThat(server.getRequestCount()).isEqualTo(2 * ROUNDS);
    }
  }

  private static MockWebServer startedServer(MockWebServer server) throws java.io.IOException {
    server.start();
    return server;
  }
}
