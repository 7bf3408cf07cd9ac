package dev.videojob.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.IdempotencyStore;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The servlet adapter in an embedded Jetty, over real HTTP on loopback. */
class WebhookServletTest {
  private static final String SECRET = "acme-signing-secret";
  private static final String PATH = "/webhooks/acme";

  private final IdempotencyStore store = TestStores.inMemory();
  private final List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private Server server;
  private WebhookPipeline pipeline;
  private URI endpoint;

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.stop();
    if (pipeline != null) pipeline.close();
    store.close();
  }

  private void start(WebhookPipeline p) throws Exception {
    this.pipeline = p;
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new WebhookServlet(p)), PATH);
    server.setHandler(context);
    server.start();
    endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort() + PATH);
  }

  private WebhookPipeline.Builder signedPipeline() {
    return WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(store).handler(handled::add);
  }

  private HttpRequest.Builder post(URI uri, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/json");
    headers.forEach(b::header);
    return b;
  }

  private HttpResponse<String> send(byte[] body, String deliveryId) throws Exception {
    Map<String, String> headers = new java.util.HashMap<>(WebhookSigner.of(AcmeFormat.SCHEME, SECRET).sign(body));
    headers.put("X-Acme-Delivery", deliveryId);
    return http.send(post(endpoint, body, headers).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answers200AndHandsHandlerTheExactRawBytes() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    start(signedPipeline().handler(e -> {
      handled.add(e);
      done.countDown();
    }).build());
    byte[] body = "{\"event\":\"job.completed\",\r\n\"job_id\":\"j1\",\"status\":\"completed\",\"title\":\"Découverte 🚀\"}"
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r = send(body, "d1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(handled).singleElement().satisfies(e -> assertThat(e.rawBody()).isEqualTo(body));
  }

  @Test
  void answers401ForBadSignatureWithoutRevealingWhy() throws Exception {
    start(signedPipeline().build());
    byte[] body = AcmeFormat.body("job.completed", "j1", "completed").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r = http.send(post(endpoint, body, Map.of("X-Acme-Signature", "sha256=" + "0".repeat(64)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).isEqualTo("invalid signature");
  }

  @Test
  void answers413ForDeclaredOversizedBody() throws Exception {
    start(signedPipeline().maxBodyBytes(1024).build());
    HttpResponse<String> r = send(new byte[4096], "d1");
    assertThat(r.statusCode()).isEqualTo(413);
  }

  @Test
  void answers413ForChunkedOversizedBody() throws Exception {
    start(signedPipeline().maxBodyBytes(1024).build());
    HttpRequest req = HttpRequest.newBuilder(endpoint)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[64 * 1024]))).build();
    assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
  }

  @Test
  void answers400ForMalformedJson() throws Exception {
    start(signedPipeline().build());
    assertThat(send("not json".getBytes(StandardCharsets.UTF_8), "d1").statusCode()).isEqualTo(400);
  }

  @Test
  void answers400NotA500WhenTheParserThrowsOnValuesOutOfRange() throws Exception {
    start(signedPipeline().build());
    HttpResponse<String> timestamp = send(("{\"event\":\"job.completed\",\"job_id\":\"j1\","
        + "\"completed_at\":-9223372036854775808}").getBytes(StandardCharsets.UTF_8), "d1");
    HttpResponse<String> number = send("{\"event\":\"job.completed\",\"job_id\":\"j1\",\"credits\":1e309}"
        .getBytes(StandardCharsets.UTF_8), "d2");
    assertThat(timestamp.statusCode()).isEqualTo(400);
    assertThat(timestamp.body()).isEqualTo("malformed payload");
    assertThat(number.statusCode()).isEqualTo(400);
    assertThat(handled).isEmpty();
  }

  @Test
  void answers503WithRetryAfterWhenTheHandlerFailsAnd200ToTheRedelivery() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    start(signedPipeline().handler(e -> {
      if (calls.incrementAndGet() == 1) throw new IllegalStateException("database down");
      handled.add(e);
    }).build());
    byte[] body = AcmeFormat.body("job.completed", "j1", "completed").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> failed = send(body, "d1");
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(failed.headers().firstValue("Retry-After")).contains("5");
    assertThat(send(body, "d1").statusCode()).isEqualTo(200);
    assertThat(handled).hasSize(1);
  }

  @Test
  void acknowledgeFirstAnswers503WithRetryAfterWhenHandoffQueueIsFull() throws Exception {
    CountDownLatch finish = new CountDownLatch(1);
    start(signedPipeline().workers(1).queueCapacity(1).acknowledgeBeforeHandlingMayLoseEvents()
        .handler(e -> finish.await()).build());
    try {
      assertThat(send(AcmeFormat.body("job.completed", "j1", "completed").getBytes(StandardCharsets.UTF_8), "d1")
          .statusCode()).isEqualTo(200);
      assertThat(send(AcmeFormat.body("job.completed", "j2", "completed").getBytes(StandardCharsets.UTF_8), "d2")
          .statusCode()).isEqualTo(200);
      HttpResponse<String> third = send(AcmeFormat.body("job.completed", "j3", "completed")
          .getBytes(StandardCharsets.UTF_8), "d3");
      assertThat(third.statusCode()).isEqualTo(503);
      assertThat(third.headers().firstValue("Retry-After")).contains("5");
    } finally {
      finish.countDown();
    }
  }

  @Test
  void processesConcurrentDuplicateDeliveriesOnce() throws Exception {
    int deliveries = 8;
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(1);
    CountDownLatch othersAnswered = new CountDownLatch(deliveries - 1);
    start(signedPipeline().workers(2).handler(e -> {
      runs.incrementAndGet();
      othersAnswered.await(30, TimeUnit.SECONDS); // the answer waits for the handler: hold it until the others are answered
      release.await();
      done.countDown();
    }).build());
    byte[] body = AcmeFormat.body("job.completed", "j1", "completed").getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new java.util.HashMap<>(WebhookSigner.of(AcmeFormat.SCHEME, SECRET).sign(body));
    headers.put("X-Acme-Delivery", "d1");
    List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
    for (int i = 0; i < deliveries; i++) {
      CompletableFuture<HttpResponse<String>> f =
          http.sendAsync(post(endpoint, body, headers).build(), HttpResponse.BodyHandlers.ofString());
      f.thenRun(othersAnswered::countDown);
      inFlight.add(f);
    }
    assertThat(othersAnswered.await(30, TimeUnit.SECONDS)).isTrue();
    release.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> f : inFlight) statuses.add(f.get(30, TimeUnit.SECONDS).statusCode());
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 503).hasSize(deliveries - 1);
    assertThat(runs.get()).isEqualTo(1);
  }

  @Test
  void answers200ToRedeliveryOfFinishedEventWithoutRunningHandlerAgain() throws Exception {
    CountDownLatch marked = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    start(signedPipeline().handler(e -> runs.incrementAndGet()).onVerifiedSnapshot(s -> marked.countDown()).build());
    byte[] body = AcmeFormat.body("job.completed", "j1", "completed").getBytes(StandardCharsets.UTF_8);
    assertThat(send(body, "d1").statusCode()).isEqualTo(200);
    assertThat(marked.await(10, TimeUnit.SECONDS)).isTrue();
    HttpResponse<String> again = send(body, "d1");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo("duplicate");
    assertThat(runs.get()).isEqualTo(1);
  }

  @Test
  void acceptsUnsignedCallbackWithTokenInQueryEvenWithFormContentType() throws Exception {
    CallbackTokens tokens = CallbackTokens.withSecret(CallbackTokens.generateSecret());
    start(WebhookPipeline.builder(AcmeFormat.unsigned()).callbackTokens(tokens).idempotencyStore(store)
        .handler(handled::add).build());
    URI url = tokens.callbackUrl(endpoint, "acme");
    byte[] body = AcmeFormat.body("job.completed", "j1", "completed").getBytes(StandardCharsets.UTF_8);
    HttpRequest req = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/x-www-form-urlencoded").build();
    assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    HttpRequest noToken = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    assertThat(http.send(noToken, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
  }

  @Test
  void answers405ToGet() throws Exception {
    start(signedPipeline().build());
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(405);
  }
}
