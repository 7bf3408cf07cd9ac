package dev.videojob.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuthTest {

  @Test
  void basicIsTheRfc7617HeaderOfUserAndPassword() {
    Auth a = Auth.basic("Aladdin", "open sesame");
    assertThat(a.headerName()).isEqualTo("Authorization");
    assertThat(a.headerValue()).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  }

  @Test
  void basicEncodesNonAsciiAsUtf8() {
    assertThat(Auth.basic("test", "123£").headerValue()).isEqualTo("Basic dGVzdDoxMjPCow==");
  }

  @Test
  void basicRefusesAUserWithAColon() {
    assertThatThrownBy(() -> Auth.basic("a:b", "pw")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("':'");
  }

  @Test
  void toStringNeverShowsTheSecret() {
    assertThat(Auth.basic("user", "s3cret").toString()).doesNotContain("s3cret").doesNotContain("dXNlcjpzM2NyZXQ");
  }
}
