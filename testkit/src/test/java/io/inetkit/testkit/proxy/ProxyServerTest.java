package io.inetkit.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionException;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.Proxy;
import io.inetkit.core.Timeouts;
import io.inetkit.core.internal.Connector;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The proxy observed through core's tunnel: what it carries, records and refuses. */
class ProxyServerTest {
  private static final Timeouts FAST = Timeouts.DEFAULT.withRead(Duration.ofSeconds(5));

  private static Socket through(Proxy proxy, Endpoint target) throws Exception {
    return Connector.connect(target, proxy, false, null, FAST, EventListener.NONE);
  }

  private static Proxy proxyOf(ProxyServer server) {
    return Proxy.parse(server.url());
  }

  @ParameterizedTest
  @EnumSource(ProxyServer.Kind.class)
  void carriesBothWaysAndRecordsTheTunnel(ProxyServer.Kind kind) throws Exception {
    try (FaultServer target =
            FaultServer.start(FaultScript.create().send("hello\r\n").expectLine().close());
        ProxyServer proxy = ProxyServer.builder(kind).start()) {
      try (Socket s = through(proxyOf(proxy), Endpoint.of(target.host(), target.port()))) {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        assertThat(in.readLine()).isEqualTo("hello");
        s.getOutputStream().write("ping\r\n".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        assertThat(in.readLine()).isNull(); // the target closed after the line
      }
      assertThat(target.received()).isEqualTo("ping\r\n");
      ProxyTunnel t = proxy.tunnels().get(0);
      assertThat(t.target()).isEqualTo("127.0.0.1:" + target.port());
      assertThat(t.bytesToClient()).isEqualTo(7);
      assertThat(t.user()).isNull();
      proxy.reset();
      assertThat(proxy.tunnels()).isEmpty();
    }
  }

  @Test
  void resolvesNamesItAloneKnowsAndReportsTheTargetAsTheSocketsPeer() throws Exception {
    try (FaultServer target = FaultServer.start(FaultScript.create().send("hi\r\n").close());
        ProxyServer proxy =
            ProxyServer.builder(ProxyServer.Kind.SOCKS5)
                .resolve("only.proxy.test", InetAddress.getByName("127.0.0.1"))
                .start();
        Socket s = through(proxyOf(proxy), Endpoint.of("only.proxy.test", target.port()))) {
      assertThat(s.getPort()).isEqualTo(target.port());
      assertThat(s.getInputStream().readNBytes(4)).isEqualTo("hi\r\n".getBytes());
      assertThat(proxy.tunnels().get(0).host()).isEqualTo("only.proxy.test");
    }
  }

  @ParameterizedTest
  @EnumSource(ProxyServer.Kind.class)
  void requiresItsCredentialsAndRecordsTheUser(ProxyServer.Kind kind) throws Exception {
    try (FaultServer target = FaultServer.start(FaultScript.create().send("hi\r\n").close());
        ProxyServer proxy = ProxyServer.builder(kind).credentials("pu", "ppw").start()) {
      Endpoint ep = Endpoint.of(target.host(), target.port());
      Proxy plain = proxyOf(proxy);
      try (Socket s =
          through(plain.withCredentials(Credentials.password("pu", "ppw".toCharArray())), ep)) {
        assertThat(s.getInputStream().readNBytes(2)).isEqualTo("hi".getBytes());
      }
      assertThat(proxy.tunnels()).extracting(ProxyTunnel::user).containsExactly("pu");
      assertThatThrownBy(
              () ->
                  through(
                      plain.withCredentials(Credentials.password("pu", "no".toCharArray())), ep))
          .isInstanceOf(AuthenticationException.class);
      assertThatThrownBy(() -> through(plain, ep)).isInstanceOf(AuthenticationException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(ProxyServer.Kind.class)
  void tunnelsToLoopbackOnly(ProxyServer.Kind kind) throws Exception {
    try (ProxyServer proxy = ProxyServer.builder(kind).start()) {
      assertThatThrownBy(() -> through(proxyOf(proxy), Endpoint.of("192.0.2.1", 25)))
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining("192.0.2.1:25");
      assertThat(proxy.tunnels()).isEmpty();
    }
  }
}
