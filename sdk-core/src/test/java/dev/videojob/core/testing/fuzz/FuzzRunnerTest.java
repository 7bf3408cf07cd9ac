package dev.videojob.core.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The fuzz runner reports what a person needs to replay a failure, and does not wait forever on a hang. */
class FuzzRunnerTest {

  @Test
  void aFailingPropertyIsReportedWithSeedIterationInputAndReplayCommand() {
    Throwable t = catchThrowable(() -> Fuzz.run("self-test", 5, r -> "input-" + r.nextInt(1000), s -> s, s -> {
      throw new IllegalStateException("always");
    }));

    assertThat(t).isInstanceOf(AssertionError.class);
    assertThat(t.getMessage())
        .contains("fuzz target 'self-test' failed", "seed " + Fuzz.seed(), "1 distinct failure(s)",
            "java.lang.IllegalStateException", "input:   input-", "-Dtest=FuzzRunnerTest",
            "-D" + Fuzz.SEED_PROPERTY + "=" + Fuzz.seed(), "-D" + Fuzz.ITERATION_PROPERTY + "=");
    assertThat(t.getCause()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aHangingIterationIsReportedAsAHangWithWhereItIsStuck() {
    // One iteration with a one-second limit, whatever the run's settings (a long run sets iterations).
    java.util.Properties saved = (java.util.Properties) System.getProperties().clone();
    System.setProperty(Fuzz.TIMEOUT_PROPERTY, "1");
    System.clearProperty(Fuzz.ITERATIONS_PROPERTY);
    System.clearProperty(Fuzz.ITERATION_PROPERTY);
    CountDownLatch never = new CountDownLatch(1);
    try {
      Throwable t = catchThrowable(() -> Fuzz.run("hang", 1, r -> 0, String::valueOf, i -> never.await()));
      assertThat(t).isInstanceOf(AssertionError.class).hasMessageContaining("hang: one iteration took longer than 1 s");
      assertThat(t.getCause().getStackTrace()).isNotEmpty();
    } finally {
      for (String p : new String[] {Fuzz.TIMEOUT_PROPERTY, Fuzz.ITERATIONS_PROPERTY, Fuzz.ITERATION_PROPERTY}) {
        if (saved.getProperty(p) == null) System.clearProperty(p);
        else System.setProperty(p, saved.getProperty(p));
      }
      never.countDown();
    }
  }
}
