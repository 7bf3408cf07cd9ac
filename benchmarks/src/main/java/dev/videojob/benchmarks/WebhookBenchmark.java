package dev.videojob.benchmarks;

import dev.videojob.core.Claim;
import dev.videojob.core.IdempotencyStore;
import dev.videojob.core.InMemoryIdempotencyStore;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookSigner;
import dev.videojob.webhooks.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The receiving side of a webhook: verifying a signature over bodies of 1 KiB, 20 KiB and 1 MiB,
 * with the hex HMAC scheme (CreativeAI, VideoPilot) and Standard Webhooks, against the floor (a
 * {@code Mac} keyed once and cloned per call over the same bytes, which is all the work a verifier
 * cannot avoid), and the claim-then-complete round trip in the in-memory idempotency store, both
 * with room to spare and full (the default 100,000 keys, so every claim may have to evict). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar Webhook -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WebhookBenchmark {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @Param({"1024", "20480", "1048576"})
  public int bodyBytes;

  private byte[] body;
  private WebhookHeaders hexHeaders;
  private WebhookHeaders standardHeaders;
  private WebhookVerifier hex;
  private WebhookVerifier standard;
  private Mac floor;

  @Setup
  public void setUp() {
    body = new byte[bodyBytes];
    Arrays.fill(body, (byte) 'a');
    byte[] head = "{\"id\":\"vgen_abc123\",\"status\":\"completed\",\"pad\":\"".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, body, 0, head.length);
    body[body.length - 2] = '"';
    body[body.length - 1] = '}';
    SignatureScheme hexScheme = SignatureScheme.hmacSha256Hex("X-CreativeAI-Signature", "sha256=");
    hexHeaders = WebhookHeaders.of(WebhookSigner.of(hexScheme, "creativeai-api-key").sign(body));
    hex = WebhookVerifier.builder(hexScheme).secret("creativeai-api-key").maxBodyBytes(2 << 20).build();
    SignatureScheme std = SignatureScheme.standardWebhooks();
    standardHeaders = WebhookHeaders.of(WebhookSigner.of(std, SECRET).sign(body, "msg_1"));
    standard = WebhookVerifier.builder(std).secret(SECRET).maxBodyBytes(2 << 20).build();
    try {
      floor = Mac.getInstance("HmacSHA256");
      floor.init(new SecretKeySpec("creativeai-api-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The floor: the MAC of the body with a {@code Mac} keyed once and cloned per call.
   *
   * @return the MAC
   * @throws CloneNotSupportedException never with the JDK's provider
   */
  @Benchmark
  public byte[] floorClonedMac() throws CloneNotSupportedException {
    Mac mac = (Mac) floor.clone();
    return mac.doFinal(body);
  }

  @Benchmark
  public byte[] verifyHexHmac() {
    hex.verify(body, hexHeaders);
    return body;
  }

  @Benchmark
  public byte[] verifyStandardWebhooks() {
    standard.verify(body, standardHeaders);
    return body;
  }

  /** The idempotency store's side, independent of the body size. */
  @State(Scope.Benchmark)
  public static class Store {
    IdempotencyStore store;
    final AtomicLong keys = new AtomicLong();

    @Setup
    public void setUp() {
      store = InMemoryIdempotencyStore.builder().maxEntries(1_000_000).build();
    }

    @TearDown
    public void tearDown() {
      store.close();
    }
  }

  @Benchmark
  @Fork(value = 1)
  public boolean claimAndCompleteInMemory(Store s) {
    Claim c = s.store.claim("creativeai:job:" + s.keys.incrementAndGet() + ":completed", Duration.ofMinutes(5));
    return s.store.complete(c, Duration.ofMinutes(10));
  }

  /** The default store (100,000 keys) filled with finished keys, so claims keep evicting the oldest. */
  @State(Scope.Benchmark)
  public static class FullStore {
    IdempotencyStore store;
    final AtomicLong keys = new AtomicLong();

    @Setup
    public void setUp() {
      store = InMemoryIdempotencyStore.builder().build();
      for (int i = 0; i < 100_000; i++) {
        Claim c = store.claim("creativeai:job:" + keys.incrementAndGet() + ":completed", Duration.ofMinutes(5));
        store.complete(c, Duration.ofMinutes(10));
      }
    }

    @TearDown
    public void tearDown() {
      store.close();
    }
  }

  @Benchmark
  @Fork(value = 1)
  public boolean claimAndCompleteInFullStore(FullStore s) {
    Claim c = s.store.claim("creativeai:job:" + s.keys.incrementAndGet() + ":completed", Duration.ofMinutes(5));
    return s.store.complete(c, Duration.ofMinutes(10));
  }
}
