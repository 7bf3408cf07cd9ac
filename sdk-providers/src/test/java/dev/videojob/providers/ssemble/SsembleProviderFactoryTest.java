package dev.videojob.providers.ssemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.VideoClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SsembleProviderFactoryTest {

  @Test
  void videoClientFromEnvFindsSsembleThroughTheServiceLoader() {
    try (VideoClient client = VideoClient.fromEnv(Map.of("SSEMBLE_API_KEY", "ssk_env_SECRET"))) {
      assertThat(client.providerIds()).contains("ssemble");
      assertThat(client.provider("ssemble")).isInstanceOf(Ssemble.class);
    }
  }

  @Test
  void factoryCreatesNothingWithoutTheKey() {
    assertThat(new SsembleProviderFactory().fromEnv(Map.of())).isEmpty();
    assertThat(new SsembleProviderFactory().fromEnv(Map.of("SSEMBLE_API_KEY", " "))).isEmpty();
    assertThat(new SsembleProviderFactory().environmentVariables()).first().isEqualTo("SSEMBLE_API_KEY");
  }

  @Test
  void fromEnvHonoursTheBaseUrlOverride() {
    try (Ssemble s = Ssemble.fromEnv(Map.of("SSEMBLE_API_KEY", "k", "SSEMBLE_BASE_URL", "https://proxy.example.com/ssemble"))) {
      assertThat(s.toString()).contains("proxy.example.com/ssemble");
    }
  }

  @Test
  void fromEnvWithoutTheKeySaysWhichVariableToSet() {
    assertThatThrownBy(() -> Ssemble.fromEnv(Map.of())).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("SSEMBLE_API_KEY");
  }

  @Test
  void toStringNeverShowsTheApiKey() {
    try (Ssemble s = Ssemble.builder().apiKey("ssk_live_SECRET_7788").build()) {
      assertThat(s.toString()).doesNotContain("SECRET").contains("aiclipping.ssemble.com/api/v1");
    }
  }
}
