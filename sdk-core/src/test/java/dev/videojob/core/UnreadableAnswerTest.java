package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.support.Fixture;
import dev.videojob.core.support.Mode;
import dev.videojob.core.support.ScriptedProvider;
import dev.videojob.core.testing.ManualClock;
import dev.videojob.core.testing.RecordingSleeper;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever an adapter does with an answer it cannot read, the client's caller sees a typed error:
 * a {@link ProviderResponseException}, or for a submission an {@link OutcomeUnknownException}.
 */
@Timeout(60) // before the guarantee, a synchronous await on an unreadable answer never returned
class UnreadableAnswerTest {
  private static final JobRef REF = JobRef.of(ScriptedProvider.ID, "j1");

  /** The ways an adapter's reading of an answer goes wrong. */
  enum Unreadable {
    /** The adapter throws before handing out a future. */
    THROWN(IllegalArgumentException.class, () -> {
      throw new IllegalArgumentException("Illegal character in path at index 15: /api/download/a b");
    }),
    /** The adapter's {@code thenApply(parse)} throws: the future fails with it. */
    IN_FUTURE(NullPointerException.class, () -> CompletableFuture.completedFuture("{}").thenApply(body -> {
      throw new NullPointerException("id == null");
    })),
    /** The adapter completes with no snapshot at all. */
    NO_SNAPSHOT(NullPointerException.class, () -> CompletableFuture.completedFuture(null));

    final Class<? extends Throwable> cause;
    final Supplier<CompletableFuture<VideoJob>> answer;

    Unreadable(Class<? extends Throwable> cause, Supplier<CompletableFuture<VideoJob>> answer) {
      this.cause = cause;
      this.answer = answer;
    }
  }

  static Stream<Arguments> everyWay() {
    return Stream.of(Mode.values()).flatMap(m -> Stream.of(Unreadable.values()).map(u -> Arguments.of(m, u)));
  }

  private static VideoClient client(ScriptedProvider p, Fixture.RecordingListener events) {
    ManualClock clock = ManualClock.atEpochOfTests();
    return VideoClient.builder().provider(p).clock(clock).sleeper(RecordingSleeper.immediate(clock)).listener(events)
        .pollJitter(() -> 1.0).build();
  }

  private static VideoJob running() {
    return VideoJob.builder(ScriptedProvider.ID, "j1", JobStatus.RUNNING).build();
  }

  @ParameterizedTest
  @MethodSource("everyWay")
  void anUnreadableStatusAnswerIsAProviderResponseException(Mode mode, Unreadable how) {
    ScriptedProvider p = new ScriptedProvider().on("status", how.answer);
    try (VideoClient client = client(p, new Fixture.RecordingListener())) {
      assertThatThrownBy(() -> mode.status(client, REF)).isInstanceOfSatisfying(ProviderResponseException.class, e -> {
        assertThat(e.provider()).contains(ScriptedProvider.ID);
        assertThat(e.getCause()).isInstanceOf(how.cause);
        assertThat(e.getMessage()).contains("could not be read").doesNotContain("/api/download/a b");
      });
    }
  }

  @ParameterizedTest
  @MethodSource("everyWay")
  void anUnreadableCancelAnswerIsAProviderResponseException(Mode mode, Unreadable how) {
    ScriptedProvider p = new ScriptedProvider().on("cancel", how.answer);
    try (VideoClient client = client(p, new Fixture.RecordingListener())) {
      assertThatThrownBy(() -> mode.cancel(client, REF)).isInstanceOf(ProviderResponseException.class)
          .hasCauseInstanceOf(how.cause);
    }
  }

  @ParameterizedTest
  @EnumSource(Unreadable.class)
  void anUnreadableResultAnswerIsAProviderResponseException(Unreadable how) {
    ScriptedProvider p = new ScriptedProvider().on("result", how.answer);
    try (VideoClient client = client(p, new Fixture.RecordingListener())) {
      assertThatThrownBy(() -> client.result(REF)).isInstanceOf(ProviderResponseException.class)
          .hasCauseInstanceOf(how.cause);
      assertThatThrownBy(() -> client.resultAsync(REF).get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(ProviderResponseException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("everyWay")
  void anUnreadableSubmitAnswerIsAnUnknownOutcomeCarryingTheKey(Mode mode, Unreadable how) {
    ScriptedProvider p = new ScriptedProvider().on("submit", how.answer);
    Fixture.RecordingListener events = new Fixture.RecordingListener();
    try (VideoClient client = client(p, events)) {
      assertThatThrownBy(() -> mode.submit(client, Fixture.request().toBuilder().idempotencyKey("k-77").build()))
          .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
            assertThat(e.idempotencyKey()).contains("k-77");
            assertThat(e.provider()).contains(ScriptedProvider.ID);
            assertThat(e.getMessage()).contains("k-77").contains("job may exist");
            assertThat(e.getCause()).isInstanceOf(how.cause);
          });
      assertThat(events.submitFailures).singleElement().isInstanceOf(OutcomeUnknownException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSubmitAnswerTheAdapterRejectsAsUnreadableIsStillAnUnknownOutcome(Mode mode) {
    ProviderResponseException unreadable = new ProviderResponseException("the draft's video_id contains '~'",
        ErrorContext.of(ScriptedProvider.ID), "video_id", null);
    ScriptedProvider p = new ScriptedProvider().on("submit", () -> CompletableFuture.failedFuture(unreadable));
    try (VideoClient client = client(p, new Fixture.RecordingListener())) {
      assertThatThrownBy(() -> mode.submit(client, Fixture.request().toBuilder().idempotencyKey("k-78").build()))
          .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
            assertThat(e.idempotencyKey()).contains("k-78");
            assertThat(e.getCause()).isSameAs(unreadable);
            assertThat(e.getMessage()).contains("video_id contains '~'");
          });
    }
  }

  @ParameterizedTest
  @MethodSource("everyWay")
  void anUnreadablePollEndsTheWaitWithAProviderResponseException(Mode mode, Unreadable how) {
    ScriptedProvider p = new ScriptedProvider().on("status", how.answer);
    try (VideoClient client = client(p, new Fixture.RecordingListener())) {
      assertThatThrownBy(() -> mode.await(client, REF, Duration.ofMinutes(5)))
          .isInstanceOf(ProviderResponseException.class).hasCauseInstanceOf(how.cause);
    }
  }

  @ParameterizedTest
  @EnumSource(Unreadable.class)
  void anUnreadableResultAfterSuccessEndsTheWaitInsteadOfLeavingItPending(Unreadable how) throws Exception {
    ScriptedProvider p = new ScriptedProvider()
        .on("status", () -> CompletableFuture.completedFuture(
            VideoJob.builder(ScriptedProvider.ID, "j1", JobStatus.SUCCEEDED).build()))
        .on("result", how.answer);
    try (VideoClient client = client(p, new Fixture.RecordingListener())) {
      CompletableFuture<VideoJob> wait = client.awaitAsync(REF, Duration.ofMinutes(5));

      assertThatThrownBy(() -> wait.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(ProviderResponseException.class).hasCauseInstanceOf(how.cause);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void typedErrorsFromTheAdapterPassUnchanged(Mode mode) {
    JobNotFoundException notFound = new JobNotFoundException("no job j1", ErrorContext.of(ScriptedProvider.ID));
    ScriptedProvider p = new ScriptedProvider().on("status", () -> CompletableFuture.failedFuture(notFound));
    try (VideoClient client = client(p, new Fixture.RecordingListener())) {
      assertThatThrownBy(() -> mode.status(client, REF)).isSameAs(notFound);
    }
  }

  @Test
  void cancellingTheClientsFutureCancelsTheAdaptersFuture() {
    ScriptedProvider p = new ScriptedProvider().on("status", CompletableFuture::new);
    try (VideoClient client = client(p, new Fixture.RecordingListener())) {
      CompletableFuture<VideoJob> f = client.statusAsync(REF);

      f.cancel(true);

      assertThat(p.handedOut).singleElement().satisfies(a -> assertThat(a).isCancelled());
      assertThatThrownBy(f::join).isInstanceOf(CancellationException.class);
    }
  }

  @Test
  void aReadableAnswerPassesUnchanged() {
    VideoJob job = running();
    ScriptedProvider p = new ScriptedProvider().on("status", () -> CompletableFuture.completedFuture(job));
    try (VideoClient client = client(p, new Fixture.RecordingListener())) {
      assertThat(client.status(REF)).isSameAs(job);
      assertThat(client.provider(ScriptedProvider.ID)).isSameAs(p);
    }
  }
}
