package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProxyTest {

  @Test
  void parsesCurlStyleUrls() {
    assertThat(Proxy.parse("socks5h://proxy.example:1081"))
        .isEqualTo(new Proxy(Proxy.Type.SOCKS5H, "proxy.example", 1081, null));
    assertThat(Proxy.parse("socks5://10.0.0.1")).isEqualTo(Proxy.socks5("10.0.0.1", 1080));
    assertThat(Proxy.parse("http://proxy:3128/")).isEqualTo(Proxy.http("proxy", 3128));
    assertThat(Proxy.parse("SOCKS5H://[::1]:9050").host()).isEqualTo("::1");
  }

  @Test
  void likeCurlAUrlWithoutSchemeIsAnHttpProxyAndAUrlWithoutPortUses1080() {
    Proxy p = Proxy.parse("proxy.example");
    assertThat(p.type()).isEqualTo(Proxy.Type.HTTP);
    assertThat(p.port()).isEqualTo(Proxy.DEFAULT_PORT).isEqualTo(1080);
  }

  @Test
  void readsPercentEncodedCredentialsAndNeverShowsThem() {
    Proxy p = Proxy.parse("http://al%40ice:p%3Ass@proxy:3128");
    assertThat(p.credentials().user()).isEqualTo("al@ice");
    assertThat(p.credentials().secretAsString()).isEqualTo("p:ss");
    assertThat(p.toString()).isEqualTo("http://***@proxy:3128").doesNotContain("p:ss", "ice");
    assertThat(Proxy.socks5h("::1", 1080)).hasToString("socks5h://[::1]:1080");
  }

  @Test
  void rejectsOtherSchemesAndMalformedUrlsWithoutEchoingThePassword() {
    assertThatThrownBy(() -> Proxy.parse("socks4://proxy:1080"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("socks4");
    assertThatThrownBy(() -> Proxy.parse("https://proxy:1080"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Proxy.parse("http://u:hunter2@proxy:99999"))
        .isInstanceOf(InvalidInputException.class)
        .message()
        .doesNotContain("hunter2");
    assertThatThrownBy(() -> Proxy.parse("http://u:hunter2%zz@proxy:1"))
        .isInstanceOf(InvalidInputException.class)
        .message()
        .doesNotContain("hunter2");
    assertThatThrownBy(() -> Proxy.parse("http://u:hunter2@proxy:1/path"))
        .isInstanceOf(InvalidInputException.class)
        .message()
        .doesNotContain("hunter2");
    assertThatThrownBy(() -> Proxy.parse("http://u:hunter2@:1"))
        .isInstanceOf(InvalidInputException.class)
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void takesOnlyPasswordCredentials() {
    assertThatThrownBy(
            () -> Proxy.http("p", 1).withCredentials(Credentials.oauth2("u", () -> "token")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(
            Proxy.http("p", 1)
                .withCredentials(Credentials.password("u", "x".toCharArray()))
                .credentialsIfAny())
        .isPresent();
  }
}
