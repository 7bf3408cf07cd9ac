package dev.videojob.core.support;

import dev.videojob.core.JobListener;
import dev.videojob.core.RetryEvent;
import dev.videojob.core.RetrySettings;
import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoJobException;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.WaitSettings;
import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.HttpTransport;
import dev.videojob.core.testing.ManualClock;
import dev.videojob.core.testing.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A client with one {@link TestProvider} on a MockWebServer, a manual clock and a recording sleeper. */
public final class Fixture implements AutoCloseable {
  public static final String API_KEY = "sk_live_SECRET_4242";

  public final MockWebServer server = new MockWebServer();
  public final ManualClock clock = ManualClock.atEpochOfTests();
  public final RecordingSleeper sleeper;
  public final RecordingListener events = new RecordingListener();
  public final VideoClient client;

  public Fixture(boolean idempotencyKeys) throws IOException {
    this(idempotencyKeys, false, RetrySettings.builder().random(() -> 1.0).build());
  }

  public Fixture(boolean idempotencyKeys, boolean manualSleeper, RetrySettings retry) throws IOException {
    server.start();
    sleeper = manualSleeper ? RecordingSleeper.manual(clock) : RecordingSleeper.immediate(clock);
    client = VideoClient.builder()
        .provider(new TestProvider("test", transport("test", server, idempotencyKeys), idempotencyKeys))
        .clock(clock).sleeper(sleeper).retry(retry).listener(events)
        .waitSettings(WaitSettings.builder().initialInterval(Duration.ofSeconds(2)).maxInterval(Duration.ofSeconds(30)).build())
        .pollJitter(() -> 1.0)
        .build();
  }

  public static HttpTransport transport(String id, MockWebServer server, boolean idempotencyKeys) {
    return HttpTransport.builder(id).baseUrl(server.url("/v1").toString()).auth(Auth.bearer(API_KEY))
        .idempotencyKeyHeader(idempotencyKeys ? "Idempotency-Key" : null)
        .readTimeout(Duration.ofSeconds(5)).build();
  }

  public static VideoRequest request() {
    return VideoRequest.builder().prompt("a cat surfing at sunset").build();
  }

  public void enqueue(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", "application/json").build());
  }

  public void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  public RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    if (r == null) throw new AssertionError("no request arrived");
    return r;
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }

  /** Records listener events. */
  public static final class RecordingListener extends JobListener {
    public final List<VideoJob> submitted = new CopyOnWriteArrayList<>();
    public final List<RetryEvent> retries = new CopyOnWriteArrayList<>();
    public final List<String> failovers = new CopyOnWriteArrayList<>();
    public final List<VideoJob> changes = new CopyOnWriteArrayList<>();
    public final List<VideoJob> completed = new CopyOnWriteArrayList<>();
    public final List<VideoJob> failed = new CopyOnWriteArrayList<>();
    public final List<VideoJobException> submitFailures = new CopyOnWriteArrayList<>();

    @Override public void submitted(VideoJob job) { submitted.add(job); }
    @Override public void retryScheduled(RetryEvent e) { retries.add(e); }
    @Override public void failover(String from, String to, VideoJobException cause) { failovers.add(from + "->" + to); }
    @Override public void statusChanged(VideoJob previous, VideoJob current) { changes.add(current); }
    @Override public void completed(VideoJob job) { completed.add(job); }
    @Override public void failed(VideoJob job) { failed.add(job); }
    @Override public void submitFailed(VideoRequest r, VideoJobException e) { submitFailures.add(e); }
  }
}
