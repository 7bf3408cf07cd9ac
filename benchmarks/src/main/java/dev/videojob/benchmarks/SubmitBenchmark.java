package dev.videojob.benchmarks;

import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.ApiRequest;
import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.CallContext;
import dev.videojob.core.spi.HttpTransport;
import dev.videojob.core.spi.ProviderCapabilities;
import dev.videojob.core.spi.RequestField;
import dev.videojob.core.spi.VideoProvider;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
 * What one synchronous submit costs through the client (validation, idempotency key, the create call with the
 * safe-create rule, JSON, the job snapshot) against a loopback server, next to the same POST made with a bare
 * OkHttp client. Run: {@code java -jar benchmarks/target/benchmarks.jar Submit -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SubmitBenchmark {
  private static final String ANSWER = "{\"id\":\"j1\",\"status\":\"queued\"}";
  private static final String BODY = "{\"prompt\":\"a cat surfing at sunset\"}";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private LoopbackJsonServer server;
  private String base;
  private VideoClient client;
  private OkHttpClient plain;
  private VideoRequest request;

  @Setup(Level.Trial)
  public void start() throws IOException {
    server = new LoopbackJsonServer(202, ANSWER);
    base = server.baseUrl();
    HttpTransport http = HttpTransport.builder("bench").baseUrl(base).auth(Auth.bearer("k")).build();
    client = VideoClient.builder().provider(new BenchProvider(http)).build();
    plain = new OkHttpClient();
    request = VideoRequest.builder().prompt("a cat surfing at sunset").build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    plain.dispatcher().executorService().shutdown();
    plain.connectionPool().evictAll();
    server.close();
  }

  @Benchmark
  public VideoJob submitThroughTheClient() {
    return client.submit(request);
  }

  /** The baseline: the same POST with a bare OkHttp client, no SDK. */
  @Benchmark
  public int plainOkHttpPost() throws IOException {
    Request r = new Request.Builder().url(base + "jobs").post(RequestBody.create(BODY, JSON))
        .header("Idempotency-Key", "k").build();
    try (Response response = plain.newCall(r).execute()) {
      return response.body().bytes().length;
    }
  }

  private static final class BenchProvider implements VideoProvider {
    private final HttpTransport http;

    BenchProvider(HttpTransport http) {
      this.http = http;
    }

    @Override public String id() { return "bench"; }

    @Override public ProviderCapabilities capabilities() {
      return ProviderCapabilities.builder().polling(true).supports(RequestField.PROMPT).build();
    }

    @Override public CompletableFuture<VideoJob> submit(VideoRequest request, CallContext context) {
      var body = http.json().createObjectNode().put("prompt", request.prompt().orElse(""));
      return http.send(ApiRequest.post("/jobs").json(body).createsJob(true).build(), context).thenApply(r -> {
        var n = r.json();
        return VideoJob.builder("bench", n.path("id").asText(), JobStatus.QUEUED).rawStatus(n.path("status").asText())
            .rawJson(r.bodyString()).build();
      });
    }

    @Override public CompletableFuture<VideoJob> status(String jobId, CallContext ctx) {
      throw new UnsupportedOperationException();
    }
  }
}
