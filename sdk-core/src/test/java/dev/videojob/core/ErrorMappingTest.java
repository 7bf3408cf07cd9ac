package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.support.Fixture;
import dev.videojob.core.support.Mode;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {

  static Stream<Arguments> cases() {
    Stream<Arguments> base = Stream.of(
        Arguments.of(400, "{\"error\":\"validation_error\",\"message\":\"scenes is required\",\"hint\":\"add one scene\"}",
            InvalidRequestException.class, "validation_error", "scenes is required"),
        Arguments.of(401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"Invalid API key\"}}",
            AuthenticationException.class, "unauthorized", "Invalid API key"),
        Arguments.of(403, "{\"error\":{\"code\":\"forbidden\",\"message\":\"key lacks scope\"}}",
            AuthenticationException.class, "forbidden", "key lacks scope"),
        Arguments.of(403, "{\"error\":{\"code\":\"insufficient_credits\",\"message\":\"Not enough credits\",\"details\":{}}}",
            QuotaExceededException.class, "insufficient_credits", "Not enough credits"),
        Arguments.of(404, "{\"error\":\"not_found\",\"message\":\"Job not found\",\"code\":\"JOB_NOT_FOUND\"}",
            JobNotFoundException.class, "JOB_NOT_FOUND", "Job not found"),
        Arguments.of(409, "{\"message\":\"idempotency key reused with another body\"}",
            InvalidRequestException.class, null, "idempotency key reused with another body"),
        Arguments.of(422, "{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"field required\"}]}",
            InvalidRequestException.class, null, "[\"body\",\"prompt\"]: field required"),
        Arguments.of(500, "<html>oops</html>", ProviderUnavailableException.class, null, "<html>oops</html>"));
    return base.flatMap(a -> Stream.of(Mode.values()).map(m -> {
      Object[] v = a.get();
      return Arguments.of(m, v[0], v[1], v[2], v[3], v[4]);
    }));
  }

  @ParameterizedTest(name = "{0} HTTP {1} -> {3}")
  @MethodSource("cases")
  void mapsEachErrorStatusToItsExceptionWithTheProvidersWords(Mode mode, int status, String body,
      Class<? extends VideoJobException> type, String code, String message) throws Exception {
    try (Fixture f = new Fixture(false, false, RetrySettings.builder().maxRetries(0).build())) {
      f.enqueue(new MockResponse.Builder().code(status).body(body).addHeader("X-Request-Id", "req_77").build());

      assertThatThrownBy(() -> mode.status(f.client, JobRef.of("test", "j1")))
          .isInstanceOfSatisfying(type, e -> {
            assertThat(e.httpStatus()).hasValue(status);
            assertThat(e.provider()).contains("test");
            assertThat(e.requestId()).contains("req_77");
            assertThat(e.providerMessage()).contains(message);
            assertThat(e.getMessage()).contains(message).contains("req_77").contains("HTTP " + status);
            if (code != null) assertThat(e.providerCode()).contains(code);
          });
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Mode.class)
  void carriesTheProvidersHintInTheMessage(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false, false, RetrySettings.builder().maxRetries(0).build())) {
      f.enqueue(400, "{\"error\":\"validation_error\",\"message\":\"webhookUrl is required\",\"hint\":\"pass webhookUrl\"}");

      assertThatThrownBy(() -> mode.status(f.client, JobRef.of("test", "j1")))
          .hasMessageContaining("Hint: pass webhookUrl");
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Mode.class)
  void carriesTheProvidersErrorDetails(Mode mode) throws Exception {
    try (Fixture f = new Fixture(false, false, RetrySettings.builder().maxRetries(0).build())) {
      f.enqueue(400, "{\"error\":{\"code\":\"validation_error\",\"message\":\"end must be greater than start\","
          + "\"details\":[{\"field\":\"end\",\"max\":1200}]}}");

      assertThatThrownBy(() -> mode.status(f.client, JobRef.of("test", "j1")))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.providerDetails()).contains("[{\"field\":\"end\",\"max\":1200}]");
            assertThat(e.getMessage()).contains("details: [{\"field\":\"end\",\"max\":1200}]");
          });
    }
  }
}
