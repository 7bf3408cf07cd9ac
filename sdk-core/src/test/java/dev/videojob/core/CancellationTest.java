package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.support.Fixture;
import dev.videojob.core.support.TestProvider;
import dev.videojob.core.testing.ManualClock;
import dev.videojob.core.testing.RecordingSleeper;
import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.HttpTransport;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CancellationTest {

  @Test
  void cancellingTheFutureClosesTheHttpCallInFlight() throws Exception {
    CountDownLatch requestRead = new CountDownLatch(1);
    CountDownLatch clientClosed = new CountDownLatch(1);
    try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> {
        try (Socket s = ss.accept(); InputStream in = s.getInputStream()) {
          byte[] buf = new byte[8192];
          int n = in.read(buf);
          if (n > 0) requestRead.countDown();
          // Never answer; a canceled call closes the socket, so read() ends.
          while (in.read(buf) >= 0) { }
          clientClosed.countDown();
        } catch (Exception e) {
          clientClosed.countDown();
        }
      });
      server.setDaemon(true);
      server.start();
      ManualClock clock = ManualClock.atEpochOfTests();
      HttpTransport http = HttpTransport.builder("test").baseUrl("http://127.0.0.1:" + ss.getLocalPort())
          .auth(Auth.bearer("k")).readTimeout(Duration.ofSeconds(30)).build();
      try (VideoClient client = VideoClient.builder().provider(new TestProvider("test", http, true)).clock(clock)
          .sleeper(RecordingSleeper.immediate(clock)).build()) {
        CompletableFuture<VideoJob> f = client.statusAsync(JobRef.of("test", "j1"));
        assertThat(requestRead.await(10, TimeUnit.SECONDS)).isTrue();

        f.cancel(true);

        assertThat(clientClosed.await(10, TimeUnit.SECONDS)).as("the HTTP connection was closed").isTrue();
        assertThatThrownBy(f::join).isInstanceOf(CancellationException.class);
      }
    }
  }

  @Test
  void cancellingDuringARetryWaitCancelsThePendingRetry() throws Exception {
    try (Fixture f = new Fixture(true, true, RetrySettings.builder().random(() -> 1.0).build())) {
      f.enqueue(503, "{}");
      f.enqueue(202, "{\"id\":\"j1\",\"status\":\"queued\"}");

      CompletableFuture<VideoJob> submit = f.client.submitAsync(Fixture.request());
      f.sleeper.awaitPending(1);
      submit.cancel(true);

      assertThat(f.sleeper.awaitCancelled(0)).isTrue();
      assertThat(f.server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void interruptingASynchronousCallCancelsIt() throws Exception {
    try (Fixture f = new Fixture(true, true, RetrySettings.builder().random(() -> 1.0).build())) {
      f.enqueue(503, "{}");
      AtomicBoolean interruptedError = new AtomicBoolean();
      Thread caller = new Thread(() -> {
        try {
          f.client.submit(Fixture.request());
        } catch (VideoJobException e) {
          interruptedError.set(e.getMessage().contains("interrupted"));
        }
      });
      caller.start();
      f.sleeper.awaitPending(1);

      caller.interrupt();
      caller.join(10_000);

      assertThat(interruptedError).isTrue();
      assertThat(f.sleeper.awaitCancelled(0)).isTrue();
    }
  }
}
