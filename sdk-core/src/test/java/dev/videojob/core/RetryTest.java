package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.support.Fixture;
import dev.videojob.core.support.Mode;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetryTest {

  @ParameterizedTest
  @EnumSource(Mode.class)
  void retriesServerErrorsWithExponentialBackoffUpToTheCeiling(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      f.enqueue(500, "{}");
      f.enqueue(502, "{}");
      f.enqueue(503, "{}");
      f.enqueue(202, "{\"id\":\"j1\",\"status\":\"queued\"}");

      VideoJob job = mode.submit(f.client, Fixture.request());

      assertThat(job.id()).isEqualTo("j1");
      // Jitter source pinned to 1.0: the full-jitter ceiling is 500 ms, 1 s, 2 s.
      assertThat(f.sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
      assertThat(f.events.retries).extracting(RetryEvent::httpStatus).containsExactly(500, 502, 503);
      assertThat(f.server.getRequestCount()).isEqualTo(4);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void fullJitterDrawsEachWaitBetweenZeroAndTheCeiling(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true, false, RetrySettings.builder().random(() -> 0.25).build())) {
      f.enqueue(503, "{}");
      f.enqueue(503, "{}");
      f.enqueue(202, "{\"id\":\"j1\",\"status\":\"queued\"}");

      mode.submit(f.client, Fixture.request());

      assertThat(f.sleeper.sleeps()).containsExactly(Duration.ofMillis(125), Duration.ofMillis(250));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void sendsTheSameIdempotencyKeyOnEveryAttempt(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      f.enqueue(500, "{}");
      f.enqueue(500, "{}");
      f.enqueue(202, "{\"id\":\"j1\",\"status\":\"queued\"}");

      VideoJob job = mode.submit(f.client, Fixture.request());

      String k1 = f.take().getHeaders().get("Idempotency-Key");
      String k2 = f.take().getHeaders().get("Idempotency-Key");
      String k3 = f.take().getHeaders().get("Idempotency-Key");
      assertThat(k1).isNotBlank().isEqualTo(k2).isEqualTo(k3);
      assertThat(job.idempotencyKey()).contains(k1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void usesTheCallersIdempotencyKey(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      f.enqueue(202, "{\"id\":\"j1\",\"status\":\"queued\"}");

      mode.submit(f.client, Fixture.request().toBuilder().idempotencyKey("campaign-42-variant-a").build());

      assertThat(f.take().getHeaders().get("Idempotency-Key")).isEqualTo("campaign-42-variant-a");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void honoursRetryAfterInSeconds(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      f.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("{}").build());
      f.enqueue(202, "{\"id\":\"j1\",\"status\":\"queued\"}");

      mode.submit(f.client, Fixture.request());

      assertThat(f.sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void honoursRetryAfterAsAnHttpDate(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(f.clock.instant().plusSeconds(12).atZone(ZoneOffset.UTC));
      f.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", date).body("{}").build());
      f.enqueue(202, "{\"id\":\"j1\",\"status\":\"queued\"}");

      mode.submit(f.client, Fixture.request());

      assertThat(f.sleeper.sleeps()).containsExactly(Duration.ofSeconds(12));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void retryAfterLongerThanTheCapEndsTheRetriesAndIsReported(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      f.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600")
          .addHeader("X-RateLimit-Remaining-Hour", "0").body("{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\"}}").build());

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request()))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofHours(1));
            assertThat(e.rateLimitHeaders()).containsEntry("x-ratelimit-remaining-hour", "0");
            assertThat(e.providerCode()).contains("rate_limit_exceeded");
          });
      assertThat(f.sleeper.sleeps()).isEmpty();
      assertThat(f.server.getRequestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void stopsAfterMaxRetriesAndReportsTheLastAnswer(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      for (int i = 0; i < 4; i++) f.enqueue(503, "{\"message\":\"busy\"}");

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request()))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
            assertThat(e.httpStatus()).hasValue(503);
            assertThat(e.nothingCreated()).isTrue();
            assertThat(e.providerMessage()).contains("busy");
          });
      assertThat(f.server.getRequestCount()).isEqualTo(4);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRetryWhoseWaitWouldPassTheDeadlineIsNotMade(Mode mode) throws Exception {
    RetrySettings retry = RetrySettings.builder().random(() -> 1.0).maxRetries(10)
        .initialBackoff(Duration.ofSeconds(4)).maxBackoff(Duration.ofSeconds(60)).totalTimeout(Duration.ofSeconds(10)).build();
    try (Fixture f = new Fixture(true, false, retry)) {
      for (int i = 0; i < 5; i++) f.enqueue(500, "{}");

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request())).isInstanceOf(ProviderUnavailableException.class);
      // 4 s fits in 10 s; then 8 s would end at 12 s, past the deadline.
      assertThat(f.sleeper.sleeps()).containsExactly(Duration.ofSeconds(4));
      assertThat(f.server.getRequestCount()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void perRequestMaxRetriesOverridesTheClientDefault(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      f.enqueue(500, "{}");
      f.enqueue(202, "{\"id\":\"j1\",\"status\":\"queued\"}");

      assertThatThrownBy(() -> {
        if (mode == Mode.SYNC) f.client.submit(Fixture.request(), RequestOptions.builder().maxRetries(0).build());
        else f.client.submitAsync(Fixture.request(), RequestOptions.builder().maxRetries(0).build()).join();
      }).satisfies(t -> assertThat(t instanceof ProviderUnavailableException
          || t.getCause() instanceof ProviderUnavailableException).isTrue());
      assertThat(f.server.getRequestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void doesNotRetryClientErrors(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      f.enqueue(400, "{\"error\":\"bad_prompt\",\"message\":\"prompt too long\"}");

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request())).isInstanceOf(InvalidRequestException.class);
      assertThat(f.server.getRequestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void retriesStatusCallsOnIoErrors(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false)) {
      f.enqueue(new MockResponse.Builder().onResponseStart(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE).build());
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"running\"}");

      VideoJob job = mode.status(f.client, JobRef.of("test", "j1"));

      assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
      assertThat(f.server.getRequestCount()).isEqualTo(2);
      RecordedRequest first = f.take();
      assertThat(first.getMethod()).isEqualTo("GET");
    }
  }
}
