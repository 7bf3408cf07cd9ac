package dev.videojob.providers.fuzz;

import dev.videojob.core.RetrySettings;
import dev.videojob.core.VideoClient;
import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.testing.ManualClock;
import dev.videojob.core.testing.RecordingSleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockWebServer;

/**
 * A {@link VideoClient} with one adapter pointed at a loopback MockWebServer whose answers a
 * {@link Dispatcher} decides, with a manual clock and a sleeper that returns at once (retries and
 * {@code Retry-After} waits cost nothing).
 *
 * <p>The server's sockets send without Nagle's delay: MockWebServer writes an answer's head and
 * body separately, and with Nagle on each answer waits out the client's delayed ACK (about 40 ms),
 * which would make a few hundred calls take most of a minute.
 */
final class Stub implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  final ManualClock clock = ManualClock.atEpochOfTests();
  final RecordingSleeper sleeper = RecordingSleeper.immediate(clock);
  final VideoProvider provider;
  final VideoClient client;

  Stub(Function<String, VideoProvider> adapter, Dispatcher dispatcher) throws IOException {
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.setDispatcher(dispatcher);
    server.start();
    String base = server.url("/").toString();
    provider = adapter.apply(base.substring(0, base.length() - 1));
    client = VideoClient.builder().provider(provider).clock(clock).sleeper(sleeper)
        .retry(RetrySettings.builder().random(() -> 1.0).build()).pollJitter(() -> 1.0).build();
  }

  /** Drops the requests the server recorded, so a long run keeps constant memory. */
  void forgetRequests() throws InterruptedException {
    while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
      // drained
    }
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }

  private static final class NoDelayServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket s = super.accept();
          s.setTcpNoDelay(true);
          return s;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }
  }
}
