package dev.videojob.benchmarks;

import dev.videojob.core.JobRef;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoJob;
import dev.videojob.core.spi.ApiRequest;
import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.CallContext;
import dev.videojob.core.spi.HttpTransport;
import dev.videojob.core.spi.ProviderCapabilities;
import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.VideoRequest;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one status call costs through the SDK (request building, Failsafe retry policy, OkHttp,
 * JSON, mapping to a {@link VideoJob}) against a loopback server, next to the same call made with
 * the transport alone. Run: {@code java -jar benchmarks/target/benchmarks.jar Transport -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransportBenchmark {
  private static final String BODY = "{\"id\":\"j1\",\"status\":\"running\",\"progress\":0.42}";

  private LoopbackJsonServer server;
  private String base;
  private HttpTransport http;
  private VideoClient client;
  private okhttp3.OkHttpClient plain;

  @Setup(Level.Trial)
  public void start() throws IOException {
    server = new LoopbackJsonServer(200, BODY);
    base = server.baseUrl();
    http = HttpTransport.builder("bench").baseUrl(base).auth(Auth.bearer("k")).build();
    client = VideoClient.builder().provider(new BenchProvider(http)).build();
    plain = new okhttp3.OkHttpClient();
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    server.close();
  }

  @Benchmark
  public VideoJob statusThroughTheClient() {
    return client.status(JobRef.of("bench", "j1"));
  }

  /** The baseline: the same GET with a bare OkHttp client, no SDK. */
  @Benchmark
  public int plainOkHttpCall() throws IOException {
    try (okhttp3.Response r = plain.newCall(new okhttp3.Request.Builder().url(base + "jobs/j1").build()).execute()) {
      return r.body().bytes().length;
    }
  }

  @Benchmark
  public int rawTransportCall() {
    CallContext ctx = CallContext.builder("bench", "status").sleeper(d -> CompletableFuture.completedFuture(null)).build();
    return http.sendSync(ApiRequest.get("/jobs/j1").build(), ctx).status();
  }

  private static final class BenchProvider implements VideoProvider {
    private final HttpTransport http;

    BenchProvider(HttpTransport http) {
      this.http = http;
    }

    @Override public String id() { return "bench"; }

    @Override public ProviderCapabilities capabilities() { return ProviderCapabilities.builder().polling(true).build(); }

    @Override public CompletableFuture<VideoJob> submit(VideoRequest request, CallContext context) {
      throw new UnsupportedOperationException();
    }

    @Override public CompletableFuture<VideoJob> status(String jobId, CallContext ctx) {
      return http.send(ApiRequest.get("/jobs/" + jobId).build(), ctx).thenApply(r -> {
        var n = r.json();
        return VideoJob.builder("bench", n.path("id").asText(), JobStatus.RUNNING).rawStatus(n.path("status").asText())
            .progress(n.path("progress").asDouble()).build();
      });
    }
  }
}
