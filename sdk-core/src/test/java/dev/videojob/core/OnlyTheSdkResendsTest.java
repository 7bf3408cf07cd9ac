package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.HttpTransport;
import dev.videojob.core.support.Fixture;
import dev.videojob.core.support.Mode;
import dev.videojob.core.support.TestProvider;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SDK's retry policy is the only thing that resends a call: OkHttp's own follow-ups (a 503 with
 * {@code Retry-After: 0}, a 408, redirects) never repeat a create behind it.
 */
class OnlyTheSdkResendsTest {

  private static MockResponse retryAfter(int code, String value) {
    return new MockResponse.Builder().code(code).addHeader("Retry-After", value).body("{}").build();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void a503WithRetryAfterZeroIsSentOnceWhenNoRetryIsAllowed(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false, false, RetrySettings.builder().maxRetries(0).build())) {
      f.enqueue(retryAfter(503, "0"));
      f.enqueue(202, "{\"id\":\"second-paid-job\",\"status\":\"queued\"}");

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request()))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
            assertThat(e.httpStatus()).hasValue(503);
            assertThat(e.nothingCreated()).isTrue();
          });
      assertThat(f.server.getRequestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void a503WithRetryAfterZeroIsSentOncePerAllowedAttempt(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false, false, RetrySettings.builder().maxRetries(4).random(() -> 1.0).build())) {
      for (int i = 0; i < 10; i++) f.enqueue(retryAfter(503, "0"));

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request())).isInstanceOf(ProviderUnavailableException.class);
      assertThat(f.server.getRequestCount()).isEqualTo(5);
      assertThat(f.events.retries).hasSize(4);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRetryAfterTooLargeForOkHttpIsATypedErrorAfterOneRequest(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false)) {
      f.enqueue(retryAfter(503, "99999999999999999999"));
      f.enqueue(202, "{\"id\":\"j1\",\"status\":\"queued\"}");

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request()))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
            assertThat(e.httpStatus()).hasValue(503);
            assertThat(e.nothingCreated()).isTrue();
          });
      assertThat(f.server.getRequestCount()).isEqualTo(1);
      assertThat(f.sleeper.sleeps()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theSdkStillHonoursRetryAfterOnA503(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false)) {
      f.enqueue(retryAfter(503, "0"));
      f.enqueue(retryAfter(503, "4"));
      f.enqueue(202, "{\"id\":\"j1\",\"status\":\"queued\"}");

      assertThat(mode.submit(f.client, Fixture.request()).id()).isEqualTo("j1");
      assertThat(f.server.getRequestCount()).isEqualTo(3);
      assertThat(f.sleeper.sleeps()).containsExactly(Duration.ofSeconds(4));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void a408IsNotResentBehindTheSdksBack(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false, false, RetrySettings.builder().maxRetries(0).build())) {
      f.enqueue(408, "{}");
      f.enqueue(202, "{\"id\":\"second-paid-job\",\"status\":\"queued\"}");

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request()))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
            assertThat(e.httpStatus()).hasValue(408);
            assertThat(e.nothingCreated()).isTrue();
          });
      assertThat(f.server.getRequestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRedirectedCreateIsNotResentToTheNewAddress(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false)) {
      f.enqueue(new MockResponse.Builder().code(307).addHeader("Location", f.server.url("/v2/jobs")).body("").build());
      f.enqueue(202, "{\"id\":\"second-paid-job\",\"status\":\"queued\"}");

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.httpStatus()).hasValue(307);
            assertThat(e.getMessage()).contains("/v2/jobs").contains("base URL");
          });
      assertThat(f.server.getRequestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCreateAnsweredSeeOtherMayHaveCreatedTheJob(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false)) {
      f.enqueue(new MockResponse.Builder().code(303).addHeader("Location", f.server.url("/v1/jobs/j1")).body("").build());
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"queued\"}");

      assertThatThrownBy(() -> mode.submit(f.client, Fixture.request().toBuilder().idempotencyKey("k-303").build()))
          .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> assertThat(e.getMessage()).contains("k-303"));
      assertThat(f.server.getRequestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRedirectNeverTakesTheApiKeyToAnotherHost(Mode mode) throws Exception {
    try (MockWebServer api = new MockWebServer(); MockWebServer elsewhere = new MockWebServer()) {
      api.start();
      elsewhere.start();
      api.enqueue(new MockResponse.Builder().code(302).addHeader("Location", elsewhere.url("/steal")).body("").build());
      elsewhere.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"j1\",\"status\":\"queued\"}").build());
      HttpTransport http = HttpTransport.builder("test").baseUrl(api.url("/v1").toString())
          .auth(Auth.header("X-API-Key", Fixture.API_KEY)).build();
      dev.videojob.core.testing.ManualClock clock = dev.videojob.core.testing.ManualClock.atEpochOfTests();
      try (VideoClient client = VideoClient.builder().provider(new TestProvider("test", http, false)).clock(clock)
          .sleeper(dev.videojob.core.testing.RecordingSleeper.immediate(clock)).build()) {

        assertThatThrownBy(() -> mode.status(client, JobRef.of("test", "j1"))).isInstanceOf(VideoJobException.class);
        assertThat(elsewhere.getRequestCount()).isZero();
      }
    }
  }
}
