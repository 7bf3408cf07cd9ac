package dev.videojob.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

  @Test
  void keepsAKeyOf255Characters() {
    String key = "a".repeat(255);

    assertThat(IdempotencyKeys.storedKey(key)).isEqualTo(key);
  }

  @Test
  void hashesAKeyOf256Characters() {
    // sha256 of 256 times "a", computed outside Java
    assertThat(IdempotencyKeys.storedKey("a".repeat(256)))
        .isEqualTo("sha256:02d7160d77e18c6447be80c2e355c7ed4388545271702c50253b0914c65ce5fe");
  }

  @Test
  void hashesAKeyWithANulCharacterWhichPostgresqlCannotStore() {
    assertThat(IdempotencyKeys.storedKey("a\0b")).startsWith("sha256:").hasSize(71);
  }

  @Test
  void addingBeyondTheLastMillisecondSaturates() {
    assertThat(IdempotencyKeys.plus(1_000, Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    assertThat(IdempotencyKeys.plus(Long.MAX_VALUE - 10, Duration.ofMillis(20))).isEqualTo(Long.MAX_VALUE);
    assertThat(IdempotencyKeys.plus(1_000, Duration.ofSeconds(2))).isEqualTo(3_000);
  }
}
