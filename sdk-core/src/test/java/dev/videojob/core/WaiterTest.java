package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.support.Fixture;
import dev.videojob.core.support.Mode;
import dev.videojob.core.support.ScriptedProvider;
import dev.videojob.core.testing.ManualClock;
import dev.videojob.core.testing.RecordingSleeper;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WaiterTest {
  private static final JobRef REF = JobRef.of("test", "j1");

  @ParameterizedTest
  @EnumSource(Mode.class)
  void waitsThroughQueuedAndRunningToTheOutputs(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"queued\"}");
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"running\"}");
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"succeeded\",\"url\":\"https://cdn.example.com/v.mp4?X-Amz-Signature=abc\"}");

      VideoJob done = mode.await(f.client, REF, Duration.ofMinutes(5));

      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(done.output(AssetKind.MASTER)).isPresent();
      // Polls back off 2 s, then 3 s (x1.5), jitter pinned to the ceiling.
      assertThat(f.sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
      assertThat(f.events.changes).extracting(VideoJob::status).containsExactly(JobStatus.RUNNING, JobStatus.SUCCEEDED);
      assertThat(f.events.completed).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void followsTheProvidersEstimateOfTheTimeLeft(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"running\",\"eta_seconds\":20}");
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"running\",\"eta_seconds\":600}");
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"succeeded\",\"url\":\"https://cdn.example.com/v.mp4\"}");

      mode.await(f.client, REF, Duration.ofMinutes(5));

      // 20 s as estimated; 600 s capped at the 30 s maximum interval.
      assertThat(f.sleeper.sleeps()).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(30));
    }
  }

  @Test
  void jitterSpreadsPollsBetweenHalfAndAllOfTheInterval() throws Exception {
    try (Fixture f = new Fixture(true)) {
      VideoClient client = VideoClient.builder()
          .provider(new dev.videojob.core.support.TestProvider("test", Fixture.transport("test", f.server, true), true))
          .clock(f.clock).sleeper(f.sleeper).pollJitter(() -> 0.0).build();
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"running\"}");
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"succeeded\",\"url\":\"https://cdn.example.com/v.mp4\"}");

      client.await(REF, Duration.ofMinutes(1));

      // jitter 0.0: the first poll after all of the first interval, the next after half of it
      assertThat(f.sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1));
      client.close();
    }
  }

  @Test
  void firstPollsOfManyWaitsStartedTogetherAreSpreadOverTheFirstInterval() {
    ScriptedProvider p = new ScriptedProvider().on("status", CompletableFuture::new);
    ManualClock clock = ManualClock.atEpochOfTests();
    RecordingSleeper sleeper = RecordingSleeper.manual(clock);
    Random seeded = new Random(17);
    try (VideoClient client = VideoClient.builder().provider(p).clock(clock).sleeper(sleeper)
        .waitSettings(WaitSettings.builder().initialInterval(Duration.ofSeconds(2)).build())
        .pollJitter(seeded::nextDouble).build()) {
      for (int i = 0; i < 1000; i++) client.awaitAsync(JobRef.of(ScriptedProvider.ID, "j" + i), Duration.ofMinutes(10));

      assertThat(p.handedOut).as("polls sent at once").isEmpty();
      List<Duration> first = sleeper.sleeps();
      assertThat(first).hasSize(1000).allSatisfy(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2)));
      int[] quarters = new int[4];
      for (Duration d : first) quarters[(int) Math.min(3, d.toMillis() / 500)]++;
      for (int n : quarters) assertThat(n).as("first polls per half second of the first interval").isBetween(200, 300);
    }
  }

  @Test
  void aWaitShorterThanTheFirstIntervalStillPollsBeforeItsDeadline() {
    VideoJob done = VideoJob.builder(ScriptedProvider.ID, "j1", JobStatus.SUCCEEDED).rawStatus("succeeded")
        .addOutput(Asset.builder(java.net.URI.create("https://cdn.example.com/v.mp4"), AssetKind.MASTER).build()).build();
    ScriptedProvider p = new ScriptedProvider().on("status", () -> CompletableFuture.completedFuture(done));
    ManualClock clock = ManualClock.atEpochOfTests();
    RecordingSleeper sleeper = RecordingSleeper.immediate(clock);
    try (VideoClient client = VideoClient.builder().provider(p).clock(clock).sleeper(sleeper)
        .waitSettings(WaitSettings.builder().initialInterval(Duration.ofSeconds(2)).build())
        .pollJitter(() -> 0.0).build()) {

      assertThat(client.await(JobRef.of(ScriptedProvider.ID, "j1"), Duration.ofSeconds(1))).isEqualTo(done);
      // the longest first wait is half the timeout, not the 2 s interval
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aFailedJobEndsTheWaitWithTheProvidersError(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"running\"}");
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"failed\",\"error\":\"render crashed\"}");

      assertThatThrownBy(() -> mode.await(f.client, REF, Duration.ofMinutes(5)))
          .isInstanceOfSatisfying(JobFailedException.class, e -> {
            assertThat(e.job().status()).isEqualTo(JobStatus.FAILED);
            assertThat(e.job().error()).hasValueSatisfying(err -> assertThat(err.message()).isEqualTo("render crashed"));
            assertThat(e.getMessage()).contains("render crashed").contains("submitting again may succeed");
          });
      assertThat(f.events.failed).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void anUnknownStatusKeepsWaitingUntilTheDeadlineAndTheTimeoutCarriesTheLastSnapshot(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      for (int i = 0; i < 10; i++) f.enqueue(200, "{\"id\":\"j1\",\"status\":\"moderating\"}");

      assertThatThrownBy(() -> mode.await(f.client, REF, Duration.ofSeconds(10)))
          .isInstanceOfSatisfying(JobTimeoutException.class, e -> {
            assertThat(e.lastSnapshot()).hasValueSatisfying(j -> {
              assertThat(j.status()).isEqualTo(JobStatus.UNKNOWN);
              assertThat(j.rawStatus()).isEqualTo("moderating");
            });
            assertThat(e.waited()).isEqualTo(Duration.ofSeconds(10));
          });
      // 2 s + 3 s + 4.5 s, then the last 0.5 s up to the deadline.
      assertThat(f.sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3),
          Duration.ofMillis(4500), Duration.ofMillis(500));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void transientPollFailuresKeepTheWaitGoing(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true, false, RetrySettings.builder().random(() -> 1.0).maxRetries(0).build())) {
      f.enqueue(503, "{}");
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"succeeded\",\"url\":\"https://cdn.example.com/v.mp4\"}");

      assertThat(mode.await(f.client, REF, Duration.ofMinutes(1)).status()).isEqualTo(JobStatus.SUCCEEDED);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aPollFailureThatPollingCannotFixEndsTheWait(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      f.enqueue(401, "{\"message\":\"bad key\"}");

      assertThatThrownBy(() -> mode.await(f.client, REF, Duration.ofMinutes(1))).isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void aVerifiedWebhookSnapshotFinishesThePendingWaitAtOnce() throws Exception {
    try (Fixture f = new Fixture(true, true, RetrySettings.builder().random(() -> 1.0).build())) {
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"running\"}");
      CompletableFuture<VideoJob> wait = f.client.awaitAsync(REF, Duration.ofMinutes(10));
      f.sleeper.awaitPending(1);

      VideoJob fromWebhook = VideoJob.builder("test", "j1", JobStatus.SUCCEEDED).rawStatus("succeeded")
          .addOutput(Asset.builder(java.net.URI.create("https://cdn.example.com/v.mp4"), AssetKind.MASTER).build()).build();
      boolean pending = f.client.acceptSnapshot(fromWebhook);

      assertThat(pending).isTrue();
      assertThat(wait).isCompletedWithValue(fromWebhook);
      assertThat(f.sleeper.awaitCancelled(0)).as("the pending poll was canceled").isTrue();
      assertThat(f.server.getRequestCount()).isEqualTo(1);
      assertThat(f.client.acceptSnapshot(fromWebhook)).as("no wait is pending any more").isFalse();
    }
  }

  @Test
  void cancellingTheWaitCancelsThePendingPoll() throws Exception {
    try (Fixture f = new Fixture(true, true, RetrySettings.builder().random(() -> 1.0).build())) {
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"running\"}");
      CompletableFuture<VideoJob> wait = f.client.awaitAsync(REF, Duration.ofMinutes(10));
      f.sleeper.awaitPending(1);

      wait.cancel(true);

      assertThat(f.sleeper.awaitCancelled(0)).isTrue();
      assertThatThrownBy(wait::join).isInstanceOf(CancellationException.class);
      assertThat(f.server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void aWaitNeedsAPositiveTimeout() throws Exception {
    try (Fixture f = new Fixture(true)) {
      assertThatThrownBy(() -> f.client.await(REF, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("positive timeout");
    }
  }
}
