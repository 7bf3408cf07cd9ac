package dev.videojob.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoJobException;
import dev.videojob.providers.creativeai.CreativeAi;
import dev.videojob.providers.higgsfield.Higgsfield;
import dev.videojob.providers.ssemble.Ssemble;
import dev.videojob.providers.vidbuilder.VidBuilder;
import dev.videojob.providers.videopilot.VideoPilot;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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

  @Test
  void everyAdapterWithoutCredentialsRefusesToBuildWithAnInvalidRequestNamingItsVariable() {
    Map<String, ThrowingCallable> builds = Map.of(
        "CREATIVEAI_API_KEY", () -> CreativeAi.fromEnv(Map.of()),
        "HIGGSFIELD_API_KEY", () -> Higgsfield.fromEnv(Map.of()),
        "SSEMBLE_API_KEY", () -> Ssemble.fromEnv(Map.of()),
        "VIDBUILDER_API_KEY", () -> VidBuilder.fromEnv(Map.of()),
        "VIDEOPILOT_API_KEY", () -> VideoPilot.builder().apiKey(" ").build());
    builds.forEach((variable, build) -> assertThatThrownBy(build).as(variable)
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining(variable));
  }
}
