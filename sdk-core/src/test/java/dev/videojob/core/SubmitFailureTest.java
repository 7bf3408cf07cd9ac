package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.support.Fixture;
import dev.videojob.core.support.Mode;
import dev.videojob.core.support.TestProvider;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every failure out of a submission carries its idempotency key (the SDK's own when the caller gave none)
 * and says whether a job may exist, whatever its type and however it came about.
 */
class SubmitFailureTest {

  private static String sentKey(Fixture f) throws InterruptedException {
    String key = f.take().getHeaders().get("Idempotency-Key");
    assertThat(key).isNotBlank();
    return key;
  }

  /** status, body, maxRetries, expected type, whether nothing was created. */
  static Stream<Arguments> answers() {
    Stream<Arguments> base = Stream.of(
        Arguments.of(500, "{\"message\":\"internal\"}", 3, ProviderUnavailableException.class, false),
        Arguments.of(502, "bad gateway", 3, OutcomeUnknownException.class, false),
        Arguments.of(504, "gateway timeout", 3, OutcomeUnknownException.class, false),
        Arguments.of(503, "{}", 0, ProviderUnavailableException.class, true),
        Arguments.of(429, "{\"error\":{\"code\":\"rate_limit_exceeded\"}}", 0, RateLimitedException.class, true),
        Arguments.of(400, "{\"message\":\"prompt too long\"}", 3, InvalidRequestException.class, true),
        Arguments.of(422, "{\"detail\":\"bad\"}", 3, InvalidRequestException.class, true),
        Arguments.of(401, "{\"message\":\"bad key\"}", 3, AuthenticationException.class, true),
        Arguments.of(402, "{\"message\":\"no credits\"}", 3, QuotaExceededException.class, true),
        Arguments.of(409, "{\"message\":\"a request with this key is in progress\"}", 3,
            InvalidRequestException.class, false));
    return base.flatMap(a -> Stream.of(Mode.values()).map(m -> {
      Object[] v = a.get();
      return Arguments.of(m, v[0], v[1], v[2], v[3], v[4]);
    }));
  }

  @ParameterizedTest(name = "{0} HTTP {1} -> {4}, nothing created: {5}")
  @MethodSource("answers")
  void aFailedCreateCarriesTheKeyTheSdkMadeAndWhetherAJobMayExist(Mode mode, int status, String body, int retries,
      Class<? extends VideoJobException> type, boolean nothingCreated) throws Exception {
    try (Fixture f = new Fixture(false, false, RetrySettings.builder().maxRetries(retries).random(() -> 1.0).build())) {
      f.enqueue(status, body);

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request()))
          .isInstanceOfSatisfying(type, e -> {
            String key = e.idempotencyKey().orElseThrow(() -> new AssertionError("no key on " + e));
            assertThat(e.getMessage()).contains(key);
            assertThat(e.nothingCreated()).isEqualTo(nothingCreated);
            assertThat(f.events.submitFailures).singleElement()
                .satisfies(l -> assertThat(l.idempotencyKey()).contains(key));
          });
      assertThat(f.server.getRequestCount()).isEqualTo(1);
      String sent = sentKey(f);
      assertThat(f.events.submitFailures.get(0).idempotencyKey()).contains(sent);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCreateWhoseAnswerIsLostCarriesTheKeyTheSdkMade(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false)) {
      f.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

      AtomicReference<VideoJobException> failure = new AtomicReference<>();
      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request()))
          .isInstanceOfSatisfying(OutcomeUnknownException.class, failure::set);
      assertThat(failure.get().idempotencyKey()).contains(sentKey(f));
      assertThat(failure.get().nothingCreated()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCreateThatNeverReachedTheProviderCarriesTheKeyAndSaysNothingWasCreated(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false)) {
      f.server.close();

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request().toBuilder().idempotencyKey("k-refused").build()))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
            assertThat(e.idempotencyKey()).contains("k-refused");
            assertThat(e.nothingCreated()).isTrue();
          });
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRequestRefusedBeforeAnyCallCarriesTheKey(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false)) {
      VideoRequest square = Fixture.request().toBuilder().aspectRatio(AspectRatio.SQUARE_1_1)
          .idempotencyKey("k-offline").build();

      assertThatThrownBy(() -> mode.submit(f.client, square))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.idempotencyKey()).contains("k-offline");
            assertThat(e.nothingCreated()).isTrue();
          });
      assertThat(f.server.getRequestCount()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRefusalAfterAnAttemptThatMayHaveCreatedSaysAJobMayExist(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true, false, RetrySettings.builder().maxRetries(1).random(() -> 1.0).build())) {
      f.enqueue(500, "{}");
      f.enqueue(429, "{}");

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request()))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.nothingCreated()).isFalse();
            assertThat(e.idempotencyKey()).isPresent();
          });
      assertThat(f.server.getRequestCount()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSubmissionThatMayHaveCreatedAJobDoesNotFailOver(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true); MockWebServer second = new MockWebServer()) {
      second.start();
      f.enqueue(500, "{}");
      f.enqueue(503, "{}");
      second.enqueue(new MockResponse.Builder().code(202).body("{\"id\":\"b1\",\"status\":\"queued\"}").build());
      try (VideoClient client = VideoClient.builder()
          .provider(new TestProvider("primary", Fixture.transport("primary", f.server, true), true))
          .provider(new TestProvider("backup", Fixture.transport("backup", second, true), true))
          .clock(f.clock).sleeper(f.sleeper).retry(RetrySettings.builder().maxRetries(1).random(() -> 1.0).build())
          .build()) {

        assertThatThrownBy(() -> mode.submit(client, Fixture.request()))
            .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
              assertThat(e.httpStatus()).hasValue(503);
              assertThat(e.nothingCreated()).isFalse();
            });
        assertThat(second.getRequestCount()).isZero();
      }
    }
  }

  @Test
  void interruptingASynchronousSubmitGivesTheKey() throws Exception {
    try (Fixture f = new Fixture(true, true, RetrySettings.builder().random(() -> 1.0).build())) {
      f.enqueue(503, "{}");
      AtomicReference<VideoJobException> failure = new AtomicReference<>();
      Thread caller = new Thread(() -> {
        try {
          f.client.submit(Fixture.request());
        } catch (VideoJobException e) {
          failure.set(e);
        }
      });
      caller.start();
      f.sleeper.awaitPending(1);

      caller.interrupt();
      caller.join(10_000);

      assertThat(failure.get()).isNotNull();
      assertThat(failure.get().getMessage()).contains("interrupted");
      assertThat(failure.get().idempotencyKey()).contains(sentKey(f));
      assertThat(failure.get().nothingCreated()).isFalse();
    }
  }

  static Stream<Arguments> unreadableAnswers() {
    Stream<String> bodies = Stream.of("{}", "<html><body>Accepted</body></html>", "{\"id\":\"j1\",\"sta", "");
    return bodies.flatMap(b -> Stream.of(Mode.values()).map(m -> Arguments.of(m, b)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("unreadableAnswers")
  void aCreateAcceptedWithAnUnreadableAnswerIsAnUnknownOutcomeWithTheKey(Mode mode, String body) throws Exception {
    try (Fixture f = new Fixture(false)) {
      f.enqueue(202, body);
      f.enqueue(202, "{\"id\":\"second-paid-job\",\"status\":\"queued\"}");

      AtomicReference<VideoJobException> failure = new AtomicReference<>();
      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request()))
          .isInstanceOfSatisfying(OutcomeUnknownException.class, failure::set);
      assertThat(failure.get().idempotencyKey()).contains(sentKey(f));
      assertThat(failure.get().nothingCreated()).isFalse();
      assertThat(failure.get().getMessage()).contains("may exist");
      assertThat(f.server.getRequestCount()).isEqualTo(1);
    }
  }
}
