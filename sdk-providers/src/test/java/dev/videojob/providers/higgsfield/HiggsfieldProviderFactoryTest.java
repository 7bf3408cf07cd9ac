package dev.videojob.providers.higgsfield;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.spi.VideoProviderFactory;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class HiggsfieldProviderFactoryTest {

  @Test
  void isRegisteredForServiceLoading() {
    assertThat(ServiceLoader.load(VideoProviderFactory.class).stream().map(ServiceLoader.Provider::type))
        .contains(HiggsfieldProviderFactory.class);
  }

  @Test
  void createsTheAdapterWhenTheKeyIsSet() {
    try (VideoProvider p = new HiggsfieldProviderFactory().fromEnv(Map.of("HIGGSFIELD_API_KEY", "k",
        "HIGGSFIELD_BASE_URL", "http://localhost:1/v1")).orElseThrow()) {
      assertThat(p.id()).isEqualTo("higgsfield");
      assertThat(p.toString()).contains("localhost:1").doesNotContain("k}");
    }
  }

  @Test
  void createsNothingWithoutTheKey() {
    assertThat(new HiggsfieldProviderFactory().fromEnv(Map.of())).isEmpty();
  }
}
