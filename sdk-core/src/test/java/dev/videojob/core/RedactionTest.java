package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.spi.Auth;
import dev.videojob.core.support.Fixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** API keys, signatures and signed URL query strings never reach logs, messages or toString(). */
class RedactionTest {
  private static final String SIGNED = "https://bucket.s3.amazonaws.com/v.mp4?X-Amz-Signature=deadbeefcafe&X-Amz-Credential=AKIAEXAMPLE";

  @Test
  void logsOfRetriesFailuresAndWaitsContainNoSecret() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    String out;
    try (Fixture f = new Fixture(true)) {
      f.enqueue(new MockResponse.Builder().code(503).body("{}").build());
      f.enqueue(202, "{\"id\":\"j1\",\"status\":\"queued\"}");
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"succeeded\",\"url\":\"" + SIGNED + "\"}");
      f.enqueue(401, "{\"message\":\"bad key\"}");

      VideoJob job = f.client.submit(Fixture.request());
      VideoJob done = f.client.await(job.ref(), Duration.ofMinutes(1));
      assertThatThrownBy(() -> f.client.status(job.ref())).isInstanceOf(AuthenticationException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(Fixture.API_KEY));
      assertThat(done.toString()).doesNotContain("deadbeef").doesNotContain("AKIAEXAMPLE");
    } finally {
      System.setErr(original);
    }
    out = captured.toString(StandardCharsets.UTF_8);
    assertThat(out).as("the SDK logged the calls").contains("retrying").contains("-> 202");
    assertThat(out).doesNotContain(Fixture.API_KEY).doesNotContain("deadbeefcafe").doesNotContain("AKIAEXAMPLE");
  }

  @Test
  void toStringOfCredentialsAndAssetsHidesSecrets() {
    assertThat(Auth.bearer("sk_live_abc").toString()).doesNotContain("sk_live_abc").contains("redacted");
    assertThat(Auth.basic("user", "hunter2").toString()).doesNotContain("hunter2").doesNotContain("dXNlcjpodW50ZXIy");
    assertThat(Asset.builder(URI.create(SIGNED), AssetKind.MASTER).build().toString())
        .contains("bucket.s3.amazonaws.com/v.mp4").doesNotContain("deadbeef");
  }
}
