package dev.videojob.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.media.DownloadResult;
import dev.videojob.media.MediaTransfer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A download to a file through {@link MediaTransfer} (SHA-256 while streaming, fsync, atomic move) against a
 * loopback server, next to a plain copy of the same body to a file with an fsync, as curl followed by
 * {@code sync} would do. Run: {@code java -jar benchmarks/target/benchmarks.jar Download}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class DownloadBenchmark {
  @Param({"67108864"})
  public int size;

  private HttpServer server;
  private URI url;
  private Path dir;
  private MediaTransfer media;
  private OkHttpClient plain;

  @Setup(Level.Trial)
  public void start() throws IOException {
    byte[] body = new byte[size];
    new Random(42).nextBytes(body);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "video/mp4");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/master.mp4");
    dir = Files.createTempDirectory("videojob-download-bench");
    media = MediaTransfer.builder().build();
    plain = new OkHttpClient();
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    media.close();
    plain.dispatcher().executorService().shutdown();
    plain.connectionPool().evictAll();
    server.stop(0);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  @Benchmark
  public long downloadThroughMediaTransfer() {
    DownloadResult r = media.download(Asset.builder(url, AssetKind.MASTER).build(), dir.resolve("sdk.mp4"));
    return r.sizeBytes();
  }

  /** The baseline: the body copied to a file and forced to disk, no hashing, no atomic move. */
  @Benchmark
  public long plainCopyWithFsync() throws IOException {
    try (Response response = plain.newCall(new Request.Builder().url(url.toString()).build()).execute();
        InputStream in = response.body().byteStream();
        FileChannel ch = FileChannel.open(dir.resolve("plain.mp4"), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      long n = in.transferTo(Channels.newOutputStream(ch));
      ch.force(true);
      return n;
    }
  }
}
