package dev.videojob.providers.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.AuthenticationException;
import dev.videojob.core.CapabilityNotSupportedException;
import dev.videojob.core.JobFailedException;
import dev.videojob.core.JobRef;
import dev.videojob.core.JobStatus;
import dev.videojob.core.OutcomeUnknownException;
import dev.videojob.core.QuotaExceededException;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.support.Mode;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SDK's safety rules every adapter must keep, proved against canned provider answers over loopback,
 * through the blocking and the asynchronous client API: a cancel the provider cannot do is refused without
 * a call, a refused key is an authentication error, running out of credits is a quota error, a create whose
 * answer is lost is not resent (no provider here honours idempotency keys), a failed status poll is retried,
 * and a job runs from submission to success or to a failure that carries the provider's error.
 *
 * <p>Each adapter's contract test extends this class and says how to build the adapter, what a valid request
 * is and what the provider answers; its own tests cover what only that provider does.
 */
public abstract class ProviderContract {

  /** @param baseUrl the loopback server's URL, without a trailing slash @return the adapter on it */
  protected abstract VideoProvider adapter(String baseUrl);

  /** @return a request the adapter accepts */
  protected abstract VideoRequest request();

  /** @return a job the status answers below describe */
  protected abstract JobRef ref();

  /** Enqueues the answers of a successful submission, one per call the adapter makes to submit. */
  protected abstract void enqueueSubmission(AdapterHarness h);

  /** Enqueues what polling sees after the submission until the job has succeeded, with at least one output. */
  protected abstract void enqueueRunToSuccess(AdapterHarness h);

  /** @return a status answer of a running job */
  protected abstract String runningStatus();

  /** @return a status answer of a failed job */
  protected abstract String failedStatus();

  /** @return the provider's answer to a refused key; default an OpenAI-style error body */
  protected String refusedKeyBody() {
    return "{\"error\":{\"code\":\"unauthorized\",\"message\":\"Invalid API key\"}}";
  }

  /** @return the HTTP status of the provider's out-of-credits answer; default 402 */
  protected int quotaStatus() {
    return 402;
  }

  /** @return the provider's out-of-credits answer; default an OpenAI-style error body */
  protected String quotaBody() {
    return "{\"error\":{\"code\":\"insufficient_credits\",\"message\":\"Not enough credits\"}}";
  }

  private AdapterHarness harness() throws Exception {
    return new AdapterHarness(this::adapter);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void contractCancelIsRefusedWithoutANetworkCall(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      assertThatThrownBy(() -> mode.cancel(h.client, ref())).isInstanceOf(CapabilityNotSupportedException.class);
      assertThat(h.requestCount()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void contractARefusedKeyIsAnAuthenticationError(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(401, refusedKeyBody());

      assertThatThrownBy(() -> mode.status(h.client, ref())).isInstanceOf(AuthenticationException.class);
      assertThat(h.requestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void contractRunningOutOfCreditsIsAQuotaErrorAndNotRetried(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(quotaStatus(), quotaBody());

      assertThatThrownBy(() -> mode.submit(h.client, request())).isInstanceOf(QuotaExceededException.class);
      assertThat(h.requestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void contractACreateWhoseAnswerIsLostIsNotResent(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(504, "gateway timeout");
      enqueueSubmission(h);

      assertThatThrownBy(() -> mode.submit(h.client, request().toBuilder().idempotencyKey("campaign-42").build()))
          .isInstanceOfSatisfying(OutcomeUnknownException.class,
              e -> assertThat(e.idempotencyKey()).contains("campaign-42"));
      assertThat(h.requestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void contractAStatusPollIsRetriedAfterAServerError(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      h.enqueue(500, "{\"error\":{\"message\":\"upstream hiccup\"}}");
      h.enqueue(200, runningStatus());

      assertThat(mode.status(h.client, ref()).status()).isEqualTo(JobStatus.RUNNING);
      assertThat(h.requestCount()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void contractLifecycleFromSubmissionToSuccessWithOutputs(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      enqueueSubmission(h);
      enqueueRunToSuccess(h);

      VideoJob submitted = mode.submit(h.client, request());
      VideoJob done = mode.await(h.client, submitted.ref(), Duration.ofMinutes(30));

      assertThat(submitted.status().isTerminal()).isFalse();
      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(done.outputs()).isNotEmpty();
      assertThat(done.outputs()).allSatisfy(a -> assertThat(a.url().isAbsolute()).isTrue());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void contractLifecycleEndingInFailureCarriesTheProvidersError(Mode mode) throws Exception {
    try (AdapterHarness h = harness()) {
      enqueueSubmission(h);
      h.enqueue(200, failedStatus());

      VideoJob submitted = mode.submit(h.client, request());

      assertThatThrownBy(() -> mode.await(h.client, submitted.ref(), Duration.ofMinutes(30)))
          .isInstanceOfSatisfying(JobFailedException.class, e -> {
            assertThat(e.job().status()).isEqualTo(JobStatus.FAILED);
            assertThat(e.job().error()).isPresent();
          });
    }
  }
}
