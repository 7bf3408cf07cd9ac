package dev.videojob.providers.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.JobRef;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoJobException;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.AdapterSupport;
import dev.videojob.core.spi.CallContext;
import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.testing.fuzz.Fuzz;
import dev.videojob.core.testing.fuzz.HostileValues;
import dev.videojob.core.testing.fuzz.JsonMutator;
import dev.videojob.providers.creativeai.CreativeAi;
import dev.videojob.providers.higgsfield.Higgsfield;
import dev.videojob.providers.ssemble.Ssemble;
import dev.videojob.providers.ssemble.SsembleOptions;
import dev.videojob.providers.vidbuilder.VidBuilder;
import dev.videojob.providers.vidbuilder.VidBuilderOptions;
import dev.videojob.providers.vidbuilder.VidBuilderScene;
import dev.videojob.providers.videopilot.VideoPilot;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fuzzes every adapter's response parsing: a {@code VideoClient} on the adapter talks to a loopback
 * MockWebServer that answers each call with a body mutated from the provider's documented answers (or
 * an error status with a mutated error body and hostile {@code Retry-After} and rate-limit headers),
 * and the test submits, polls and fetches results.
 *
 * <p>The property: a value the SDK cannot read is dropped from the snapshot or turns the call into a
 * {@link VideoJobException}; nothing else escapes, and a snapshot that comes back is whole (absolute
 * output URLs, progress in 0..1). Seeded: see {@link Fuzz}.
 */
@Tag("fuzz")
class AdapterFuzzTest {
  private static final URI CALLBACK = URI.create("https://app.example.com/hooks/video");
  private static final List<Integer> ERROR_CODES = List.of(400, 401, 402, 403, 404, 409, 413, 422, 429, 500, 502,
      503, 504, 418, 301, 299, 204);

  /** What the test asks of the client. */
  enum Op { SUBMIT, STATUS, RESULT, GENERATE_NOW }

  /** Each adapter: how to build it, how its calls map to routes, and the documented answer of each route. */
  enum Adapter {
    CREATIVEAI(base -> CreativeAi.builder().apiKey("cai_fuzz").baseUrl(base + "/v1").build(),
        r -> r.getMethod().equals("POST") ? "create" : "status",
        List.of(Op.SUBMIT, Op.STATUS),
        VideoRequest.builder().prompt("a lighthouse at dusk").callbackUrl(CALLBACK).build(),
        "vgen_abc123",
        Map.of("create", Corpus.of("creativeai/create-response.json"),
            "status", Corpus.of("creativeai/webhook-completed.json", "creativeai/create-response.json",
                "{\"id\":\"vgen_abc123\",\"status\":\"failed\","
                    + "\"error\":{\"code\":\"timeout\",\"message\":\"timed out\"}}",
                "{\"id\":\"vgen_abc123\",\"status\":\"processing\",\"phase\":\"Rendering\",\"progress\":40,"
                    + "\"estimated_time_remaining\":30,\"created_at\":\"2026-03-10T14:20:00Z\",\"credits\":\"2.5\"}"))),
    HIGGSFIELD(base -> Higgsfield.builder().apiKey("hf_fuzz").baseUrl(base).build(),
        r -> r.getMethod().equals("POST") ? "create" : "status",
        List.of(Op.SUBMIT, Op.STATUS),
        VideoRequest.builder().prompt("30s promo").callbackUrl(CALLBACK).build(),
        "jf-1234",
        Map.of("create", Corpus.of("higgsfield/create-response.json"),
            "status", Corpus.of("higgsfield/webhook-complete.json", "higgsfield/create-response.json",
                "{\"job_id\":\"jf-1234\",\"status\":\"started\"}", "{\"job_id\":\"jf-1234\",\"status\":\"nsfw\"}"))),
    SSEMBLE(base -> Ssemble.builder().apiKey("ssk_fuzz").baseUrl(base + "/api/v1").build(),
        r -> r.getMethod().equals("POST") ? "create" : r.getUrl().encodedPath().endsWith("/status") ? "status"
            : "result",
        List.of(Op.SUBMIT, Op.STATUS, Op.RESULT),
        VideoRequest.builder().extension(SsembleOptions.builder()
                .url(URI.create("https://www.youtube.com/watch?v=dQw4w9WgXcQ"))
                .window(Duration.ofSeconds(30), Duration.ofSeconds(630)).build()).build(),
        "6655f0a1c2b3d4e5f6a7b8c9",
        Map.of("create", Corpus.of("ssemble/create-response.json"),
            "status", Corpus.of("ssemble/status-queued.json", "ssemble/status-processing.json",
                "ssemble/status-completed.json", "ssemble/status-failed.json"),
            "result", Corpus.of("ssemble/result-completed.json", "ssemble/status-failed.json"))),
    VIDBUILDER(base -> VidBuilder.builder().basicAuth("fuzz", "pw_fuzz").baseUrl(base).build(),
        r -> r.getMethod().equals("GET") ? "status"
            : r.getUrl().encodedPath().contains("flexible") ? "sync" : "create",
        List.of(Op.SUBMIT, Op.STATUS, Op.GENERATE_NOW),
        VideoRequest.builder().callbackUrl(CALLBACK).extension(VidBuilderOptions.builder().theme("corporate")
            .addScene(VidBuilderScene.of("hero-title", 4, Map.of("title", "Welcome"))).build()).build(),
        "abc123def456",
        Map.of("create", Corpus.of("vidbuilder/async-accepted.json"),
            "status", Corpus.of("vidbuilder/job-status-processing.json", "vidbuilder/job-status-completed.json",
                "vidbuilder/webhook-failed.json"),
            "sync", Corpus.of("vidbuilder/sync-response.json"))),
    VIDEOPILOT(base -> VideoPilot.builder().apiKey("vp_fuzz").baseUrl(base).build(),
        r -> r.getMethod().equals("GET") ? "status" : r.getUrl().encodedPath().endsWith("/generate-scenes") ? "scenes"
            : r.getUrl().encodedPath().endsWith("/render") ? "render" : "draft",
        List.of(Op.SUBMIT, Op.STATUS),
        VideoRequest.builder().prompt("A journey through the cosmos").callbackUrl(CALLBACK).build(),
        "video_123abc~render_789xyz",
        Map.of("draft", Corpus.of("videopilot/draft-response.json"),
            "scenes", Corpus.of("videopilot/generate-scenes-response.json"),
            "render", Corpus.of("videopilot/render-response.json"),
            "status", Corpus.of("videopilot/render-response.json",
                "{\"_id\":\"render_789xyz\",\"status\":\"processing\",\"progress\":40}",
                "{\"_id\":\"render_789xyz\",\"status\":\"completed\",\"output_url\":"
                    + "\"https://cdn.videopilot.app/videos/video_123abc_high.mp4\",\"duration\":87.5,"
                    + "\"file_size\":25690112,\"quality\":\"high\"}",
                "{\"_id\":\"render_789xyz\",\"status\":\"failed\","
                    + "\"error\":\"Rendering timeout after 300 seconds\"}")));

    final Function<String, VideoProvider> factory;
    final Function<RecordedRequest, String> route;
    final List<Op> ops;
    final VideoRequest request;
    final String jobId;
    final Map<String, JsonMutator> answers;

    Adapter(Function<String, VideoProvider> factory, Function<RecordedRequest, String> route, List<Op> ops,
        VideoRequest request, String jobId, Map<String, JsonMutator> answers) {
      this.factory = factory;
      this.route = route;
      this.ops = ops;
      this.request = request;
      this.jobId = jobId;
      this.answers = answers;
    }
  }

  /** One answer of the stub. */
  record Answer(int code, Map<String, String> headers, byte[] body) {
    MockResponse toResponse() {
      MockResponse.Builder b = new MockResponse.Builder().code(code).body(new Buffer().write(body));
      b.addHeader("Content-Type", "application/json");
      headers.forEach(b::addHeaderLenient);
      return b.build();
    }
  }

  /** One call: what is asked, for which job id, and how each route answers (every retry alike). */
  record Call(Op op, String jobId, Map<String, Answer> answers) {
    String describe() {
      StringBuilder b = new StringBuilder(op.toString()).append(op == Op.SUBMIT || op == Op.GENERATE_NOW ? ""
          : " " + Fuzz.show(jobId));
      answers.forEach((route, a) -> {
        b.append("\n").append(route).append(" -> ").append(a.code);
        a.headers.forEach((k, v) -> b.append("\n    ").append(k).append(": ").append(Fuzz.show(v)));
        b.append("\n    ").append(Fuzz.show(a.body));
      });
      return b.toString();
    }
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void onlyVideoJobExceptionEscapesAndSnapshotsAreWhole(Adapter adapter) throws Exception {
    AtomicReference<Call> current = new AtomicReference<>();
    Dispatcher answers = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        Answer a = current.get().answers.get(adapter.route.apply(request));
        return a == null ? new MockResponse.Builder().code(404).build() : a.toResponse();
      }
    };
    try (Stub stub = new Stub(adapter.factory, answers)) {
      Fuzz.run("adapter-" + adapter, 600, r -> call(adapter, r), Call::describe, c -> {
        current.set(c);
        try {
          VideoJob job;
          try {
            job = invoke(adapter, stub, c);
          } catch (VideoJobException e) {
            assertThat(e.getMessage()).as("a typed error says what happened").isNotBlank();
            return;
          }
          assertThat(job).as("a call returns a snapshot or throws").isNotNull();
          assertThat(job.provider()).isEqualTo(stub.provider.id());
          assertThat(job.toString()).isNotNull();
          job.outputs().forEach(a -> assertThat(a.url().isAbsolute()).as("output URLs are absolute").isTrue());
          job.progress().ifPresent(p -> assertThat(p).as("progress").isBetween(0.0, 1.0));
        } finally {
          stub.forgetRequests();
        }
      });
    }
  }

  private static VideoJob invoke(Adapter adapter, Stub stub, Call c) {
    VideoProvider provider = stub.provider;
    switch (c.op) {
      case SUBMIT:
        return stub.client.submit(adapter.request);
      case STATUS:
        return stub.client.status(JobRef.of(provider.id(), c.jobId));
      case RESULT:
        return stub.client.result(JobRef.of(provider.id(), c.jobId));
      default:
        VidBuilder vb = (VidBuilder) provider;
        CallContext ctx = CallContext.builder(provider.id(), "generateNow").clock(stub.clock).sleeper(stub.sleeper)
            .idempotencyKey("fuzz-key").build();
        VideoRequest sync = VideoRequest.builder().extension(adapter.request.extension(VidBuilderOptions.class)
            .orElseThrow()).build();
        return AdapterSupport.join(vb.sync().generateNow(sync, ctx));
    }
  }

  private static Call call(Adapter adapter, SplittableRandom r) {
    Op op = HostileValues.pick(r, adapter.ops);
    String id = r.nextInt(3) == 0 ? HostileValues.pick(r, HostileValues.IDS) : adapter.jobId;
    if (id.isBlank()) id = "x" + id;
    Map<String, Answer> answers = new LinkedHashMap<>();
    List<String> routes = new ArrayList<>(adapter.answers.keySet());
    routes.sort(null);
    for (String route : routes) answers.put(route, answer(adapter, route, r));
    return new Call(op, id, answers);
  }

  private static Answer answer(Adapter adapter, String route, SplittableRandom r) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (r.nextInt(3) == 0) {
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        headers.put(HostileValues.pick(r, List.of("Retry-After", "X-Request-Id", "X-RateLimit-Remaining-Hour",
            "X-RateLimit-Reset", "X-RateLimit-Limit-Hour", "Content-Type")), headerValue(r));
      }
    }
    if (r.nextInt(5) > 0) {
      int code = route.equals("create") || route.equals("draft") || route.equals("render")
          ? HostileValues.pick(r, List.of(200, 201, 202)) : 200;
      JsonMutator bodies = r.nextInt(8) == 0 ? anyOther(adapter, r) : adapter.answers.get(route);
      return new Answer(code, headers, bodies.next(r));
    }
    return new Answer(HostileValues.pick(r, ERROR_CODES), headers, Corpus.ERRORS.next(r));
  }

  private static JsonMutator anyOther(Adapter adapter, SplittableRandom r) {
    List<JsonMutator> all = new ArrayList<>();
    adapter.answers.keySet().stream().sorted().forEach(k -> all.add(adapter.answers.get(k)));
    return HostileValues.pick(r, all);
  }

  private static String headerValue(SplittableRandom r) {
    String v;
    switch (r.nextInt(4)) {
      case 0: v = HostileValues.pick(r, HostileValues.NUMBERS); break;
      case 1: v = HostileValues.pick(r, List.of("Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT",
          "Mon, 01 Jan 0001 00:00:00 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "31 Dec 9999", "soon", "1.5", " 7 ",
          "text/html", "application/json; charset=latin1", "")); break;
      case 2: v = HostileValues.pick(r, HostileValues.IDS); break;
      default: v = HostileValues.pick(r, HostileValues.STRINGS); break;
    }
    // A header value cannot carry a line break (or it would be another header); keep the rest.
    StringBuilder b = new StringBuilder(v.length());
    for (char ch : v.toCharArray()) b.append(ch < 0x20 && ch != '\t' || ch == 0x7F ? '?' : ch);
    return b.toString();
  }
}
