package dev.videojob.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP/1.1 server that writes exactly the bytes a script gives it, then closes the
 * connection: it can announce a {@code Content-Length} larger than the body it sends, which
 * MockWebServer will not. One connection at a time; each request gets a new connection.
 */
final class ScriptedHttpServer implements AutoCloseable {
  /** The answer to the {@code attempt}-th request (1-based); {@code range} is its Range header or null. */
  interface Script {
    Reply reply(int attempt, String range);
  }

  /**
   * @param head the status line and headers, without the blank line that ends them
   * @param body the bytes sent after the headers, whatever Content-Length says
   */
  record Reply(String head, byte[] body) {
    static Reply of(int status, long contentLength, byte[] body, String... headers) {
      StringBuilder h = new StringBuilder("HTTP/1.1 " + status + " X\r\nContent-Length: " + contentLength
          + "\r\nContent-Type: video/mp4\r\nConnection: close");
      for (String header : headers) h.append("\r\n").append(header);
      return new Reply(h.toString(), body);
    }
  }

  final List<String> ranges = new CopyOnWriteArrayList<>();
  private final ServerSocket socket;
  private final Thread loop;

  ScriptedHttpServer(Script script) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    loop = new Thread(() -> serve(script), "scripted-http-server");
    loop.setDaemon(true);
    loop.start();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
  }

  int requests() {
    return ranges.size();
  }

  private void serve(Script script) {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        String range = null;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          if (line.toLowerCase(Locale.ROOT).startsWith("range:")) range = line.substring(6).trim();
        }
        ranges.add(range == null ? "" : range);
        Reply r = script.reply(ranges.size(), range);
        OutputStream out = s.getOutputStream();
        out.write((r.head() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(r.body());
        out.flush();
      } catch (IOException e) {
        // closed by close(), or the client hung up: either way the next accept decides
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
