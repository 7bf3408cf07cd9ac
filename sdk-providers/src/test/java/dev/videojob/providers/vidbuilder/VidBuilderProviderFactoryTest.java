package dev.videojob.providers.vidbuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.VideoClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VidBuilderProviderFactoryTest {

  @Test
  void videoClientFromEnvFindsVidBuilderWithBasicCredentials() {
    try (VideoClient client = VideoClient.fromEnv(Map.of("VIDBUILDER_USERNAME", "acme", "VIDBUILDER_PASSWORD", "pw"))) {
      assertThat(client.provider("vidbuilder")).isInstanceOf(VidBuilder.class);
    }
  }

  @Test
  void factoryAcceptsABearerKeyInstead() {
    assertThat(new VidBuilderProviderFactory().fromEnv(Map.of("VIDBUILDER_API_KEY", "k"))).isPresent();
    assertThat(new VidBuilderProviderFactory().fromEnv(Map.of())).isEmpty();
  }

  @Test
  void aUserNameWithoutPasswordIsRejected() {
    assertThatThrownBy(() -> VidBuilder.fromEnv(Map.of("VIDBUILDER_USERNAME", "acme")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("VIDBUILDER_PASSWORD");
  }

  @Test
  void noCredentialsAtAllIsRejectedNamingTheVariables() {
    assertThatThrownBy(() -> VidBuilder.builder().build()).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("VIDBUILDER_USERNAME").hasMessageContaining("VIDBUILDER_API_KEY");
  }

  @Test
  void bothKindsOfCredentialsAreRejected() {
    assertThatThrownBy(() -> VidBuilder.builder().basicAuth("u", "p").apiKey("k").build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not both");
  }

  @Test
  void toStringNeverShowsThePassword() {
    try (VidBuilder vb = VidBuilder.builder().basicAuth("acme", "pw_SECRET_9911").build()) {
      assertThat(vb.toString()).doesNotContain("SECRET").contains("backend.vidbuilder.ai");
    }
  }
}
