package dev.videojob.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A JDK HttpServer on loopback that answers every request with one JSON body: the provider the transport
 * benchmarks call, both through the SDK and with a bare OkHttp client. It sets TCP_NODELAY, without which
 * the server's header and body writes meet the client's delayed ACK (about 40 ms a call) and every figure
 * measures that instead.
 */
final class LoopbackJsonServer implements AutoCloseable {
  private final HttpServer server;

  LoopbackJsonServer(int status, String json) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  /** @return the base URL, ending in a slash */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
