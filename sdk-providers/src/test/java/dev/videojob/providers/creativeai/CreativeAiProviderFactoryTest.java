package dev.videojob.providers.creativeai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.spi.VideoProviderFactory;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CreativeAiProviderFactoryTest {

  @Test
  void isRegisteredForServiceLoading() {
    assertThat(ServiceLoader.load(VideoProviderFactory.class).stream().map(ServiceLoader.Provider::type))
        .contains(CreativeAiProviderFactory.class);
  }

  @Test
  void createsTheAdapterWhenTheKeyIsSet() {
    try (VideoProvider p = new CreativeAiProviderFactory().fromEnv(Map.of("CREATIVEAI_API_KEY", "k",
        "CREATIVEAI_BASE_URL", "http://localhost:1/v1")).orElseThrow()) {
      assertThat(p.id()).isEqualTo("creativeai");
      assertThat(p.toString()).contains("localhost:1").doesNotContain("k}");
    }
  }

  @Test
  void createsNothingWithoutTheKey() {
    assertThat(new CreativeAiProviderFactory().fromEnv(Map.of())).isEmpty();
  }
}
