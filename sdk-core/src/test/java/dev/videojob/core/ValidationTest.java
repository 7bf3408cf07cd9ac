package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.support.Fixture;
import dev.videojob.core.support.Mode;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A field the provider cannot honour fails before any network call, naming the field and the provider. */
class ValidationTest {

  record OtherExtension(String x) implements ProviderExtension {}

  private static void assertRejectedOffline(Fixture f, Mode mode, VideoRequest request, String field, String text) {
    assertThatThrownBy(() -> mode.submit(f.client, request))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).contains(field);
          if (!field.equals("provider")) assertThat(e.provider()).contains("test");
          assertThat(e.getMessage()).contains(text);
        });
    assertThat(f.server.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void rejectsAFieldTheProviderDoesNotSupport(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      assertRejectedOffline(f, mode, Fixture.request().toBuilder().style("anime").build(), "style",
          "test does not support style");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void rejectsAnAspectRatioTheProviderDoesNotMake(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      assertRejectedOffline(f, mode, Fixture.request().toBuilder().aspectRatio(AspectRatio.SQUARE_1_1).build(),
          "aspectRatio", "use one of 9:16, 16:9");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void rejectsADurationAboveTheProvidersMaximum(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      assertRejectedOffline(f, mode, Fixture.request().toBuilder().duration(Duration.ofSeconds(90)).build(),
          "duration", "at most 60 s");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void rejectsAnotherProvidersExtension(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      assertRejectedOffline(f, mode, Fixture.request().toBuilder().extension(new OtherExtension("x")).build(),
          "extension", "OtherExtension is not for test");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void rejectsARelativeCallbackUrl(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      // The test provider does not list callbackUrl, so the unsupported-field check speaks first.
      assertRejectedOffline(f, mode, Fixture.request().toBuilder().callbackUrl(URI.create("/hooks")).build(),
          "callbackUrl", "callbackUrl");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void rejectsAProviderTheClientDoesNotHave(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      assertRejectedOffline(f, mode, Fixture.request().toBuilder().provider("nope").build(), "provider",
          "no provider 'nope'");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void cancelOnAProviderWithoutCancelFailsWithoutANetworkCall(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      VideoClient client = VideoClient.builder().provider(new dev.videojob.core.spi.VideoProvider() {
        @Override public String id() { return "nocancel"; }
        @Override public dev.videojob.core.spi.ProviderCapabilities capabilities() {
          return dev.videojob.core.spi.ProviderCapabilities.builder().polling(true).build();
        }
        @Override public java.util.concurrent.CompletableFuture<VideoJob> submit(VideoRequest r, dev.videojob.core.spi.CallContext c) {
          throw new AssertionError();
        }
        @Override public java.util.concurrent.CompletableFuture<VideoJob> status(String id, dev.videojob.core.spi.CallContext c) {
          throw new AssertionError();
        }
      }).build();

      assertThatThrownBy(() -> mode.cancel(client, JobRef.of("nocancel", "j1")))
          .isInstanceOfSatisfying(CapabilityNotSupportedException.class, e -> assertThat(e.capability()).isEqualTo("cancel"));
      client.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void cancelReachesTheProvider(Mode mode) throws Exception {
    try (Fixture f = new Fixture(true)) {
      f.enqueue(200, "{\"id\":\"j1\",\"status\":\"canceled\"}");

      VideoJob job = mode.cancel(f.client, JobRef.of("test", "j1"));

      assertThat(job.rawStatus()).isEqualTo("canceled");
      assertThat(f.take().getTarget()).isEqualTo("/v1/jobs/j1/cancel");
    }
  }
}
