package dev.videojob.providers.ssemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.VideoRequest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule is checked before any network call: the server must see no request. */
class SsembleValidationTest {

  private static void assertRejected(VideoRequest request, String field, String messagePart) throws Exception {
    try (SsembleHarness h = new SsembleHarness()) {
      assertThatThrownBy(() -> h.client.submit(request)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
        assertThat(e.field()).contains(field);
        assertThat(e.provider()).contains("ssemble");
        assertThat(e.getMessage()).contains(messagePart);
      });
      assertThat(h.server.getRequestCount()).isZero();
    }
  }

  private static VideoRequest with(SsembleOptions.Builder options) {
    return VideoRequest.builder().extension(options.build()).build();
  }

  @Test
  void rejectsARequestWithoutSsembleOptions() throws Exception {
    assertRejected(VideoRequest.builder().build(), "extension", "SsembleOptions");
  }

  @Test
  void rejectsARequestWithoutASource() throws Exception {
    assertRejected(with(SsembleOptions.builder().window(Duration.ZERO, Duration.ofSeconds(60))), "source", "url");
  }

  @Test
  void rejectsARequestWithBothSources() throws Exception {
    assertRejected(with(SsembleHarness.options().fileUrl(URI.create("https://f.example.com/a.mp4"))), "fileUrl",
        "exactly one");
  }

  @Test
  void rejectsASourceThatIsNotAnHttpUrl() throws Exception {
    assertRejected(with(SsembleOptions.builder().fileUrl(URI.create("ftp://f.example.com/a.mp4"))
        .window(Duration.ZERO, Duration.ofSeconds(60))), "fileUrl", "http");
  }

  @Test
  void rejectsARequestWithoutAWindow() throws Exception {
    assertRejected(with(SsembleOptions.builder().url(URI.create("https://youtu.be/x"))), "window", "window");
  }

  @Test
  void rejectsAWindowShorterThanOneSecond() throws Exception {
    assertRejected(with(SsembleHarness.options().window(Duration.ofSeconds(10), Duration.ofSeconds(10))), "end", "1 to 1200");
  }

  @Test
  void rejectsAWindowLongerThan1200Seconds() throws Exception {
    assertRejected(with(SsembleHarness.options().window(Duration.ZERO, Duration.ofSeconds(1201))), "end", "1201 s");
  }

  @Test
  void rejectsANegativeStart() throws Exception {
    assertRejected(with(SsembleHarness.options().window(Duration.ofSeconds(-5), Duration.ofSeconds(60))), "start",
        "negative");
  }

  @Test
  void rejectsAWindowEndingAfterFiveHours() throws Exception {
    assertRejected(with(SsembleHarness.options().window(Duration.ofSeconds(17_900), Duration.ofSeconds(18_001))), "end",
        "5 hours");
  }

  @Test
  void acceptsTheLongestWindowAtTheEndOfAFiveHourSource() {
    SsembleHarness.options().window(Duration.ofSeconds(16_800), Duration.ofSeconds(18_000)).build().validate();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080/hook", "http://127.0.0.1/hook", "http://10.1.2.3/hook",
      "http://172.16.0.9/hook", "http://192.168.1.10/hook", "http://169.254.169.254/latest/meta-data"})
  void rejectsCallbackUrlsSsembleRefuses(String url) throws Exception {
    assertRejected(VideoRequest.builder().extension(SsembleHarness.options().build()).callbackUrl(URI.create(url)).build(),
        "callbackUrl", "Callback URL");
  }

  @Test
  void rejectsACallbackUrlLongerThan2048Characters() throws Exception {
    URI longUrl = URI.create("https://app.example.com/hook?x=" + "a".repeat(2048));
    assertRejected(VideoRequest.builder().extension(SsembleHarness.options().build()).callbackUrl(longUrl).build(),
        "callbackUrl", "2,048");
  }

  @Test
  void rejectsSharedFieldsSsembleHasNoPlaceFor() throws Exception {
    assertRejected(VideoRequest.builder().extension(SsembleHarness.options().build()).prompt("make it viral").build(),
        "prompt", "does not support prompt");
  }
}
