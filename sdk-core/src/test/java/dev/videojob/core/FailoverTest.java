package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.support.Fixture;
import dev.videojob.core.support.Mode;
import dev.videojob.core.support.TestProvider;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailoverTest {

  private static VideoClient twoProviders(Fixture f, MockWebServer second, RoutingPolicy routing) {
    return VideoClient.builder()
        .provider(new TestProvider("primary", Fixture.transport("primary", f.server, false), false))
        .provider(new TestProvider("backup", Fixture.transport("backup", second, false), false))
        .routing(routing).clock(f.clock).sleeper(f.sleeper).listener(f.events)
        .retry(RetrySettings.builder().maxRetries(0).build()).build();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSubmissionRefusedWith429MovesToTheNextProvider(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false); MockWebServer second = new MockWebServer()) {
      second.start();
      f.enqueue(429, "{\"message\":\"capacity\"}");
      second.enqueue(new mockwebserver3.MockResponse.Builder().code(202).body("{\"id\":\"b1\",\"status\":\"queued\"}").build());
      VideoClient client = twoProviders(f, second, RoutingPolicy.inOrder());

      VideoJob job = mode.submit(client, Fixture.request());

      assertThat(job.provider()).isEqualTo("backup");
      assertThat(job.failoverUsed()).isTrue();
      assertThat(f.events.failovers).containsExactly("primary->backup");
      assertThat(f.server.takeRequest().getHeaders().get("Idempotency-Key"))
          .isEqualTo(second.takeRequest().getHeaders().get("Idempotency-Key"));
      client.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSubmissionRefusedWith503MovesToTheNextProvider(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false); MockWebServer second = new MockWebServer()) {
      second.start();
      f.enqueue(503, "{}");
      second.enqueue(new mockwebserver3.MockResponse.Builder().code(202).body("{\"id\":\"b1\",\"status\":\"queued\"}").build());
      VideoClient client = twoProviders(f, second, RoutingPolicy.inOrder());

      assertThat(mode.submit(client, Fixture.request()).provider()).isEqualTo("backup");
      client.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void anUnknownOutcomeNeverFailsOver(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false); MockWebServer second = new MockWebServer()) {
      second.start();
      f.enqueue(504, "{}");
      VideoClient client = twoProviders(f, second, RoutingPolicy.inOrder());

      assertThatThrownBy(() -> mode.submit(client, Fixture.request())).isInstanceOf(OutcomeUnknownException.class);
      assertThat(second.getRequestCount()).isZero();
      client.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRejectedRequestDoesNotFailOver(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false); MockWebServer second = new MockWebServer()) {
      second.start();
      f.enqueue(422, "{\"message\":\"prompt violates policy\"}");
      VideoClient client = twoProviders(f, second, RoutingPolicy.inOrder());

      assertThatThrownBy(() -> mode.submit(client, Fixture.request())).isInstanceOf(InvalidRequestException.class);
      assertThat(second.getRequestCount()).isZero();
      client.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aPinnedRequestGoesOnlyToItsProvider(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false); MockWebServer second = new MockWebServer()) {
      second.start();
      f.enqueue(429, "{}");
      VideoClient client = twoProviders(f, second, RoutingPolicy.inOrder());

      assertThatThrownBy(() -> mode.submit(client, Fixture.request().toBuilder().provider("primary").build()))
          .isInstanceOf(RateLimitedException.class);
      assertThat(second.getRequestCount()).isZero();
      client.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void roundRobinStartsEachSubmissionAtTheNextProvider(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false); MockWebServer second = new MockWebServer()) {
      second.start();
      f.enqueue(202, "{\"id\":\"a1\",\"status\":\"queued\"}");
      second.enqueue(new mockwebserver3.MockResponse.Builder().code(202).body("{\"id\":\"b1\",\"status\":\"queued\"}").build());
      VideoClient client = twoProviders(f, second, RoutingPolicy.roundRobin());

      List<String> used = List.of(mode.submit(client, Fixture.request()).provider(),
          mode.submit(client, Fixture.request()).provider());

      assertThat(used).containsExactly("primary", "backup");
      client.close();
    }
  }
}
