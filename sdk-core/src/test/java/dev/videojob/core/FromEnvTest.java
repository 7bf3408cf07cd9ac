package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.HttpTransport;
import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.spi.VideoProviderFactory;
import dev.videojob.core.support.TestProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FromEnvTest {

  /** Registered in src/test/resources/META-INF/services. */
  public static final class TestFactory implements VideoProviderFactory {
    @Override public String id() { return "test"; }

    @Override public List<String> environmentVariables() { return List.of("TEST_VIDEO_API_KEY", "TEST_VIDEO_BASE_URL"); }

    @Override public Optional<VideoProvider> fromEnv(Map<String, String> env) {
      String key = env.get("TEST_VIDEO_API_KEY");
      if (key == null) return Optional.empty();
      HttpTransport http = HttpTransport.builder("test").auth(Auth.bearer(key))
          .baseUrl(env.getOrDefault("TEST_VIDEO_BASE_URL", "https://api.example.invalid")).build();
      return Optional.of(new TestProvider("test", http, false));
    }
  }

  @Test
  void buildsAClientWithEveryProviderWhoseCredentialsAreSet() {
    try (VideoClient client = VideoClient.fromEnv(Map.of("TEST_VIDEO_API_KEY", "k"))) {
      assertThat(client.providerIds()).containsExactly("test");
    }
  }

  @Test
  void namesTheVariablesItLookedForWhenNoneIsSet() {
    assertThatThrownBy(() -> VideoClient.fromEnv(Map.of()))
        .isInstanceOf(VideoJobException.class)
        .hasMessageContaining("set one of TEST_VIDEO_API_KEY");
  }
}
