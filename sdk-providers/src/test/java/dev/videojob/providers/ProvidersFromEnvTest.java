package dev.videojob.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoJobException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvidersFromEnvTest {

  @Test
  void theClientPicksUpEveryAdapterWhoseKeyIsSet() {
    try (VideoClient client = VideoClient.fromEnv(Map.of("CREATIVEAI_API_KEY", "c", "HIGGSFIELD_API_KEY", "h",
        "VIDEOPILOT_API_KEY", "v"))) {
      assertThat(client.providerIds()).contains("creativeai", "higgsfield", "videopilot");
    }
  }

  @Test
  void onlyAdaptersWithAKeyAreConfigured() {
    try (VideoClient client = VideoClient.fromEnv(Map.of("VIDEOPILOT_API_KEY", "v"))) {
      assertThat(client.providerIds()).containsExactly("videopilot");
    }
  }

  @Test
  void withoutAnyKeyTheErrorNamesTheVariables() {
    assertThatThrownBy(() -> VideoClient.fromEnv(Map.of())).isInstanceOf(VideoJobException.class)
        .hasMessageContaining("CREATIVEAI_API_KEY").hasMessageContaining("HIGGSFIELD_API_KEY")
        .hasMessageContaining("VIDEOPILOT_API_KEY");
  }
}
