package dev.videojob.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.videojob.core.InMemoryIdempotencyStore;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import dev.videojob.durable.JdbcWebhookInbox;
import dev.videojob.store.jdbc.JdbcIdempotencyStore;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookFormat;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookParseException;
import dev.videojob.webhooks.WebhookPipeline;
import dev.videojob.webhooks.WebhookServlet;
import dev.videojob.webhooks.WebhookSigner;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Webhook intake, in deliveries per second, of each pipeline mode against a bare servlet that answers 200,
 * all in the same embedded Jetty on loopback, from 8 client threads; each delivery is a new signed event.
 * {@code bare} is the anchor; {@code synchronous} claims in the in-memory store and runs a no-op handler
 * before answering; {@code synchronousJdbc} claims in the JDBC store; {@code durable} commits each event to
 * the {@link JdbcWebhookInbox} (which processes it on 4 threads meanwhile); {@code acknowledgeFirst} queues it.
 * The database is an in-process H2 by default; {@code -p database=postgres} uses the PostgreSQL server at
 * 127.0.0.1:5432 (database test). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar WebhookIntake -p database=postgres}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Threads(8)
@Fork(1)
public class WebhookIntakeBenchmark {
  private static final String SECRET = "bench-signing-secret";
  private static final SignatureScheme SCHEME = SignatureScheme.hmacSha256Hex("X-Bench-Signature", "sha256=");

  @Param({"bare", "synchronous", "synchronousJdbc", "durable", "acknowledgeFirst"})
  public String mode;

  @Param({"h2"})
  public String database;

  private final AtomicLong sequence = new AtomicLong();
  private Server server;
  private URI endpoint;
  private WebhookPipeline pipeline;
  private JdbcWebhookInbox inbox;
  private HikariDataSource pool;
  private HttpClient http;

  /** Starts Jetty with the servlet of the mode under test. */
  @Setup(Level.Trial)
  public void start() throws Exception {
    HttpServlet servlet = mode.equals("bare") ? new BareServlet() : new WebhookServlet(pipeline());
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(servlet), "/webhooks/bench");
    server.setHandler(context);
    server.start();
    endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/webhooks/bench");
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  private WebhookPipeline pipeline() throws Exception {
    WebhookPipeline.Builder b = WebhookPipeline.builder(new BenchFormat()).secret(SECRET);
    switch (mode) {
      case "synchronous" -> b.idempotencyStore(InMemoryIdempotencyStore.builder().maxEntries(10_000_000).build())
          .handler(e -> { });
      case "acknowledgeFirst" -> b.idempotencyStore(InMemoryIdempotencyStore.builder().maxEntries(10_000_000).build())
          .acknowledgeBeforeHandlingMayLoseEvents().handler(e -> { });
      case "synchronousJdbc" -> b.idempotencyStore(JdbcIdempotencyStore.builder(pool()).tableName("bench_idempotency")
          .createTableIfMissing(true).build()).handler(e -> { });
      case "durable" -> {
        inbox = JdbcWebhookInbox.builder(pool()).inboxTable("bench_inbox").tasksTable("bench_tasks")
            .createTablesIfMissing(true).handler(new BenchFormat(), e -> { }).build();
        inbox.start();
        b.inbox(inbox);
      }
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    }
    pipeline = b.build();
    return pipeline;
  }

  private HikariDataSource pool() throws Exception {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(database.equals("postgres") ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
        : "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
    c.setMaximumPoolSize(16);
    pool = new HikariDataSource(c);
    try (Connection conn = pool.getConnection(); Statement s = conn.createStatement()) {
      for (String t : new String[] {"bench_idempotency", "bench_inbox", "bench_tasks"}) s.execute("DROP TABLE IF EXISTS " + t);
    }
    return pool;
  }

  /** Stops everything the trial started. */
  @TearDown(Level.Trial)
  public void stop() throws Exception {
    server.stop();
    if (pipeline != null) pipeline.close();
    if (inbox != null) inbox.close();
    if (pool != null) pool.close();
  }

  /**
   * Sends one new signed delivery and waits for the answer.
   *
   * @return the status, so the JIT keeps the call
   * @throws Exception if the request fails
   */
  @Benchmark
  public int deliver() throws Exception {
    long n = sequence.incrementAndGet();
    byte[] body = ("{\"event\":\"job.completed\",\"job_id\":\"job-" + n + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder r = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("X-Bench-Delivery", "d-" + n);
    for (Map.Entry<String, String> h : WebhookSigner.of(SCHEME, SECRET).sign(body).entrySet()) r.header(h.getKey(), h.getValue());
    int status = http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status != 200) throw new IllegalStateException(mode + " answered " + status);
    return status;
  }

  /** The anchor: reads the body and answers 200, as the cheapest possible endpoint does. */
  static final class BareServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      req.getInputStream().readAllBytes();
      resp.setStatus(200);
      resp.setContentType("text/plain;charset=utf-8");
      resp.getOutputStream().write("accepted".getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A minimal signed format: {@code {"event":"job.completed","job_id":"..."}}, delivery id in a header. */
  static final class BenchFormat implements WebhookFormat {
    private static final Pattern JOB = Pattern.compile("\"job_id\":\"([^\"]+)\"");

    @Override
    public String provider() {
      return "bench";
    }

    @Override
    public Optional<SignatureScheme> signatureScheme() {
      return Optional.of(SCHEME);
    }

    @Override
    public WebhookEvent parse(byte[] body, WebhookHeaders headers, Instant receivedAt) {
      Matcher m = JOB.matcher(new String(body, StandardCharsets.UTF_8));
      if (!m.find()) throw new WebhookParseException("bench", "no job_id", null);
      return WebhookEvent.builder("bench", WebhookEvent.Kind.JOB_UPDATE, "job.completed")
          .deliveryId(headers.first("X-Bench-Delivery").orElse(null))
          .snapshot(VideoJob.builder("bench", m.group(1), JobStatus.SUCCEEDED).build())
          .receivedAt(receivedAt).rawBody(body).build();
    }
  }
}
