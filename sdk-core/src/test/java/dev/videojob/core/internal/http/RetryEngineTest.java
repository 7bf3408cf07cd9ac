package dev.videojob.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.testing.ManualClock;
import dev.videojob.core.testing.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryEngineTest {
  private final ManualClock clock = ManualClock.atEpochOfTests();

  @Test
  void retriesWithTheDecisionsWaitsUntilAnAttemptSucceeds() {
    RecordingSleeper sleeper = RecordingSleeper.immediate(clock);
    AtomicInteger attempts = new AtomicInteger();
    List<Integer> observed = new ArrayList<>();
    String result = RetryEngine.<String>with(sleeper)
        .retryWhen((r, f) -> f instanceof IOException ? Optional.of(Duration.ofSeconds(attempts.get())) : Optional.empty())
        .onRetry((attempt, delay, r, f) -> observed.add(attempt))
        .run(cancel -> attempts.incrementAndGet() < 3
                ? CompletableFuture.failedFuture(new IOException("reset")) : CompletableFuture.completedFuture("ok"),
            (r, f, cancelled) -> r)
        .join();
    assertThat(result).isEqualTo("ok");
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(observed).containsExactly(1, 2);
  }

  @Test
  void endsWithTheLastFailureUnwrappedWhenTheDecisionStops() {
    IOException last = new IOException("refused");
    CompletableFuture<String> f = RetryEngine.<String>with(RecordingSleeper.immediate(clock))
        .run(cancel -> CompletableFuture.failedFuture(new CompletionException(last)), (r, failure, cancelled) -> {
          throw new IllegalStateException("mapped", failure);
        });
    assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
        .cause().hasMessage("mapped").cause().isSameAs(last);
  }

  @Test
  void cancellingTheResultCancelsTheAttemptInFlight() throws Exception {
    CompletableFuture<Void> started = new CompletableFuture<>();
    CompletableFuture<Void> cancelledAttempt = new CompletableFuture<>();
    CompletableFuture<String> never = new CompletableFuture<>();
    CompletableFuture<String> f = RetryEngine.<String>with(RecordingSleeper.immediate(clock))
        .run(cancel -> {
          cancel.onCancel(() -> cancelledAttempt.complete(null));
          started.complete(null);
          return never;
        }, (r, failure, cancelled) -> r);
    // The first attempt may start on another thread; a cancel before it starts means it never does.
    started.get(10, TimeUnit.SECONDS);
    f.cancel(true);
    cancelledAttempt.get(10, TimeUnit.SECONDS);
    assertThat(f).isCancelled();
  }

  @Test
  void cancellingDuringAWaitCancelsTheWaitAndStartsNoOtherAttempt() throws Exception {
    RecordingSleeper sleeper = RecordingSleeper.manual(clock);
    AtomicInteger attempts = new AtomicInteger();
    CompletableFuture<String> f = RetryEngine.<String>with(sleeper)
        .retryWhen((r, failure) -> Optional.of(Duration.ofSeconds(5)))
        .run(cancel -> {
          attempts.incrementAndGet();
          return CompletableFuture.failedFuture(new IOException("reset"));
        }, (r, failure, cancelled) -> r);
    sleeper.awaitPending(1);
    f.cancel(true);
    assertThat(sleeper.awaitCancelled(0)).isTrue();
    assertThat(attempts).hasValue(1);
  }
}
