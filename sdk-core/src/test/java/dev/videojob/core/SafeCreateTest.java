package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.support.Fixture;
import dev.videojob.core.support.Mode;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The safe-create rule: no second paid job when the outcome of a create is unknown. */
class SafeCreateTest {

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCreateWhoseAnswerIsLostIsNotResentWithoutIdempotencySupport(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false)) {
      f.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
      f.enqueue(202, "{\"id\":\"second-paid-job\",\"status\":\"queued\"}");

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request().toBuilder().idempotencyKey("k-123").build()))
          .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
            assertThat(e.idempotencyKey()).contains("k-123");
            assertThat(e.getMessage()).contains("k-123").contains("may or may not exist");
          });
      assertThat(f.server.getRequestCount()).isEqualTo(1);
      assertThat(f.events.submitFailures).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCreateAnsweredByAGatewayTimeoutIsAnUnknownOutcome(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false)) {
      f.enqueue(504, "gateway timeout");

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request())).isInstanceOf(OutcomeUnknownException.class);
      assertThat(f.server.getRequestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCreateRefusedWith429Or503IsRetriedEvenWithoutIdempotencySupport(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false)) {
      f.enqueue(429, "{}");
      f.enqueue(503, "{}");
      f.enqueue(202, "{\"id\":\"j1\",\"status\":\"queued\"}");

      assertThat(mode.submit(f.client, Fixture.request()).id()).isEqualTo("j1");
      assertThat(f.server.getRequestCount()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCreateThatNeverReachedTheProviderIsRetriedAndSaysNothingWasCreated(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false)) {
      f.server.close(); // connection refused: nothing can have been created

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request()))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.nothingCreated()).isTrue());
      assertThat(f.events.retries).hasSize(3);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCreateWhoseAnswerIsLostIsResentWithTheSameKeyWhenTheProviderHonoursKeys(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      f.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
      f.enqueue(202, "{\"id\":\"j1\",\"status\":\"queued\"}");

      assertThat(mode.submit(f.client, Fixture.request()).id()).isEqualTo("j1");
      assertThat(f.take().getHeaders().get("Idempotency-Key")).isEqualTo(f.take().getHeaders().get("Idempotency-Key"));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCreateAnswered500WithoutIdempotencySupportIsNotResent(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false)) {
      f.enqueue(500, "{\"message\":\"internal\"}");

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request()))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.nothingCreated()).isFalse());
      assertThat(f.server.getRequestCount()).isEqualTo(1);
    }
  }
}
