package dev.videojob.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.InvalidRequestException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CallbackUrlPolicyTest {
  private final CallbackUrlPolicy policy = CallbackUrlPolicy.defaults();

  @ParameterizedTest
  @ValueSource(strings = {
      "https://app.example.com/webhooks/ssemble",
      "http://app.example.com:8080/hook?tenant=1",
      "https://93.184.216.34/hook",
      "https://[2606:2800:220:1:248:1893:25c8:1946]/hook",
      "https://[::ffff:93.184.216.34]/hook",
      "HTTPS://App.Example.COM/hook",
  })
  void acceptsPublicHttpUrls(String url) {
    assertThat(policy.isAllowed(url)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://localhost/hook", "http://LOCALHOST./hook", "http://api.localhost/hook",
      "http://127.0.0.1/hook", "http://127.1/hook", "http://2130706433/hook", "http://0x7f000001/hook",
      "http://0x7f.0.0.1/hook", "http://0177.0.0.1/hook", "http://017700000001/hook",
      "http://[::1]/hook", "http://[0:0:0:0:0:0:0:1]/hook", "http://[::ffff:127.0.0.1]/hook",
      "http://[::ffff:7f00:1]/hook", "http://[::127.0.0.1]/hook", "http://[64:ff9b::7f00:1]/hook",
      "http://[2002:7f00:1::]/hook",
      "http://0.0.0.0/hook", "http://0/hook", "http://[::]/hook",
      "http://10.0.0.5/hook", "http://172.16.0.1/hook", "http://172.31.255.255/hook", "http://192.168.1.1/hook",
      "http://0xa000005/hook", "http://[fc00::1]/hook", "http://[fd00:ec2::254]/hook",
      "http://169.254.169.254/latest/meta-data", "http://0xa9fea9fe/hook", "http://2852039166/hook",
      "http://[::ffff:169.254.169.254]/hook", "http://[fe80::1]/hook", "http://[fe80::1%25eth0]/hook",
      "http://metadata.google.internal/computeMetadata/v1", "http://100.100.100.200/hook",
      "http://224.0.0.1/hook", "http://255.255.255.255/hook",
  })
  void rejectsLocalPrivateAndMetadataHostsInAnySpelling(String url) {
    assertThatThrownBy(() -> policy.check(url)).isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).contains("callbackUrl"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ftp://app.example.com/hook", "file:///etc/passwd", "javascript:alert(1)", "app.example.com/hook",
      "https://user:pass@app.example.com/hook", "https://app.example.com@127.0.0.1/hook",
      "http://1.2.3.4.5/hook", "http://256.1.1.1/hook", "http://0x100000000/hook", "http:///hook",
      "http://exa mple.com/", "http://%31%32%37.0.0.1/hook",
  })
  void rejectsOtherSchemesCredentialsAndInvalidHosts(String url) {
    assertThat(policy.isAllowed(url)).isFalse();
  }

  @Test
  void acceptsUrlOfExactlyMaxLength() {
    String base = "https://app.example.com/";
    assertThat(policy.isAllowed(base + "a".repeat(2048 - base.length()))).isTrue();
  }

  @Test
  void rejectsUrlLongerThan2048Characters() {
    String base = "https://app.example.com/";
    assertThatThrownBy(() -> policy.check(base + "a".repeat(2049 - base.length())))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("2048");
  }

  @Test
  void httpsOnlyRejectsHttp() {
    assertThat(CallbackUrlPolicy.builder().httpsOnly().build().isAllowed("http://app.example.com/hook")).isFalse();
  }

  @Test
  void rejectsNameThatResolvesToPrivateAddress() throws UnknownHostException {
    InetAddress internal = InetAddress.getByAddress("rebind.example.com", new byte[] {10, 1, 2, 3});
    InetAddress pub = InetAddress.getByAddress("rebind.example.com", new byte[] {93, (byte) 184, (byte) 216, 34});
    CallbackUrlPolicy resolving = CallbackUrlPolicy.builder().resolveHosts(h -> new InetAddress[] {pub, internal}).build();
    assertThatThrownBy(() -> resolving.check("https://rebind.example.com/hook"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("private");
  }

  @Test
  void acceptsNameThatResolvesToPublicAddresses() throws UnknownHostException {
    InetAddress pub = InetAddress.getByAddress("app.example.com", new byte[] {93, (byte) 184, (byte) 216, 34});
    CallbackUrlPolicy resolving = CallbackUrlPolicy.builder().resolveHosts(h -> new InetAddress[] {pub}).build();
    assertThat(resolving.isAllowed("https://app.example.com/hook")).isTrue();
  }

  @Test
  void rejectsNameThatDoesNotResolveWhenResolving() {
    CallbackUrlPolicy resolving = CallbackUrlPolicy.builder().resolveHosts(h -> {
      throw new UnknownHostException(h);
    }).build();
    assertThat(resolving.isAllowed("https://nowhere.example.com/hook")).isFalse();
  }
}
