package dev.videojob.durable.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderLinesTest {

  @Test
  void anyValueSurvivesTheRoundTripWithItsOrder() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("x-shop-delivery", List.of("d1"));
    headers.put("x-odd", List.of("a:b", "back\\slash", "line\nfeed\r", "", "ünïcødé 🚀"));
    assertThat(HeaderLines.decode(HeaderLines.encode(headers))).isEqualTo(headers);
  }

  @Test
  void noHeadersIsAnEmptyText() {
    assertThat(HeaderLines.encode(Map.of())).isEmpty();
    assertThat(HeaderLines.decode("")).isEmpty();
  }
}
