package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.spi.ApiRequest;
import dev.videojob.core.spi.ApiResponse;
import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.CallContext;
import dev.videojob.core.spi.HttpTransport;
import dev.videojob.core.support.TestProvider;
import dev.videojob.core.testing.ManualClock;
import dev.videojob.core.testing.RecordingSleeper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which threads a call uses, and where calls wait: a synchronous submit makes its first attempt on the
 * caller's thread; calls beyond OkHttp's per-host limit wait in the SDK, not in OkHttp's dispatcher queue.
 */
class CallThreadsTest {
  private static final String JOB = "{\"id\":\"j1\",\"status\":\"queued\"}";

  final MockWebServer server = new MockWebServer();
  final ManualClock clock = ManualClock.atEpochOfTests();
  final RecordingSleeper sleeper = RecordingSleeper.immediate(clock);
  /** The thread each request was made on, as an application interceptor sees it. */
  final List<String> threads = new CopyOnWriteArrayList<>();
  OkHttpClient okHttp;
  HttpTransport http;
  VideoClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    okHttp = new OkHttpClient.Builder().addInterceptor(chain -> {
      threads.add(Thread.currentThread().getName());
      return chain.proceed(chain.request());
    }).build();
    http = HttpTransport.builder("test").baseUrl(server.url("/v1").toString()).auth(Auth.bearer("k"))
        .okHttpClient(okHttp).readTimeout(Duration.ofSeconds(5)).build();
    client = VideoClient.builder().provider(new TestProvider("test", http, false)).clock(clock).sleeper(sleeper)
        .retry(RetrySettings.builder().random(() -> 1.0).build()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    okHttp.dispatcher().executorService().shutdown();
    server.close();
  }

  private void enqueue(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", "application/json").build());
  }

  @Test
  void aSynchronousSubmitMakesItsCallOnTheCallersThread() {
    enqueue(202, JOB);

    VideoJob job = client.submit(VideoRequest.builder().prompt("a cat").build());

    assertThat(job.id()).isEqualTo("j1");
    assertThat(threads).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void anAsynchronousSubmitNeverBlocksOnTheCallersThread() {
    enqueue(202, JOB);

    VideoJob job = client.submitAsync(VideoRequest.builder().prompt("a cat").build()).join();

    assertThat(job.id()).isEqualTo("j1");
    assertThat(threads).hasSize(1).doesNotContain(Thread.currentThread().getName());
  }

  @Test
  void aRetryAfterAFirstAttemptOnTheCallersThreadWaitsOnTheSleeperAndRunsElsewhere() {
    enqueue(503, "{}");
    enqueue(202, JOB);
    List<RetryEvent> retries = new CopyOnWriteArrayList<>();
    VideoClient c = VideoClient.builder().provider(new TestProvider("test", http, false)).clock(clock).sleeper(sleeper)
        .retry(RetrySettings.builder().random(() -> 1.0).build()).listener(new JobListener() {
          @Override
          public void retryScheduled(RetryEvent e) {
            retries.add(e);
          }
        }).build();

    VideoJob job = c.submit(VideoRequest.builder().prompt("a cat").build());

    assertThat(job.id()).isEqualTo("j1");
    assertThat(threads).hasSize(2);
    assertThat(threads.get(0)).isEqualTo(Thread.currentThread().getName());
    assertThat(threads.get(1)).isNotEqualTo(Thread.currentThread().getName());
    assertThat(sleeper.sleeps()).hasSize(1);
    assertThat(retries).extracting(RetryEvent::attempt).containsExactly(1);
  }

  @Test
  void aSynchronousSubmitWhileTheConcurrencyBoundIsFullWaitsItsTurnInsteadOfRunningOnTheCallersThread()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getTarget().contains("slow")) release.await(10, TimeUnit.SECONDS);
        return new MockResponse.Builder().code(202).body(JOB).addHeader("Content-Type", "application/json").build();
      }
    });
    HttpTransport bounded = HttpTransport.builder("test").baseUrl(server.url("/v1").toString())
        .okHttpClient(okHttp).maxConcurrency(1).build();
    // The client's own scheduler: the submit waits for the bound for real.
    try (VideoClient c = VideoClient.builder().provider(new TestProvider("test", bounded, false)).build()) {
      CallContext ctx = CallContext.builder("test", "status").sleeper(sleeper).clock(clock).build();
      CompletableFuture<ApiResponse> slow = bounded.send(ApiRequest.get("/slow").build(), ctx);
      while (threads.isEmpty()) Thread.onSpinWait();
      AtomicReference<Thread> caller = new AtomicReference<>();
      CompletableFuture<VideoJob> submit = CompletableFuture.supplyAsync(() -> {
        caller.set(Thread.currentThread());
        return c.submit(VideoRequest.builder().prompt("a cat").build());
      });
      // Parked in the join: the submit found the bound full and waits its turn.
      while (caller.get() == null || caller.get().getState() != Thread.State.WAITING) Thread.onSpinWait();
      release.countDown();

      assertThat(submit.get(10, TimeUnit.SECONDS).id()).isEqualTo("j1");
      assertThat(slow.get(10, TimeUnit.SECONDS).status()).isEqualTo(202);
      assertThat(threads).hasSize(2);
      assertThat(threads.get(1)).isNotEqualTo(caller.get().getName());
    }
  }

  @Test
  void callsBeyondThePerHostLimitWaitInTheSdkNotInOkHttpsQueue() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        release.await(20, TimeUnit.SECONDS);
        return new MockResponse.Builder().code(200).body(JOB).addHeader("Content-Type", "application/json").build();
      }
    });
    List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      CallContext ctx = CallContext.builder("test", "status").sleeper(sleeper).clock(clock).build();
      calls.add(http.send(ApiRequest.get("/jobs/j" + i).build(), ctx));
    }
    int perHost = okHttp.dispatcher().getMaxRequestsPerHost();
    while (server.getRequestCount() < perHost) Thread.onSpinWait();

    int queuedInOkHttp = okHttp.dispatcher().queuedCallsCount();
    int runningInOkHttp = okHttp.dispatcher().runningCallsCount();
    release.countDown();

    assertThat(queuedInOkHttp).isZero();
    assertThat(runningInOkHttp).isEqualTo(perHost);
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    assertThat(calls).allSatisfy(f -> assertThat(f.join().status()).isEqualTo(200));
    assertThat(server.getRequestCount()).isEqualTo(1_000);
  }

  @Test
  void aCancelledCallWaitingInTheSdkNeverReachesTheServer() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        release.await(20, TimeUnit.SECONDS);
        return new MockResponse.Builder().code(200).body(JOB).addHeader("Content-Type", "application/json").build();
      }
    });
    int perHost = okHttp.dispatcher().getMaxRequestsPerHost();
    List<CompletableFuture<ApiResponse>> running = new ArrayList<>();
    for (int i = 0; i < perHost; i++) {
      running.add(http.send(ApiRequest.get("/jobs/r" + i).build(),
          CallContext.builder("test", "status").sleeper(sleeper).clock(clock).build()));
    }
    CompletableFuture<ApiResponse> waiting = http.send(ApiRequest.get("/jobs/cancelled").build(),
        CallContext.builder("test", "status").sleeper(sleeper).clock(clock).build());
    while (server.getRequestCount() < perHost) Thread.onSpinWait();

    waiting.cancel(true);
    release.countDown();
    CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
    // A later call still gets a place: the cancelled one gave its place back.
    ApiResponse after = http.send(ApiRequest.get("/jobs/after").build(),
        CallContext.builder("test", "status").sleeper(sleeper).clock(clock).build()).get(20, TimeUnit.SECONDS);

    assertThat(after.status()).isEqualTo(200);
    List<String> paths = new ArrayList<>();
    for (int i = 0, n = server.getRequestCount(); i < n; i++) paths.add(server.takeRequest().getTarget());
    assertThat(paths).noneMatch(p -> p.endsWith("/cancelled")).anyMatch(p -> p.endsWith("/after"));
  }

  @Test
  void relativePathsAndAbsoluteUrlsResolveAgainstTheBaseUrl() {
    String base = server.url("/v1").toString();

    assertThat(http.resolve("videos")).isEqualTo(URI.create(base + "/videos"));
    assertThat(http.resolve("/videos/1")).isEqualTo(URI.create(base + "/videos/1"));
    assertThat(http.resolve("https://cdn.example.com/a.mp4")).isEqualTo(URI.create("https://cdn.example.com/a.mp4"));
    assertThat(http.resolve("HTTP://CDN.example.com/a")).isEqualTo(URI.create("http://cdn.example.com/a"));
    assertThat(http.resolve("http-docs/page")).isEqualTo(URI.create(base + "/http-docs/page"));
  }
}
