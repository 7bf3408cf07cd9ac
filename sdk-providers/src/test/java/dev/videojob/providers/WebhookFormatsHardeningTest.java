package dev.videojob.providers;

import static dev.videojob.providers.support.AdapterHarness.JSON;
import static dev.videojob.providers.support.AdapterHarness.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.providers.videopilot.VideoPilotWebhookFormat;
import dev.videojob.providers.higgsfield.HiggsfieldWebhookFormat;
import dev.videojob.providers.creativeai.CreativeAiWebhookFormat;
import dev.videojob.core.IdempotencyStore;
import dev.videojob.core.InMemoryIdempotencyStore;
import dev.videojob.providers.ssemble.SsembleWebhookFormat;
import dev.videojob.providers.vidbuilder.VidBuilderWebhookFormat;
import dev.videojob.webhooks.CallbackTokens;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookFormat;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookPipeline;
import dev.videojob.webhooks.WebhookRequest;
import dev.videojob.webhooks.WebhookResponse.Outcome;
import dev.videojob.webhooks.WebhookServlet;
import dev.videojob.webhooks.WebhookSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Verified bodies that are not quite what a format expects, through the real pipeline of each of the
 * five providers: bytes after the JSON value, and values beyond what Java's types hold. None of them
 * may be handled as an event, and none may be answered 500 (which makes the provider retry the same
 * bytes for nothing).
 */
class WebhookFormatsHardeningTest {
  private static final String SECRET = "hardening-webhook-secret";
  private static final CallbackTokens TOKENS = CallbackTokens.withSecret(CallbackTokens.generateSecret());
  private static final URI CALLBACK_BASE = URI.create("https://app.example.com/webhooks");
  /** An epoch second far below {@link java.time.Instant#MIN}. */
  private static final String OUT_OF_RANGE_EPOCH = "-9223372036854775808";
  /** A JSON number beyond {@link Double#MAX_VALUE}. */
  private static final String BEYOND_DOUBLE = "1e309";

  /**
   * One provider: its format, a genuine body from its document, a timestamp field and a number field
   * its parser reads (as JSON pointers).
   */
  record Case(WebhookFormat format, String fixture, String timestamp, String number) {
    @Override
    public String toString() {
      return format.provider();
    }
  }

  static Stream<Case> providers() {
    return Stream.of(
        new Case(CreativeAiWebhookFormat.create(), "creativeai/webhook-completed.json", "/completed_at", "/credits"),
        new Case(HiggsfieldWebhookFormat.create(), "higgsfield/webhook-complete.json", "/completed_at", "/progress"),
        new Case(SsembleWebhookFormat.create(), "ssemble/webhook-completed.json", "/timestamp", "/data/shorts/0/duration"),
        new Case(VidBuilderWebhookFormat.signed(), "vidbuilder/webhook-completed.json", "/timestamp", "/progress"),
        new Case(VideoPilotWebhookFormat.create(), "videopilot/webhook-render-completed.json", "/timestamp",
            "/data/file_size"));
  }

  private final IdempotencyStore store = InMemoryIdempotencyStore.builder().build();
  private final List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
  private Server server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.stop();
    store.close();
  }

  private WebhookPipeline pipeline(WebhookFormat format) {
    WebhookPipeline.Builder b = WebhookPipeline.builder(format).idempotencyStore(store).executor(Runnable::run)
        .handler(handled::add);
    return format.signatureScheme().isPresent() ? b.secret(SECRET).build() : b.callbackTokens(TOKENS).build();
  }

  /** Signs the body (or, for a provider that signs nothing, puts a valid token in the query). */
  private static WebhookRequest genuine(WebhookFormat format, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (format.signatureScheme().isPresent()) {
      return WebhookRequest.of(bytes,
          WebhookHeaders.of(WebhookSigner.of(format.signatureScheme().get(), SECRET).sign(bytes)));
    }
    return WebhookRequest.of(bytes, WebhookHeaders.of(Map.of()),
        TOKENS.callbackUrl(CALLBACK_BASE, format.provider()).getRawQuery());
  }

  /** The fixture with the value at {@code pointer} replaced by the raw JSON text {@code raw}. */
  private static String withRawValue(String fixture, String pointer, String raw) {
    try {
      JsonNode root = JSON.readTree(fixture(fixture));
      JsonPointer p = JsonPointer.compile(pointer);
      ((ObjectNode) root.at(p.head())).put(p.last().getMatchingProperty(), "__raw_value__");
      return JSON.writeValueAsString(root).replace("\"__raw_value__\"", raw);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void aGenuineBodyIsAccepted(Case c) {
    try (WebhookPipeline pipeline = pipeline(c.format())) {
      assertThat(pipeline.receive(genuine(c.format(), fixture(c.fixture()))).outcome()).isEqualTo(Outcome.ACCEPTED);
      assertThat(handled).hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void aSignedBodyWithTrailingBytesAfterTheJsonIsMalformed(Case c) {
    String body = fixture(c.fixture()).strip();
    try (WebhookPipeline pipeline = pipeline(c.format())) {
      for (String trailing : List.of("}garbage", "garbage", "}", " {}", "[]", "\n{\"status\":\"failed\"}", "0")) {
        assertThat(pipeline.receive(genuine(c.format(), body + trailing)).outcome()).as(trailing)
            .isEqualTo(Outcome.MALFORMED);
      }
      assertThat(handled).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void theSnapshotsRawJsonIsTheBodyAsSentNotTheTreeWrittenBack(Case c) {
    // Spaces and a newline that a tree written back out would drop: the raw JSON must be the verified bytes.
    String body = fixture(c.fixture()).strip().replaceFirst("\\{", "{ \n  ") + " \n";
    try (WebhookPipeline pipeline = pipeline(c.format())) {
      assertThat(pipeline.receive(genuine(c.format(), body)).outcome()).isEqualTo(Outcome.ACCEPTED);
      assertThat(handled).hasSize(1);
      assertThat(handled.get(0).snapshot().orElseThrow().rawJson()).contains(body);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void whitespaceAfterTheJsonIsNotTrailingBytes(Case c) {
    try (WebhookPipeline pipeline = pipeline(c.format())) {
      assertThat(pipeline.receive(genuine(c.format(), fixture(c.fixture()).strip() + " \r\n\t")).outcome())
          .isEqualTo(Outcome.ACCEPTED);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void aTimestampBeyondInstantsRangeIsNeverA500(Case c) {
    try (WebhookPipeline pipeline = pipeline(c.format())) {
      Outcome o = pipeline.receive(genuine(c.format(), withRawValue(c.fixture(), c.timestamp(), OUT_OF_RANGE_EPOCH)))
          .outcome();
      // Either the format rejects the value (400) or it reads it as absent and handles the rest (200).
      assertThat(o).isIn(Outcome.MALFORMED, Outcome.ACCEPTED);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void aNumberBeyondDoubleRangeIsNeverA500(Case c) {
    try (WebhookPipeline pipeline = pipeline(c.format())) {
      Outcome o = pipeline.receive(genuine(c.format(), withRawValue(c.fixture(), c.number(), BEYOND_DOUBLE)))
          .outcome();
      assertThat(o).isIn(Outcome.MALFORMED, Outcome.ACCEPTED);
    }
  }

  @Test
  void theServletNeverAnswers500ForValuesOutOfRangeOrTrailingBytes() throws Exception {
    WebhookFormat format = CreativeAiWebhookFormat.create();
    String fixture = "creativeai/webhook-completed.json";
    try (WebhookPipeline pipeline = pipeline(format)) {
      server = new Server();
      ServerConnector connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      server.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler();
      context.addServlet(new ServletHolder(new WebhookServlet(pipeline)), "/webhooks/creativeai");
      server.setHandler(context);
      server.start();
      URI endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/webhooks/creativeai");
      HttpClient http = HttpClient.newHttpClient();

      int timestamp = post(http, endpoint, genuine(format, withRawValue(fixture, "/completed_at", OUT_OF_RANGE_EPOCH)));
      int number = post(http, endpoint, genuine(format, withRawValue(fixture, "/credits", BEYOND_DOUBLE)));
      int trailing = post(http, endpoint, genuine(format, fixture(fixture).strip() + "}garbage"));

      assertThat(timestamp).isIn(400, 200);
      assertThat(number).isIn(400, 200);
      assertThat(trailing).isEqualTo(400);
    }
  }

  private static int post(HttpClient http, URI endpoint, WebhookRequest request) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
        .header("Content-Type", "application/json");
    for (String name : List.of("X-CreativeAI-Signature")) request.headers().first(name).ifPresent(v -> b.header(name, v));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
