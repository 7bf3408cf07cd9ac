package dev.videojob.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookPipeline;
import dev.videojob.webhooks.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Receives webhooks on a loopback port and hands them to a {@link WebhookPipeline}, for tests and
 * examples that run against an emulator; in production use {@code WebhookServlet} or call
 * {@code pipeline.receive(...)} from your framework, as this class does with the JDK's HTTP server.
 * The raw body is passed on untouched (signatures are over bytes).
 */
public final class LoopbackWebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final WebhookPipeline pipeline;

  private LoopbackWebhookReceiver(WebhookPipeline pipeline) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline == null");
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on loopback", e);
    }
    server.createContext("/webhooks", this::handle);
    server.start();
  }

  /**
   * Starts receiving for a pipeline.
   *
   * @param pipeline where deliveries go; not closed by the receiver
   * @return the running receiver
   * @throws UncheckedIOException if no loopback port can be opened
   */
  public static LoopbackWebhookReceiver start(WebhookPipeline pipeline) {
    return new LoopbackWebhookReceiver(pipeline);
  }

  /** @return the URL to give the provider as its callback, {@code http://127.0.0.1:<port>/webhooks/<provider>} */
  public URI callbackUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/" + pipeline.provider());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      WebhookResponse r;
      try (InputStream body = exchange.getRequestBody()) {
        r = pipeline.receive(body, WebhookHeaders.ofMulti(exchange.getRequestHeaders()),
            exchange.getRequestURI().getRawQuery());
      }
      r.retryAfter().ifPresent(d -> exchange.getResponseHeaders().add("Retry-After", String.valueOf(d.toSeconds())));
      byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(r.statusCode(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  /** Stops listening; the pipeline stays open. */
  @Override
  public void close() {
    server.stop(0);
  }
}
