package dev.videojob.providers.videopilot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.spi.VideoProviderFactory;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class VideoPilotProviderFactoryTest {

  @Test
  void isRegisteredForServiceLoading() {
    assertThat(ServiceLoader.load(VideoProviderFactory.class).stream().map(ServiceLoader.Provider::type))
        .contains(VideoPilotProviderFactory.class);
  }

  @Test
  void createsTheAdapterWhenTheKeyIsSet() {
    try (VideoProvider p = new VideoPilotProviderFactory().fromEnv(Map.of("VIDEOPILOT_API_KEY", "k",
        "VIDEOPILOT_BASE_URL", "http://localhost:1")).orElseThrow()) {
      assertThat(p.id()).isEqualTo("videopilot");
      assertThat(p.toString()).contains("localhost:1").doesNotContain("k}");
    }
  }

  @Test
  void createsNothingWithoutTheKey() {
    assertThat(new VideoPilotProviderFactory().fromEnv(Map.of())).isEmpty();
  }
}
