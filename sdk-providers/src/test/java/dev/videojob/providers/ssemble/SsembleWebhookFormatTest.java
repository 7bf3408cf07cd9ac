package dev.videojob.providers.ssemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.AssetKind;
import dev.videojob.core.InMemoryIdempotencyStore;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import dev.videojob.webhooks.CallbackTokens;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookParseException;
import dev.videojob.webhooks.WebhookPipeline;
import dev.videojob.webhooks.WebhookRequest;
import dev.videojob.webhooks.WebhookResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SsembleWebhookFormatTest {
  private static final Instant RECEIVED = Instant.parse("2026-01-01T00:12:01Z");
  private final SsembleWebhookFormat format = SsembleWebhookFormat.create();

  private WebhookEvent parse(String json) {
    return format.parse(json.getBytes(StandardCharsets.UTF_8), WebhookHeaders.of(Map.of()), RECEIVED);
  }

  @Test
  void isUnsignedForTheSsembleProvider() {
    assertThat(format.provider()).isEqualTo("ssemble");
    assertThat(format.signatureScheme()).isEmpty();
  }

  @Test
  void parsesTheCompletedEventIntoASucceededSnapshotWithEveryShort() {
    WebhookEvent e = parse(SsembleHarness.fixture("webhook-completed.json"));

    assertThat(e.kind()).isEqualTo(WebhookEvent.Kind.JOB_UPDATE);
    assertThat(e.eventType()).isEqualTo("shorts.completed");
    assertThat(e.jobId()).contains("6655f0a1c2b3d4e5f6a7b8c9");
    assertThat(e.deliveryId()).isEmpty();
    VideoJob job = e.snapshot().orElseThrow();
    assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(job.rawStatus()).isEqualTo("completed");
    assertThat(job.completedAt()).contains(Instant.parse("2026-01-01T00:12:00Z"));
    assertThat(job.observedAt()).isEqualTo(RECEIVED);
    assertThat(job.outputs()).hasSize(2).allSatisfy(a -> assertThat(a.kind()).isEqualTo(AssetKind.SHORT));
    assertThat(job.outputs().get(0).title()).contains("The one habit that changed everything");
    assertThat(job.outputs().get(0).duration()).contains(Duration.ofMillis(42_500));
    assertThat(job.outputs().get(0).score().getAsDouble()).isEqualTo(8.7);
    assertThat(job.outputs().get(1).url()).isEqualTo(URI.create("https://cdn.ssemble.com/shorts/clip_02.mp4"));
    assertThat(job.outputs().get(1).duration()).contains(Duration.ofSeconds(58));
  }

  @Test
  void parsesTheFailedEventIntoAFailedSnapshotWithTheReason() {
    WebhookEvent e = parse(SsembleHarness.fixture("webhook-failed.json"));

    VideoJob job = e.snapshot().orElseThrow();
    assertThat(e.eventType()).isEqualTo("shorts.failed");
    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(job.outputs()).isEmpty();
    assertThat(job.error()).hasValueSatisfying(err -> assertThat(err.message()).isEqualTo("Video is private or unavailable"));
  }

  @Test
  void readsAnErrorObjectInTheFailedEvent() {
    WebhookEvent e = parse("{\"event\":\"shorts.failed\",\"requestId\":\"r1\",\"status\":\"failed\","
        + "\"data\":{\"error\":{\"code\":\"transcription_failed\",\"message\":\"No speech found\"}}}");

    assertThat(e.snapshot().orElseThrow().error()).hasValueSatisfying(err -> {
      assertThat(err.code()).isEqualTo("transcription_failed");
      assertThat(err.message()).isEqualTo("No speech found");
    });
  }

  @Test
  void turnsAnEventNotInTheDocumentIntoAnUnknownEventKeepingTheJobId() {
    WebhookEvent e = parse("{\"event\":\"shorts.progress\",\"requestId\":\"r1\",\"status\":\"processing\"}");

    assertThat(e.kind()).isEqualTo(WebhookEvent.Kind.UNKNOWN);
    assertThat(e.eventType()).isEqualTo("shorts.progress");
    assertThat(e.jobId()).contains("r1");
    assertThat(e.snapshot()).isEmpty();
  }

  @Test
  void rejectsABodyThatIsNotJson() {
    assertThatThrownBy(() -> parse("event=shorts.completed")).isInstanceOf(WebhookParseException.class);
  }

  @Test
  void rejectsAKnownEventWithoutARequestId() {
    assertThatThrownBy(() -> parse("{\"event\":\"shorts.completed\",\"status\":\"completed\"}"))
        .isInstanceOf(WebhookParseException.class).hasMessageContaining("requestId");
  }

  @Test
  void rejectsABodyWithoutAnEvent() {
    assertThatThrownBy(() -> parse("{\"requestId\":\"r1\",\"status\":\"completed\"}"))
        .isInstanceOf(WebhookParseException.class).hasMessageContaining("event");
  }

  @Test
  void pipelineAcceptsATokenedCallbackOnlyAfterSsembleConfirmsIt() throws Exception {
    CallbackTokens tokens = CallbackTokens.withSecret(CallbackTokens.generateSecret());
    try (SsembleHarness h = new SsembleHarness(b -> b.callbackTokens(tokens))) {
      h.enqueueFixture(201, "create-response.json");
      h.client.submit(SsembleHarness.request().toBuilder()
          .callbackUrl(URI.create("https://app.example.com/hooks/ssemble")).build());
      URI callback = URI.create(SsembleHarness.body(h.take()).get("webhookUrl").asText());
      List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
      h.enqueueFixture(200, "result-completed.json");

      try (WebhookPipeline pipeline = WebhookPipeline.builder(h.ssemble.webhookFormat()).callbackTokens(tokens)
          .idempotencyStore(InMemoryIdempotencyStore.builder().build()).statusConfirmer(Ssemble.statusConfirmer(h.client))
          .executor(Runnable::run).handler(handled::add).build()) {
        byte[] body = SsembleHarness.fixture("webhook-completed.json").getBytes(StandardCharsets.UTF_8);
        WebhookResponse forged = pipeline.receive(WebhookRequest.of(body, WebhookHeaders.of(Map.of()),
            "vj_ref=guess&vj_token=AAAA"));
        WebhookResponse genuine = pipeline.receive(WebhookRequest.of(body, WebhookHeaders.of(Map.of()),
            callback.getRawQuery()));

        assertThat(forged.outcome()).isEqualTo(WebhookResponse.Outcome.REJECTED);
        assertThat(genuine.outcome()).isEqualTo(WebhookResponse.Outcome.ACCEPTED);
      }
      assertThat(h.take().getTarget()).isEqualTo("/api/v1/shorts/6655f0a1c2b3d4e5f6a7b8c9");
      assertThat(handled).singleElement().satisfies(ev -> {
        assertThat(ev.snapshot().orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(ev.snapshot().orElseThrow().outputs()).filteredOn(a -> a.kind() == AssetKind.THUMBNAIL).hasSize(1);
      });
    }
  }

  @Test
  void aConfirmedCompletionResentWithAnotherStatusSpellingIsADuplicate() throws Exception {
    CallbackTokens tokens = CallbackTokens.withSecret(CallbackTokens.generateSecret());
    try (SsembleHarness h = new SsembleHarness(b -> b.callbackTokens(tokens))) {
      h.enqueueFixture(200, "result-completed.json");
      String query = tokens.callbackUrl(URI.create("https://app.example.com/hooks/ssemble"), "ssemble").getRawQuery();
      List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
      String completed = SsembleHarness.fixture("webhook-completed.json");

      try (WebhookPipeline pipeline = WebhookPipeline.builder(h.ssemble.webhookFormat()).callbackTokens(tokens)
          .idempotencyStore(InMemoryIdempotencyStore.builder().build()).statusConfirmer(Ssemble.statusConfirmer(h.client))
          .executor(Runnable::run).handler(handled::add).build()) {
        assertThat(pipeline.receive(WebhookRequest.of(completed.getBytes(StandardCharsets.UTF_8),
            WebhookHeaders.of(Map.of()), query)).outcome()).isEqualTo(WebhookResponse.Outcome.ACCEPTED);
        for (String spelling : List.of("COMPLETED", "Completed", "done")) {
          byte[] resent = completed.replace("\"status\":\"completed\"", "\"status\":\"" + spelling + "\"")
              .getBytes(StandardCharsets.UTF_8);
          assertThat(pipeline.receive(WebhookRequest.of(resent, WebhookHeaders.of(Map.of()), query)).outcome())
              .as(spelling).isEqualTo(WebhookResponse.Outcome.DUPLICATE);
        }
      }
      assertThat(handled).hasSize(1);
      assertThat(h.server.getRequestCount()).isEqualTo(1);
    }
  }
}
