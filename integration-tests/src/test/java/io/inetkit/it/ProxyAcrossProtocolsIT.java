package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionException;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Proxies;
import io.inetkit.core.Proxy;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.MailMessage;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Session;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.terminal.TelnetClient;
import io.inetkit.terminal.TelnetSession;
import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.testkit.gopher.GopherServer;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import io.inetkit.testkit.proxy.ProxyFault;
import io.inetkit.testkit.proxy.ProxyServer;
import io.inetkit.testkit.proxy.ProxyTunnel;
import io.inetkit.testkit.telnet.TelnetServer;
import io.inetkit.transfer.ftp.DataConnectionMode;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpSession;
import io.inetkit.transfer.gopher.GopherClient;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every protocol's client goes through both kinds of proxy (the testkit proxy records each tunnel:
 * target and bytes), FTP's passive data connections included; nothing goes through a proxy for a
 * host in the no-proxy list; and a hostile proxy (refusing, garbage, stalling, closing, rejecting
 * the credentials) ends in a typed error, never showing the proxy password.
 */
class ProxyAcrossProtocolsIT {
  private static final String USER = ProxiedServers.EMAIL;
  private static final String PASSWORD = ProxiedServers.PASSWORD;
  private static final String PROXY_PASSWORD = "proxy-s3cret";
  private static final Timeouts SHORT =
      new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30));

  static ProxiedServers servers;
  static MailServer mail;
  static FtpServer ftp;
  static GopherServer gopher;
  static TelnetServer telnet;

  @BeforeAll
  static void startServers() throws Exception {
    servers = new ProxiedServers();
    mail = servers.mail;
    ftp = servers.ftp;
    gopher = servers.gopher;
    telnet = servers.telnet;
  }

  @AfterAll
  static void stopServers() {
    servers.close();
  }

  /** Runs one protocol's journey with {@code proxies}; returns the server port(s) it used. */
  @FunctionalInterface
  interface Journey {
    void run(Proxies proxies) throws Exception;
  }

  static Stream<Arguments> journeys() {
    return Stream.of(
        Arguments.of("SMTP", (Journey) ProxyAcrossProtocolsIT::smtp, mail.smtpPort()),
        Arguments.of("IMAP", (Journey) ProxyAcrossProtocolsIT::imap, mail.port(MailProtocol.IMAP)),
        Arguments.of("POP3", (Journey) ProxyAcrossProtocolsIT::pop3, mail.port(MailProtocol.POP3)),
        Arguments.of("FTP", (Journey) ProxyAcrossProtocolsIT::ftp, ftp.port()),
        Arguments.of("Gopher", (Journey) ProxyAcrossProtocolsIT::gopher, gopher.port()),
        Arguments.of("Telnet", (Journey) ProxyAcrossProtocolsIT::telnet, telnet.port()));
  }

  static Stream<Arguments> journeysThroughEachKind() {
    List<Arguments> all = new ArrayList<>();
    for (ProxyServer.Kind kind : ProxyServer.Kind.values()) {
      journeys().forEach(a -> all.add(Arguments.of(kind, a.get()[0], a.get()[1], a.get()[2])));
    }
    return all.stream();
  }

  static void smtp(Proxies proxies) throws Exception {
    SmtpClient.builder()
        .endpoint(mail.endpoint(MailProtocol.SMTP))
        .tlsMode(TlsMode.NONE)
        .timeouts(SHORT)
        .proxy(proxies)
        .build()
        .send(
            MailMessage.builder()
                .from("bob@example.org")
                .to(USER)
                .subject("via proxy")
                .text("hello")
                .build());
  }

  static void imap(Proxies proxies) throws Exception {
    try (ImapSession s = mailClient(ImapClient.builder(), MailProtocol.IMAP, proxies).open()) {
      assertThat(s.folders()).isNotEmpty();
    }
  }

  private static ImapClient mailClient(
      ImapClient.Builder b, MailProtocol protocol, Proxies proxies) {
    return b.endpoint(mail.endpoint(protocol))
        .tlsMode(protocol.tlsMode())
        .trust(mail.clientTrust())
        .plaintextLogin(PlaintextLogin.ALLOWED)
        .credentials(Credentials.password("alice", PASSWORD.toCharArray()))
        .timeouts(SHORT)
        .proxy(proxies)
        .build();
  }

  static void pop3(Proxies proxies) throws Exception {
    try (Pop3Session s =
        Pop3Client.builder()
            .endpoint(mail.endpoint(MailProtocol.POP3))
            .tlsMode(TlsMode.NONE)
            .plaintextLogin(PlaintextLogin.ALLOWED)
            .credentials(Credentials.password("alice", PASSWORD.toCharArray()))
            .timeouts(SHORT)
            .proxy(proxies)
            .build()
            .open()) {
      s.stat();
    }
  }

  static FtpClient.Builder ftpClient(Proxies proxies) {
    return FtpClient.builder()
        .endpoint(ftp.endpoint())
        .tlsMode(TlsMode.NONE)
        .credentials(ftp.writer().credentials())
        .timeouts(SHORT)
        .retries(0)
        .proxy(proxies);
  }

  static void ftp(Proxies proxies) throws Exception {
    try (FtpSession s = ftpClient(proxies).build().open()) {
      assertThat(s.list("pub")).isNotEmpty();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      s.get(ProxiedServers.FTP_FILE, out);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(ProxiedServers.FTP_TEXT);
    }
  }

  static void gopher(Proxies proxies) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GopherClient.builder()
        .timeouts(SHORT)
        .proxy(proxies)
        .build()
        .text(io.inetkit.core.GopherUrl.parse(gopher.url("0readme.txt")), out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(ProxiedServers.GOPHER_TEXT);
  }

  static void telnet(Proxies proxies) throws Exception {
    try (TelnetSession s =
        TelnetClient.builder()
            .endpoint(telnet.endpoint())
            .timeouts(SHORT)
            .expectTimeout(Duration.ofSeconds(5))
            .proxy(proxies)
            .build()
            .open()) {
      s.login("alice", PASSWORD.toCharArray());
    }
  }

  @ParameterizedTest(name = "{1} through {0}")
  @MethodSource("journeysThroughEachKind")
  void everyProtocolGoesThroughTheProxy(
      ProxyServer.Kind kind, String protocol, Journey journey, int serverPort) throws Exception {
    try (ProxyServer proxy = ProxyServer.builder(kind).start()) {
      journey.run(Proxies.of(Proxy.parse(proxy.url())));
      List<ProxyTunnel> tunnels = proxy.tunnels();
      assertThat(tunnels).as(protocol).isNotEmpty();
      assertThat(tunnels.get(0).target()).isEqualTo("127.0.0.1:" + serverPort);
      assertThat(tunnels.get(0).bytesToClient()).isPositive();
      assertThat(proxy.connections()).isEqualTo(tunnels.size());
    }
  }

  @ParameterizedTest
  @EnumSource(ProxyServer.Kind.class)
  void ftpPassiveDataConnectionsGoThroughTheProxyToo(ProxyServer.Kind kind) throws Exception {
    try (ProxyServer proxy = ProxyServer.builder(kind).start()) {
      ftp(Proxies.of(Proxy.parse(proxy.url())));
      List<ProxyTunnel> tunnels = proxy.tunnels();
      // one control connection and two data connections (LIST, RETR): nothing went around it
      assertThat(tunnels).hasSize(3);
      assertThat(tunnels.get(0).port()).isEqualTo(ftp.port());
      assertThat(tunnels.subList(1, 3))
          .allSatisfy(
              t -> {
                assertThat(t.host()).isEqualTo("127.0.0.1");
                assertThat(t.port()).isNotEqualTo(ftp.port());
              });
      assertThat(tunnels.get(2).bytesToClient()).isEqualTo(ProxiedServers.FTP_TEXT.length());
    }
  }

  @Test
  void activeFtpThroughAProxyIsRefusedBeforeConnecting() throws Exception {
    try (ProxyServer proxy = ProxyServer.socks5()) {
      FtpClient client =
          ftpClient(Proxies.of(Proxy.parse(proxy.url())))
              .dataConnectionMode(DataConnectionMode.ACTIVE)
              .build();
      assertThatThrownBy(client::open)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("active FTP data connections cannot go through proxy");
      assertThat(proxy.connections()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("journeys")
  void aHostInNoProxyGoesDirect(String protocol, Journey journey, int serverPort) throws Exception {
    try (ProxyServer proxy = ProxyServer.socks5()) {
      Proxies env =
          Proxies.fromEnvironment(
              Map.of("ALL_PROXY", proxy.url(), "NO_PROXY", "localhost,127.0.0.1"));
      journey.run(env);
      assertThat(proxy.connections()).as(protocol).isZero();
    }
  }

  @Test
  void socks5hLetsTheProxyResolveTheNameAndSocks5ResolvesItLocally() throws Exception {
    String name = "mail.only-the-proxy-knows.test";
    try (ProxyServer proxy =
        ProxyServer.builder(ProxyServer.Kind.SOCKS5)
            .resolve(name, InetAddress.getByName("127.0.0.1"))
            .start()) {
      SmtpClient.Builder b =
          SmtpClient.builder()
              .endpoint(Endpoint.of(name, mail.smtpPort()))
              .tlsMode(TlsMode.NONE)
              .timeouts(SHORT);
      MailMessage m =
          MailMessage.builder().from("bob@example.org").to(USER).subject("h").text("t").build();
      b.proxy(Proxy.socks5h(proxy.host(), proxy.port())).build().send(m);
      assertThat(proxy.tunnels().get(0).host()).isEqualTo(name);

      assertThatThrownBy(() -> b.proxy(Proxy.socks5(proxy.host(), proxy.port())).build().send(m))
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining("unknown host " + name);
    }
  }

  @ParameterizedTest
  @EnumSource(ProxyServer.Kind.class)
  void tlsIsVerifiedAgainstTheServersNameThroughTheTunnel(ProxyServer.Kind kind) throws Exception {
    try (ProxyServer proxy =
        ProxyServer.builder(kind)
            .resolve("wrong-name.test", InetAddress.getByName("127.0.0.1"))
            .start()) {
      Proxies proxies = Proxies.of(Proxy.parse(proxy.url()));
      // implicit TLS through the tunnel, the certificate names localhost: accepted
      try (ImapSession s =
          mailClient(ImapClient.builder(), MailProtocol.IMAPS, proxies)
              .newBuilder()
              .endpoint(Endpoint.of("localhost", mail.port(MailProtocol.IMAPS)))
              .build()
              .open()) {
        assertThat(s.folders()).isNotEmpty();
      }
      // the same server under a name its certificate does not carry: refused
      ImapClient wrong =
          mailClient(ImapClient.builder(), MailProtocol.IMAPS, proxies)
              .newBuilder()
              .endpoint(Endpoint.of("wrong-name.test", mail.port(MailProtocol.IMAPS)))
              .build();
      assertThatThrownBy(wrong::open).isInstanceOf(TlsException.class);
      assertThat(proxy.tunnels()).extracting(ProxyTunnel::host).contains("wrong-name.test");
    }
  }

  @ParameterizedTest
  @EnumSource(ProxyServer.Kind.class)
  void proxyCredentialsAreSentAndRejectedOnesAreAnAuthenticationError(ProxyServer.Kind kind)
      throws Exception {
    try (ProxyServer proxy =
        ProxyServer.builder(kind).credentials("proxy-user", PROXY_PASSWORD).start()) {
      Proxy noAuth = Proxy.parse(proxy.url());
      gopher(
          Proxies.of(
              noAuth.withCredentials(
                  Credentials.password("proxy-user", PROXY_PASSWORD.toCharArray()))));
      assertThat(proxy.tunnels()).extracting(ProxyTunnel::user).containsExactly("proxy-user");

      assertThatThrownBy(
              () ->
                  gopher(
                      Proxies.of(
                          noAuth.withCredentials(
                              Credentials.password("proxy-user", "wrong-pw".toCharArray())))))
          .isInstanceOf(AuthenticationException.class)
          .message()
          .doesNotContain("wrong-pw", "proxy-user");
      assertThatThrownBy(() -> gopher(Proxies.of(noAuth)))
          .isInstanceOf(AuthenticationException.class);
      assertThat(proxy.tunnels()).hasSize(1);
    }
  }

  static Stream<Arguments> hostileProxies() {
    List<Arguments> all = new ArrayList<>();
    for (ProxyServer.Kind kind : ProxyServer.Kind.values()) {
      journeys()
          .forEach(
              j -> {
                all.add(
                    Arguments.of(
                        kind,
                        ProxyFault.REFUSE_TUNNEL,
                        ConnectionException.class,
                        j.get()[0],
                        j.get()[1]));
                all.add(
                    Arguments.of(
                        kind,
                        ProxyFault.GARBAGE,
                        ProtocolViolationException.class,
                        j.get()[0],
                        j.get()[1]));
                all.add(
                    Arguments.of(
                        kind,
                        ProxyFault.STALL,
                        InetkitTimeoutException.class,
                        j.get()[0],
                        j.get()[1]));
                all.add(
                    Arguments.of(
                        kind, ProxyFault.CLOSE, ConnectionException.class, j.get()[0], j.get()[1]));
              });
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{3} through a {0} proxy that does {1}")
  @MethodSource("hostileProxies")
  void aHostileProxyEndsInATypedError(
      ProxyServer.Kind kind,
      ProxyFault fault,
      Class<? extends Exception> expected,
      String protocol,
      Journey journey)
      throws Exception {
    try (ProxyServer proxy = ProxyServer.builder(kind).fault(fault).start()) {
      Proxy withPassword =
          Proxy.parse(proxy.url())
              .withCredentials(Credentials.password("u", PROXY_PASSWORD.toCharArray()));
      long start = System.nanoTime();
      assertThatThrownBy(() -> journey.run(Proxies.of(withPassword)))
          .as(protocol)
          .isInstanceOf(expected)
          .message()
          .contains("proxy")
          .doesNotContain(PROXY_PASSWORD);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SHORT.overall());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("journeys")
  void aProxyThatIsNotListeningIsAConnectionError(String protocol, Journey journey, int port)
      throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = s.getLocalPort();
    }
    assertThatThrownBy(() -> journey.run(Proxies.of(Proxy.socks5h("127.0.0.1", closed))))
        .as(protocol)
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("connect to proxy socks5h://127.0.0.1:" + closed);
  }
}
