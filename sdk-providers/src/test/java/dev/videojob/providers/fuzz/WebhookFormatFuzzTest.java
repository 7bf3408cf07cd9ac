package dev.videojob.providers.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.providers.videopilot.VideoPilotWebhookFormat;
import dev.videojob.providers.higgsfield.HiggsfieldWebhookFormat;
import dev.videojob.core.InMemoryIdempotencyStore;
import dev.videojob.core.testing.fuzz.Fuzz;
import dev.videojob.core.testing.fuzz.HostileValues;
import dev.videojob.core.testing.fuzz.JsonMutator;
import dev.videojob.providers.creativeai.CreativeAi;
import dev.videojob.providers.creativeai.CreativeAiWebhookFormat;
import dev.videojob.providers.ssemble.Ssemble;
import dev.videojob.providers.vidbuilder.VidBuilder;
import dev.videojob.webhooks.CallbackTokens;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookFormat;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookParseException;
import dev.videojob.webhooks.WebhookPipeline;
import dev.videojob.webhooks.WebhookRequest;
import dev.videojob.webhooks.WebhookResponse;
import dev.videojob.webhooks.WebhookResponse.Outcome;
import dev.videojob.webhooks.WebhookSecret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fuzzes every provider's webhook format, alone and behind a {@link WebhookPipeline}, with bodies
 * mutated from the documented payloads and signed correctly (or carrying a genuine callback token),
 * so that each one really reaches the parser.
 *
 * <p>The properties: {@link WebhookFormat#parse} returns an event or throws
 * {@link WebhookParseException}, nothing else; {@link WebhookPipeline#receive} never throws and
 * answers a signed body 200 (parsed), 400 (malformed) or 413 (over the limit), never a 5xx, since a
 * body that cannot be read will not read better on the provider's retry. Seeded: see {@link Fuzz}.
 */
@Tag("fuzz")
class WebhookFormatFuzzTest {
  private static final Instant NOW = Instant.parse("2026-03-10T14:23:01Z");
  private static final String SECRET = "fuzz_webhook_SECRET_0123456789";
  private static final CallbackTokens TOKENS = CallbackTokens.withSecret("fuzz-callback-secret-0123456789");
  private static final Set<Outcome> SIGNED_BODY_OUTCOMES = Set.of(Outcome.ACCEPTED, Outcome.DUPLICATE,
      Outcome.MALFORMED, Outcome.TOO_LARGE);

  /** Each webhook format the adapters ship, with the payloads its document shows. */
  enum Format {
    CREATIVEAI(CreativeAiWebhookFormat::create, "creativeai/webhook-completed.json", "creativeai/create-response.json",
        "{\"id\":\"vgen_abc123\",\"status\":\"failed\",\"error\":{\"code\":\"content_policy\",\"message\":\"nsfw\"}}",
        "{\"id\":\"vgen_abc123\",\"status\":\"rendering\",\"phase\":\"Encoding\",\"progress\":62,"
            + "\"estimated_time_remaining\":30,\"created_at\":\"2026-03-10T14:20:00Z\"}"),
    HIGGSFIELD(HiggsfieldWebhookFormat::create, "higgsfield/webhook-complete.json", "higgsfield/create-response.json",
        "{\"job_id\":\"jf-1234\",\"status\":\"failed\",\"error\":{\"code\":\"nsfw\",\"message\":\"blocked\"}}"),
    SSEMBLE(() -> Ssemble.builder().apiKey("ssk_fuzz").build().webhookFormat(), "ssemble/webhook-completed.json",
        "ssemble/webhook-failed.json"),
    VIDBUILDER_SIGNED(() -> VidBuilder.builder().basicAuth("u", "p").build().signedWebhookFormat(),
        "vidbuilder/webhook-started.json", "vidbuilder/webhook-completed.json",
        "vidbuilder/webhook-completed-with-reels.json", "vidbuilder/webhook-failed.json"),
    VIDBUILDER_UNSIGNED(() -> VidBuilder.builder().basicAuth("u", "p").build().webhookFormat(),
        "vidbuilder/webhook-started.json", "vidbuilder/webhook-completed.json",
        "vidbuilder/webhook-completed-with-reels.json", "vidbuilder/webhook-failed.json"),
    VIDEOPILOT(VideoPilotWebhookFormat::create, "videopilot/webhook-video-script-ready.json",
        "videopilot/webhook-video-media-ready.json", "videopilot/webhook-video-generation-failed.json",
        "videopilot/webhook-render-started.json", "videopilot/webhook-render-completed.json",
        "videopilot/webhook-render-failed.json");

    final java.util.function.Supplier<WebhookFormat> format;
    final JsonMutator bodies;

    Format(java.util.function.Supplier<WebhookFormat> format, String... seeds) {
      this.format = format;
      this.bodies = Corpus.of(seeds);
    }
  }

  /** One delivery as it reaches the endpoint: body, headers (signature included) and query string. */
  record Delivery(byte[] body, Map<String, String> headers, String rawQuery) {
    String describe() {
      StringBuilder b = new StringBuilder("headers:");
      headers.forEach((k, v) -> b.append("\n  ").append(k).append(": ").append(Fuzz.show(v)));
      if (rawQuery != null) b.append("\nquery: (a genuine callback token)");
      return b.append("\nbody: ").append(Fuzz.show(body)).toString();
    }

    WebhookRequest request() {
      return WebhookRequest.of(body, WebhookHeaders.of(headers), rawQuery);
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void parseReturnsAnEventOrThrowsWebhookParseException(Format f) {
    WebhookFormat format = f.format.get();
    Fuzz.run("parse-" + f, 2_000, r -> delivery(f, format, r), Delivery::describe, d -> {
      WebhookEvent event;
      try {
        event = format.parse(d.body, WebhookHeaders.of(d.headers), NOW);
      } catch (WebhookParseException e) {
        return;
      }
      assertThat(event).as("parse returns an event").isNotNull();
      assertThat(event.provider()).isEqualTo(format.provider());
      readAll(event);
    });
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void pipelineAnswersASignedBody200Or400Or413AndNeverThrows(Format f) {
    WebhookFormat format = f.format.get();
    WebhookPipeline.Builder b = WebhookPipeline.builder(format)
        .idempotencyStore(InMemoryIdempotencyStore.builder().build())
        .executor(Runnable::run).handler(WebhookFormatFuzzTest::readAll)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    if (format.signatureScheme().isPresent()) b.secret(SECRET);
    else b.callbackTokens(TOKENS);
    try (WebhookPipeline pipeline = b.build()) {
      Fuzz.run("pipeline-" + f, 1_000, r -> delivery(f, format, r), Delivery::describe, d -> {
        WebhookResponse response = pipeline.receive(d.request());
        if (response.outcome() == Outcome.FAILED) {
          // The pipeline keeps the cause to its log; the format alone shows it.
          Throwable cause = null;
          try {
            format.parse(d.body, WebhookHeaders.of(d.headers), NOW);
          } catch (RuntimeException e) {
            cause = e;
          }
          throw new AssertionError("pipeline answered 500 FAILED to a signed body"
              + (cause == null ? "" : "; format.parse threw " + Fuzz.signature(cause)), cause);
        }
        assertThat(response.outcome()).as("outcome of a signed body").isIn(SIGNED_BODY_OUTCOMES);
        assertThat(response.outcome() == Outcome.TOO_LARGE)
            .as("413 exactly when the body is over the limit").isEqualTo(d.body.length > pipeline.maxBodyBytes());
        if (response.outcome() == Outcome.ACCEPTED) readAll(response.event().orElseThrow());
      });
    }
  }

  private static Delivery delivery(Format f, WebhookFormat format, SplittableRandom r) {
    byte[] body = f.bodies.next(r);
    Map<String, String> headers = new LinkedHashMap<>();
    if (format.provider().equals(CreativeAi.ID)) {
      // CreativeAI names the event and the delivery in headers: fuzz them too.
      pickHeader(headers, CreativeAiWebhookFormat.EVENT_HEADER, r, x -> HostileValues.pick(x, List.of(
          "video.generation.completed", "video.generation.failed", "video.generation.rendering",
          "video.generation." + HostileValues.pick(x, HostileValues.STATUS_WORDS), "video.generation.",
          "ping", HostileValues.pick(x, HostileValues.STRINGS))));
      pickHeader(headers, CreativeAiWebhookFormat.DELIVERY_ID_HEADER, r, x -> HostileValues.pick(x, List.of(
          "vgen_abc123", HostileValues.pick(x, HostileValues.IDS))));
    }
    String query = null;
    if (format.signatureScheme().isPresent()) {
      headers.putAll(format.signatureScheme().get().sign(body, WebhookSecret.of(SECRET), "msg_fuzz", NOW));
    } else {
      query = TOKENS.callbackUrl(URI.create("https://app.example.com/hooks/" + format.provider()), format.provider())
          .getRawQuery();
    }
    return new Delivery(body, headers, query);
  }

  private static void pickHeader(Map<String, String> headers, String name, SplittableRandom r,
      Function<SplittableRandom, String> value) {
    if (r.nextInt(5) > 0) headers.put(name, value.apply(r));
  }

  /** Touches everything an application's handler would read, so a lazily failing value shows. */
  private static void readAll(WebhookEvent event) {
    assertThat(event.toString()).isNotNull();
    event.snapshot().ifPresent(job -> {
      assertThat(job.toString()).isNotNull();
      job.outputs().forEach(a -> assertThat(a.url().isAbsolute()).as("output URLs are absolute").isTrue());
      job.progress().ifPresent(p -> assertThat(p).as("progress").isBetween(0.0, 1.0));
    });
  }
}
