package dev.videojob.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.webhooks.WebhookResponse.Outcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The pipeline's durable mode, over an inbox that keeps what it is given in a map. */
class WebhookPipelineInboxTest {
  private static final String SECRET = "acme-signing-secret";

  /** An inbox in a map: the SPI as the pipeline sees it; videojob-durable tests the database one. */
  static class MapInbox implements WebhookInbox {
    record Stored(String key, WebhookEvent event, Map<String, List<String>> headers) {}

    final Map<String, Stored> stored = new ConcurrentHashMap<>();
    final AtomicBoolean down = new AtomicBoolean();

    @Override
    public boolean supports(String provider) {
      return provider.equals(AcmeFormat.PROVIDER);
    }

    @Override
    public Acceptance accept(String eventKey, WebhookEvent event, Map<String, List<String>> headersRead) {
      if (down.get()) throw new WebhookInboxException("database down", null);
      return stored.putIfAbsent(eventKey, new Stored(eventKey, event, headersRead)) == null
          ? Acceptance.STORED : Acceptance.DUPLICATE;
    }
  }

  private final MapInbox inbox = new MapInbox();

  private WebhookPipeline durable() {
    return WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).inbox(inbox).build();
  }

  @Test
  void answers200OnlyOnceTheInboxStoredTheEventWithTheHeadersItsFormatRead() {
    try (WebhookPipeline pipeline = durable()) {
      WebhookResponse r = pipeline.receive(WebhookPipelineTest.signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1"));
      assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
      assertThat(inbox.stored).containsOnlyKeys("acme:delivery:d1");
      MapInbox.Stored s = inbox.stored.get("acme:delivery:d1");
      assertThat(s.headers()).containsOnlyKeys("x-acme-delivery").containsEntry("x-acme-delivery", List.of("d1"));
    }
  }

  @Test
  void theStoredBodyAndHeadersParseAgainToTheSameEvent() {
    try (WebhookPipeline pipeline = durable()) {
      pipeline.receive(WebhookPipelineTest.signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1"));
      MapInbox.Stored s = inbox.stored.get("acme:delivery:d1");
      WebhookEvent again = AcmeFormat.signed().parse(s.event().rawBody(), WebhookHeaders.ofMulti(s.headers()),
          s.event().receivedAt());
      assertThat(again.toString()).isEqualTo(s.event().toString());
      assertThat(again.snapshot()).isEqualTo(s.event().snapshot());
    }
  }

  @Test
  void aRedeliveryOfAStoredEventIsADuplicate() {
    try (WebhookPipeline pipeline = durable()) {
      String body = AcmeFormat.body("job.completed", "j1", "completed");
      pipeline.receive(WebhookPipelineTest.signed(body, "d1"));
      WebhookResponse again = pipeline.receive(WebhookPipelineTest.signed(body, "d1"));
      assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
      assertThat(again.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anInboxThatCannotStoreIsAnswered503SoTheProviderRedelivers() {
    inbox.down.set(true);
    try (WebhookPipeline pipeline = durable()) {
      WebhookResponse r = pipeline.receive(WebhookPipelineTest.signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1"));
      assertThat(r.outcome()).isEqualTo(Outcome.UNAVAILABLE);
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.retryAfter()).isPresent();
    }
  }

  @Test
  void forgedAndMalformedDeliveriesNeverReachTheInbox() {
    try (WebhookPipeline pipeline = durable()) {
      WebhookRequest good = WebhookPipelineTest.signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1");
      byte[] forged = AcmeFormat.body("job.completed", "j2", "completed").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(pipeline.receive(WebhookRequest.of(forged, good.headers())).statusCode()).isEqualTo(401);
      assertThat(pipeline.receive(WebhookPipelineTest.signed("{\"event\":", "d3")).statusCode()).isEqualTo(400);
      assertThat(inbox.stored).isEmpty();
    }
  }

  @Test
  void passesTheSnapshotOnOnceStored() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (WebhookPipeline pipeline = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).inbox(inbox)
        .onVerifiedSnapshot(s -> seen.add(s.id())).build()) {
      pipeline.receive(WebhookPipelineTest.signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1"));
      assertThat(seen).containsExactly("j1");
    }
  }

  @Test
  void refusesWhatTheInboxReplaces() {
    assertThatThrownBy(() -> WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).inbox(inbox)
        .handler(e -> { }).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("inbox runs the handler");
    assertThatThrownBy(() -> WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).inbox(inbox)
        .idempotencyStore(TestStores.inMemory()).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("idempotencyStore");
    assertThatThrownBy(() -> WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).inbox(inbox)
        .acknowledgeBeforeHandlingMayLoseEvents().build()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesAnInboxWithoutAHandlerForTheProvider() {
    WebhookInbox other = new MapInbox() {
      @Override
      public boolean supports(String provider) {
        return false;
      }
    };
    assertThatThrownBy(() -> WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).inbox(other).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no format and handler for acme");
  }

  @Test
  void refusesAPipelineWithNeitherStoreNorInbox() {
    assertThatThrownBy(() -> WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("inbox");
  }
}
