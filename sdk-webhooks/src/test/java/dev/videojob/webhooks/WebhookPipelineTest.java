package dev.videojob.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.IdempotencyStore;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import dev.videojob.core.testing.MutableClock;
import dev.videojob.webhooks.WebhookResponse.Outcome;
import dev.videojob.webhooks.WebhookVerificationException.Reason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookPipelineTest {
  private static final String SECRET = "acme-signing-secret";
  private static final Executor INLINE = Runnable::run;

  private final IdempotencyStore store = TestStores.inMemory();
  private final List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
  private WebhookPipeline pipeline;

  @AfterEach
  void close() {
    if (pipeline != null) pipeline.close();
    store.close();
  }

  static WebhookRequest signed(String body, String deliveryId) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>(WebhookSigner.of(AcmeFormat.SCHEME, SECRET).sign(bytes));
    if (deliveryId != null) headers.put("X-Acme-Delivery", deliveryId);
    return WebhookRequest.of(bytes, WebhookHeaders.of(headers));
  }

  private WebhookPipeline.Builder inline(WebhookFormat format) {
    return WebhookPipeline.builder(format).secret(SECRET).idempotencyStore(store).executor(INLINE)
        .handler(handled::add);
  }

  @Test
  void acceptsSignedEventAndHandsItToHandler() {
    pipeline = inline(AcmeFormat.signed()).build();
    WebhookResponse r = pipeline.receive(signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1"));
    assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(handled).singleElement().satisfies(e -> {
      assertThat(e.jobId()).contains("j1");
      assertThat(e.deliveryId()).contains("d1");
      assertThat(e.snapshot().orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
    });
  }

  @Test
  void runsHandlerOffTheRequestThreadOnItsOwnExecutor() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    String[] thread = new String[1];
    pipeline = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(store).handler(e -> {
      thread[0] = Thread.currentThread().getName();
      ran.countDown();
    }).build();
    assertThat(pipeline.receive(signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1")).outcome())
        .isEqualTo(Outcome.ACCEPTED);
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(thread[0]).startsWith("videojob-webhook-acme").isNotEqualTo(Thread.currentThread().getName());
  }

  @Test
  void rejectsBadSignatureWith401AndNeverRunsHandler() {
    pipeline = inline(AcmeFormat.signed()).build();
    WebhookRequest good = signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1");
    byte[] tampered = AcmeFormat.body("job.completed", "j2", "completed").getBytes(StandardCharsets.UTF_8);
    WebhookResponse r = pipeline.receive(WebhookRequest.of(tampered, good.headers()));
    assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.rejection()).contains(Reason.NO_MATCHING_SIGNATURE);
    assertThat(handled).isEmpty();
  }

  @Test
  void rejectsOversizedBodyWith413() {
    pipeline = inline(AcmeFormat.signed()).maxBodyBytes(16).build();
    WebhookResponse r = pipeline.receive(signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1"));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.rejection()).contains(Reason.BODY_TOO_LARGE);
  }

  @Test
  void answersMalformedJsonWith400() {
    pipeline = inline(AcmeFormat.signed()).build();
    WebhookResponse r = pipeline.receive(signed("{\"event\": \"job.completed\", ", "d1"));
    assertThat(r.outcome()).isEqualTo(Outcome.MALFORMED);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(handled).isEmpty();
  }

  @Test
  void deliversUnknownEventTypeAsUnknownKindWithRawPayload() {
    pipeline = inline(AcmeFormat.signed()).build();
    String body = "{\"event\":\"invoice.paid\",\"amount\":3}";
    assertThat(pipeline.receive(signed(body, "d9")).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(handled).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(WebhookEvent.Kind.UNKNOWN);
      assertThat(e.eventType()).isEqualTo("invoice.paid");
      assertThat(e.rawBodyText()).isEqualTo(body);
      assertThat(e.snapshot()).isEmpty();
    });
  }

  @Test
  void acknowledgesAndDropsDuplicateOfFinishedEvent() {
    pipeline = inline(AcmeFormat.signed()).build();
    String body = AcmeFormat.body("job.completed", "j1", "completed");
    assertThat(pipeline.receive(signed(body, "d1")).outcome()).isEqualTo(Outcome.ACCEPTED);
    WebhookResponse again = pipeline.receive(signed(body, "d1"));
    assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(handled).hasSize(1);
  }

  @Test
  void theAnswerWaitsForTheHandlerOnTheDefaultExecutor() {
    pipeline = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(store)
        .handler(handled::add).build();
    WebhookResponse r = pipeline.receive(signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1"));
    assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(handled).as("handled before the 200 went back").hasSize(1);
  }

  @Test
  void asksDuplicateOfEventInProgressToRetryLater() throws Exception {
    CountDownLatch inHandler = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    pipeline = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(store).handler(e -> {
      inHandler.countDown();
      finish.await();
    }).build();
    String body = AcmeFormat.body("job.completed", "j1", "completed");
    CompletableFuture<WebhookResponse> first = CompletableFuture.supplyAsync(() -> pipeline.receive(signed(body, "d1")));
    assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();
    WebhookResponse dup = pipeline.receive(signed(body, "d1"));
    finish.countDown();
    assertThat(dup.outcome()).isEqualTo(Outcome.RETRY_LATER);
    assertThat(dup.statusCode()).isEqualTo(503);
    assertThat(dup.retryAfter()).contains(WebhookResponse.RETRY_AFTER);
    assertThat(first.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ACCEPTED);
  }

  @Test
  void aFailingHandlerIsAnswered503SoTheProviderRedeliversAndTheRedeliveryIsHandled() {
    AtomicInteger calls = new AtomicInteger();
    pipeline = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(store).executor(INLINE)
        .handler(e -> {
          if (calls.incrementAndGet() == 1) throw new IllegalStateException("database down");
          handled.add(e);
        }).build();
    String body = AcmeFormat.body("job.completed", "j1", "completed");
    WebhookResponse failed = pipeline.receive(signed(body, "d1"));
    assertThat(failed.outcome()).isEqualTo(Outcome.HANDLER_FAILED);
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(failed.retryAfter()).contains(WebhookResponse.RETRY_AFTER);
    assertThat(pipeline.receive(signed(body, "d1")).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(handled).hasSize(1);
    assertThat(pipeline.receive(signed(body, "d1")).outcome()).isEqualTo(Outcome.DUPLICATE);
  }

  @Test
  void aHandlerPastItsBudgetIsAnswered503AndItsLaterSuccessMakesTheRedeliveryADuplicate() throws Exception {
    CountDownLatch finish = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    pipeline = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(store)
        .handlerBudget(Duration.ofMillis(50)).handler(e -> finish.await())
        .onVerifiedSnapshot(s -> done.countDown()).build();
    String body = AcmeFormat.body("job.completed", "j1", "completed");
    WebhookResponse slow = pipeline.receive(signed(body, "d1"));
    assertThat(slow.outcome()).isEqualTo(Outcome.HANDLER_TIMEOUT);
    assertThat(slow.statusCode()).isEqualTo(503);
    assertThat(pipeline.receive(signed(body, "d1")).outcome()).isEqualTo(Outcome.RETRY_LATER);
    finish.countDown();
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(pipeline.receive(signed(body, "d1")).outcome()).isEqualTo(Outcome.DUPLICATE);
  }

  @Test
  void anEventStillQueuedWhenItsBudgetRunsOutIsReleasedAndTheRedeliveryIsHandled() throws Exception {
    CountDownLatch inHandler = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    pipeline = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(store).workers(1)
        .handlerBudget(Duration.ofMillis(100)).handler(e -> {
          if (e.jobId().orElseThrow().equals("j1")) {
            inHandler.countDown();
            finish.await();
          }
          handled.add(e);
        }).build();
    CompletableFuture<WebhookResponse> first = CompletableFuture.supplyAsync(
        () -> pipeline.receive(signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1")));
    assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();
    String second = AcmeFormat.body("job.completed", "j2", "completed");
    WebhookResponse queued = pipeline.receive(signed(second, "d2"));
    assertThat(queued.outcome()).isEqualTo(Outcome.OVERLOADED);
    finish.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isIn(200, 503);
    assertThat(pipeline.receive(signed(second, "d2")).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(handled).extracting(e -> e.jobId().orElseThrow()).containsExactlyInAnyOrder("j1", "j2");
  }

  @Test
  void acknowledgeFirstAnswers200EvenThoughItsFailingHandlerLosesTheEvent() {
    AtomicInteger calls = new AtomicInteger();
    pipeline = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(store).executor(INLINE)
        .acknowledgeBeforeHandlingMayLoseEvents().handler(e -> {
          calls.incrementAndGet();
          throw new IllegalStateException("database down");
        }).build();
    WebhookResponse r = pipeline.receive(signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1"));
    assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(r.statusCode()).as("the provider will not redeliver").isEqualTo(200);
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void acknowledgeFirstRunsTheHandlerAfterAnswering() throws Exception {
    CountDownLatch finish = new CountDownLatch(1);
    CountDownLatch ran = new CountDownLatch(1);
    pipeline = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(store)
        .acknowledgeBeforeHandlingMayLoseEvents().handler(e -> {
          finish.await();
          ran.countDown();
        }).build();
    WebhookResponse r = pipeline.receive(signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1"));
    assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
    finish.countDown();
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void answers503AndReleasesClaimWhenExecutorRejects() {
    String body = AcmeFormat.body("job.completed", "j1", "completed");
    WebhookPipeline full = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(store)
        .executor(r -> {
          throw new RejectedExecutionException("full");
        }).build();
    WebhookResponse r = full.receive(signed(body, "d1"));
    assertThat(r.outcome()).isEqualTo(Outcome.OVERLOADED);
    assertThat(r.statusCode()).isEqualTo(503);
    pipeline = inline(AcmeFormat.signed()).build();
    assertThat(pipeline.receive(signed(body, "d1")).outcome()).isEqualTo(Outcome.ACCEPTED);
  }

  @Test
  void acknowledgeFirstAnswers503WhenOwnQueueIsFull() throws Exception {
    CountDownLatch finish = new CountDownLatch(1);
    pipeline = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(store).workers(1)
        .queueCapacity(1).acknowledgeBeforeHandlingMayLoseEvents().handler(e -> finish.await()).build();
    assertThat(pipeline.receive(signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1")).outcome())
        .isEqualTo(Outcome.ACCEPTED);
    assertThat(pipeline.receive(signed(AcmeFormat.body("job.completed", "j2", "completed"), "d2")).outcome())
        .isEqualTo(Outcome.ACCEPTED);
    WebhookResponse third = pipeline.receive(signed(AcmeFormat.body("job.completed", "j3", "completed"), "d3"));
    finish.countDown();
    assertThat(third.outcome()).isEqualTo(Outcome.OVERLOADED);
  }

  @Test
  void deduplicatesOnJobAndStatusWhenDeliveryIdIsTheJobId() {
    pipeline = inline(AcmeFormat.signedWithJobIdAsDeliveryId()).build();
    assertThat(pipeline.receive(signed(AcmeFormat.body("job.running", "j1", "running"), "j1")).outcome())
        .isEqualTo(Outcome.ACCEPTED);
    assertThat(pipeline.receive(signed(AcmeFormat.body("job.completed", "j1", "completed"), "j1")).outcome())
        .isEqualTo(Outcome.ACCEPTED);
    assertThat(pipeline.receive(signed(AcmeFormat.body("job.completed", "j1", "completed"), "j1")).outcome())
        .isEqualTo(Outcome.DUPLICATE);
    assertThat(handled).hasSize(2);
  }

  @Test
  void deduplicatesOnJobAndStatusWhenProviderNamesNoDelivery() {
    pipeline = inline(AcmeFormat.signed()).build();
    String body = AcmeFormat.body("job.completed", "j1", "completed");
    assertThat(pipeline.receive(signed(body, null)).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(pipeline.receive(signed(body, null)).outcome()).isEqualTo(Outcome.DUPLICATE);
  }

  @Test
  void passesVerifiedSnapshotToListenerAfterHandler() {
    List<String> order = new CopyOnWriteArrayList<>();
    pipeline = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(store).executor(INLINE)
        .handler(e -> order.add("handler")).onVerifiedSnapshot(s -> order.add("snapshot " + s.id() + " " + s.status()))
        .build();
    pipeline.receive(signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1"));
    assertThat(order).containsExactly("handler", "snapshot j1 SUCCEEDED");
  }

  @Test
  void refusesUnsignedProviderWithoutCallbackTokens() {
    assertThatThrownBy(() -> WebhookPipeline.builder(AcmeFormat.unsigned()).idempotencyStore(store).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("callbackTokens");
  }

  @Test
  void rejectsUnsignedCallbackWithoutToken() {
    CallbackTokens tokens = CallbackTokens.withSecret(CallbackTokens.generateSecret());
    pipeline = WebhookPipeline.builder(AcmeFormat.unsigned()).callbackTokens(tokens).idempotencyStore(store)
        .executor(INLINE).handler(handled::add).build();
    byte[] body = AcmeFormat.body("job.completed", "j1", "completed").getBytes(StandardCharsets.UTF_8);
    WebhookResponse r = pipeline.receive(WebhookRequest.of(body, WebhookHeaders.of(Map.of())));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.rejection()).contains(Reason.MISSING_TOKEN);
    assertThat(handled).isEmpty();
  }

  @Test
  void acceptsUnsignedCallbackWithTokenFromItsUrl() {
    CallbackTokens tokens = CallbackTokens.withSecret(CallbackTokens.generateSecret());
    pipeline = WebhookPipeline.builder(AcmeFormat.unsigned()).callbackTokens(tokens).idempotencyStore(store)
        .executor(INLINE).handler(handled::add).build();
    URI url = tokens.callbackUrl(URI.create("https://app.example.com/webhooks/acme"), "acme");
    byte[] body = AcmeFormat.body("job.completed", "j1", "completed").getBytes(StandardCharsets.UTF_8);
    WebhookResponse r = pipeline.receive(WebhookRequest.of(body, WebhookHeaders.of(Map.of()), url.getRawQuery()));
    assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(handled).hasSize(1);
  }

  @Test
  void handlerSeesSnapshotConfirmedByProvider() {
    VideoJob confirmed = VideoJob.builder("acme", "j1", JobStatus.SUCCEEDED).rawStatus("completed")
        .phase("finalizing").build();
    pipeline = inline(AcmeFormat.signed()).statusConfirmer(e -> confirmed).build();
    pipeline.receive(signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1"));
    assertThat(handled).singleElement().satisfies(e -> assertThat(e.snapshot()).contains(confirmed));
  }

  @Test
  void dropsAndReleasesEventWhoseStatusProviderDoesNotConfirm() {
    AtomicInteger asked = new AtomicInteger();
    pipeline = inline(AcmeFormat.signed()).statusConfirmer(e -> asked.incrementAndGet() == 1
        ? VideoJob.builder("acme", "j1", JobStatus.RUNNING).build()
        : VideoJob.builder("acme", "j1", JobStatus.SUCCEEDED).build()).build();
    String body = AcmeFormat.body("job.completed", "j1", "completed");
    assertThat(pipeline.receive(signed(body, "d1")).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(handled).isEmpty();
    assertThat(pipeline.receive(signed(body, "d1")).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(handled).hasSize(1);
  }

  @Test
  void answers503WhenStoreCannotClaim() throws Exception {
    CountDownLatch finish = new CountDownLatch(1);
    try (IdempotencyStore full = TestStores.holdingAtMost(1)) {
      pipeline = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(full)
          .acknowledgeBeforeHandlingMayLoseEvents().handler(e -> finish.await()).build();
      assertThat(pipeline.receive(signed(AcmeFormat.body("job.completed", "j1", "completed"), "d1")).outcome())
          .isEqualTo(Outcome.ACCEPTED);
      WebhookResponse r = pipeline.receive(signed(AcmeFormat.body("job.completed", "j2", "completed"), "d2"));
      finish.countDown();
      assertThat(r.outcome()).isEqualTo(Outcome.UNAVAILABLE);
      assertThat(r.statusCode()).isEqualTo(503);
    }
  }

  @Test
  void redeliveryTakesOverEventWhoseNodeDiedAfterLeaseRanOut() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    try (IdempotencyStore clocked = TestStores.inMemory(clock)) {
      String body = AcmeFormat.body("job.completed", "j1", "completed");
      // The node "dies" holding the claim: its executor drops the task after the 200 (acknowledge-first).
      WebhookPipeline dies = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(clocked)
          .lease(Duration.ofMinutes(1)).acknowledgeBeforeHandlingMayLoseEvents().executor(task -> { }).build();
      assertThat(dies.receive(signed(body, "d1")).outcome()).isEqualTo(Outcome.ACCEPTED);
      pipeline = WebhookPipeline.builder(AcmeFormat.signed()).secret(SECRET).idempotencyStore(clocked)
          .executor(INLINE).handler(handled::add).build();
      assertThat(pipeline.receive(signed(body, "d1")).outcome()).isEqualTo(Outcome.RETRY_LATER);
      clock.advance(Duration.ofMinutes(1).plusSeconds(1));
      assertThat(pipeline.receive(signed(body, "d1")).outcome()).isEqualTo(Outcome.ACCEPTED);
      assertThat(handled).hasSize(1);
    }
  }

  @Test
  void deduplicatesUnknownEventWithoutIdsOnItsBody() {
    pipeline = inline(AcmeFormat.signed()).build();
    String body = "{\"event\":\"account.updated\"}";
    assertThat(pipeline.receive(signed(body, null)).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(pipeline.receive(signed(body, null)).outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(pipeline.receive(signed("{\"event\":\"account.updated\",\"n\":2}", null)).outcome())
        .isEqualTo(Outcome.ACCEPTED);
  }

  @Test
  void aParserExceptionOnAnOutOfRangeTimestampIsAnswered400NotA500() {
    pipeline = inline(AcmeFormat.signed()).build();
    String body = "{\"event\":\"job.completed\",\"job_id\":\"j1\",\"completed_at\":-9223372036854775808}";
    WebhookResponse r = pipeline.receive(signed(body, "d1"));
    assertThat(r.outcome()).isEqualTo(Outcome.MALFORMED);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.retryAfter()).isEmpty();
    assertThat(handled).isEmpty();
  }

  @Test
  void aParserExceptionOnANumberBeyondDoubleRangeIsAnswered400NotA500() {
    pipeline = inline(AcmeFormat.signed()).build();
    WebhookResponse r = pipeline.receive(signed("{\"event\":\"job.completed\",\"job_id\":\"j1\",\"credits\":1e309}", "d1"));
    assertThat(r.outcome()).isEqualTo(Outcome.MALFORMED);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(handled).isEmpty();
  }

  @Test
  void aMalformedDeliveryClaimsNothingSoTheCorrectedEventIsHandled() {
    pipeline = inline(AcmeFormat.signed()).build();
    assertThat(pipeline.receive(signed("{\"event\":\"job.completed\",\"job_id\":\"j1\",\"credits\":1e309}", "d1"))
        .outcome()).isEqualTo(Outcome.MALFORMED);
    assertThat(pipeline.receive(signed("{\"event\":\"job.completed\",\"job_id\":\"j1\",\"credits\":3}", "d1"))
        .outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(handled).hasSize(1);
  }

  @Test
  void anUnsignedCompletionResentWithAnotherStatusSpellingIsADuplicate() {
    CallbackTokens tokens = CallbackTokens.withSecret(CallbackTokens.generateSecret());
    pipeline = WebhookPipeline.builder(AcmeFormat.unsigned()).callbackTokens(tokens)
        .idempotencyStore(store).executor(INLINE).handler(handled::add).build();
    String query = tokens.callbackUrl(URI.create("https://app.example.com/webhooks/acme"), "acme").getRawQuery();
    for (String spelling : List.of("completed", "COMPLETED", "Completed", "done")) {
      byte[] body = AcmeFormat.body("job.completed", "j1", spelling).getBytes(StandardCharsets.UTF_8);
      WebhookResponse r = pipeline.receive(WebhookRequest.of(body, WebhookHeaders.of(Map.of()), query));
      assertThat(r.outcome()).as(spelling).isEqualTo(spelling.equals("completed") ? Outcome.ACCEPTED : Outcome.DUPLICATE);
    }
    assertThat(handled).hasSize(1);
  }

  @Test
  void twoDifferentUnknownEventsOfOneJobAreBothHandled() {
    pipeline = inline(AcmeFormat.signed()).build();
    String first = "{\"event\":\"job.note\",\"job_id\":\"j1\",\"text\":\"a\"}";
    String second = "{\"event\":\"job.note\",\"job_id\":\"j1\",\"text\":\"b\"}";
    assertThat(pipeline.receive(signed(first, null)).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(pipeline.receive(signed(second, null)).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(pipeline.receive(signed(second, null)).outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(handled).hasSize(2);
  }

  @Test
  void leaseMustBePositive() {
    assertThatThrownBy(() -> WebhookPipeline.builder(AcmeFormat.signed()).lease(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
