package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxiesTest {
  private static final Proxy ALL = Proxy.parse("socks5h://all:1080");
  private static final Proxy FTP = Proxy.parse("http://ftp-proxy:3128");

  @Test
  void noneGoesDirect() {
    assertThat(Proxies.NONE.select(Scheme.SMTP, "mail.example")).isEmpty();
    assertThat(Proxies.NONE).hasToString("Proxies[direct]");
  }

  @Test
  void theSchemesOwnVariableWinsOverAllProxyAndLowerCaseOverUpperCase() {
    Proxies p =
        Proxies.fromEnvironment(
            Map.of(
                "ALL_PROXY", "socks5://ignored:1",
                "all_proxy", "socks5h://all:1080",
                "FTP_PROXY", "http://ftp-proxy:3128"));
    assertThat(p.select(Scheme.FTP, "files.example")).contains(FTP);
    assertThat(p.select(Scheme.IMAPS, "mail.example")).contains(ALL);
    assertThat(
            Proxies.fromEnvironment(Map.of("ALL_PROXY", "http://up:8080"))
                .select(Scheme.TELNET, "h"))
        .contains(Proxy.http("up", 8080));
    assertThat(
            Proxies.fromEnvironment(Map.of("all_proxy", "", "ALL_PROXY", "http://up:8080"))
                .select(Scheme.GOPHER, "h"))
        .contains(Proxy.http("up", 8080));
    assertThat(Proxies.fromEnvironment(Map.of()).select(Scheme.SMTP, "h")).isEmpty();
  }

  @Test
  void aMalformedVariableIsNamedWithoutItsCredentials() {
    assertThatThrownBy(() -> Proxies.fromEnvironment(Map.of("all_proxy", "socks4://u:hunter2@p:1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("all_proxy")
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void noProxyFollowsCurlsRules() {
    Proxies p =
        Proxies.of(ALL)
            .withNoProxy(" example.com, .internal.example ,10.0.0.0/8,192.168.1.7,[::1], fd00::/8");
    assertThat(p.bypasses("example.com")).isTrue();
    assertThat(p.bypasses("mail.example.com")).isTrue();
    assertThat(p.bypasses("MAIL.Example.COM.")).isTrue();
    assertThat(p.bypasses("badexample.com")).isFalse();
    assertThat(p.bypasses("internal.example")).isTrue();
    assertThat(p.bypasses("a.b.internal.example")).isTrue();
    assertThat(p.bypasses("10.1.2.3")).isTrue();
    assertThat(p.bypasses("11.1.2.3")).isFalse();
    assertThat(p.bypasses("192.168.1.7")).isTrue();
    assertThat(p.bypasses("192.168.1.8")).isFalse();
    assertThat(p.bypasses("::1")).isTrue();
    assertThat(p.bypasses("fd12::5")).isTrue();
    assertThat(p.bypasses("fe80::1")).isFalse();
    assertThat(p.select(Scheme.SMTP, "mail.example.com")).isEmpty();
    assertThat(p.select(Scheme.SMTP, "mail.example.org")).contains(ALL);
  }

  @Test
  void aStarBypassesEverythingAndLoopbackIsProxiedUnlessListedAsInCurl() {
    assertThat(Proxies.of(ALL).withNoProxy("*").select(Scheme.IMAP, "anything")).isEmpty();
    assertThat(Proxies.of(ALL).select(Scheme.IMAP, "localhost")).contains(ALL);
    assertThat(Proxies.of(ALL).select(Scheme.IMAP, "127.0.0.1")).contains(ALL);
    assertThat(Proxies.of(ALL).withNoProxy("localhost,127.0.0.1").select(Scheme.IMAP, "127.0.0.1"))
        .isEmpty();
  }

  @Test
  void theEnvironmentsNoProxyIsReadAndWithNoProxyReplacesIt() {
    Proxies p =
        Proxies.fromEnvironment(
            Map.of("all_proxy", "socks5h://all:1080", "NO_PROXY", "example.com"));
    assertThat(p.select(Scheme.POP3, "pop.example.com")).isEmpty();
    assertThat(p.noProxy()).isEqualTo("example.com");
    assertThat(p.withNoProxy("").select(Scheme.POP3, "pop.example.com")).contains(ALL);
  }

  @Test
  void toStringNeverShowsCredentials() {
    Proxies p =
        Proxies.of(Proxy.parse("socks5h://alice:hunter2@proxy:1080"))
            .withProxy(Scheme.FTP, Proxy.parse("http://bob:pw2@p:3128"))
            .withNoProxy("localhost");
    assertThat(p.toString()).doesNotContain("hunter2", "pw2", "alice", "bob").contains("localhost");
  }
}
