package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.testkit.gopher.GopherServer;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import io.inetkit.testkit.proxy.ProxyFault;
import io.inetkit.testkit.proxy.ProxyServer;
import io.inetkit.testkit.proxy.ProxyTunnel;
import io.inetkit.testkit.telnet.TelnetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged jar's {@code --proxy} and {@code --noproxy}, and the environment's proxy variables,
 * for every protocol command, against the testkit proxy that records each tunnel; hostile proxies
 * end in the exit codes of the existing table.
 */
class ProxyCliIT {
  private static final String PROXY_PASSWORD = "proxy-s3cret";

  static ProxiedServers servers;
  static MailServer mail;
  static FtpServer ftp;
  static GopherServer gopher;
  static TelnetServer telnet;

  @TempDir Path home;

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

  private CliJar cli() {
    return new CliJar(home)
        .env("INETKIT_PASSWORD", "alice-pw")
        .env("FTP_PASSWORD", ftp.writer().password());
  }

  private static String[] with(String[] args, String... more) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    all.addAll(List.of("--connect-timeout", "2s", "--timeout", "10s"));
    return all.toArray(String[]::new);
  }

  /** One command per protocol; each reaches a testkit server on 127.0.0.1. */
  private String[] command(String protocol) throws Exception {
    String ca = mail.pki().caPemFile().toString();
    return switch (protocol) {
      case "smtp" ->
          new String[] {
            "mail",
            "send",
            "--server",
            mail.url(MailProtocol.SMTP_STARTTLS, "alice"),
            "--cacert",
            ca,
            "--from",
            "alice@example.org",
            "--to",
            "alice@example.org",
            "--subject",
            "via proxy",
            "--text",
            "hello"
          };
      case "imap" ->
          new String[] {
            "mail", "list", mail.url(MailProtocol.IMAPS, "alice") + "/INBOX", "--cacert", ca
          };
      case "pop3" ->
          new String[] {"mail", "list", mail.url(MailProtocol.POP3S, "alice"), "--cacert", ca};
      case "ftp" ->
          new String[] {
            "ftp",
            "get",
            "ftp://alice@127.0.0.1:" + ftp.port() + "/" + ProxiedServers.FTP_FILE,
            "-o",
            home.resolve("a.txt").toString(),
            "--password-env",
            "FTP_PASSWORD",
            "--tls",
            "starttls",
            "--cacert",
            ftp.pki().caPemFile().toString()
          };
      case "gopher" -> new String[] {"gopher", gopher.url("0readme.txt")};
      case "telnet" ->
          new String[] {
            "telnet",
            "127.0.0.1",
            String.valueOf(telnet.port()),
            "--user",
            "alice",
            "--run",
            "whoami"
          };
      default -> throw new IllegalArgumentException(protocol);
    };
  }

  @ParameterizedTest(name = "{0} through {1}")
  @CsvSource({
    "smtp, SOCKS5",
    "imap, SOCKS5",
    "pop3, SOCKS5",
    "ftp, SOCKS5",
    "gopher, SOCKS5",
    "telnet, SOCKS5",
    "smtp, HTTP",
    "imap, HTTP",
    "pop3, HTTP",
    "ftp, HTTP",
    "gopher, HTTP",
    "telnet, HTTP"
  })
  void everyCommandGoesThroughTheProxyGivenWithProxy(String protocol, ProxyServer.Kind kind)
      throws Exception {
    try (ProxyServer proxy = ProxyServer.builder(kind).start()) {
      CliJar.Result r = cli().run(with(command(protocol), "--proxy", proxy.url()));
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(proxy.tunnels()).as(protocol).isNotEmpty();
      assertThat(proxy.tunnels()).allSatisfy(t -> assertThat(t.host()).isEqualTo("127.0.0.1"));
      if (protocol.equals("ftp")) { // the control connection and the RETR data connection
        assertThat(proxy.tunnels()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Files.readString(home.resolve("a.txt"))).isEqualTo(ProxiedServers.FTP_TEXT);
      }
    }
  }

  @Test
  void theEnvironmentsProxyIsUsedByDefaultAndNoProxyOrAnEmptyProxyGoDirect() throws Exception {
    try (ProxyServer proxy = ProxyServer.socks5()) {
      CliJar.Result viaEnv = cli().env("ALL_PROXY", proxy.url()).run(with(command("gopher")));
      assertThat(viaEnv.code()).as(viaEnv.err()).isZero();
      assertThat(proxy.tunnels()).extracting(ProxyTunnel::port).containsExactly(gopher.port());

      CliJar.Result schemeVariable =
          cli().env("gopher_proxy", proxy.url()).run(with(command("gopher")));
      assertThat(schemeVariable.code()).as(schemeVariable.err()).isZero();
      assertThat(proxy.tunnels()).hasSize(2);

      CliJar.Result noProxyEnv =
          cli()
              .env("ALL_PROXY", proxy.url())
              .env("NO_PROXY", "localhost,127.0.0.1")
              .run(with(command("ftp")));
      assertThat(noProxyEnv.code()).as(noProxyEnv.err()).isZero();
      CliJar.Result noProxyOption =
          cli().env("ALL_PROXY", proxy.url()).run(with(command("telnet"), "--noproxy", "*"));
      assertThat(noProxyOption.code()).as(noProxyOption.err()).isZero();
      CliJar.Result emptyProxy =
          cli().env("ALL_PROXY", proxy.url()).run(with(command("imap"), "--proxy", ""));
      assertThat(emptyProxy.code()).as(emptyProxy.err()).isZero();
      assertThat(proxy.tunnels()).hasSize(2);
    }
  }

  @ParameterizedTest(name = "{0} {1} proxy: exit {2}")
  @CsvSource({
    "SOCKS5, REFUSE_TUNNEL, 69",
    "HTTP, REFUSE_TUNNEL, 69",
    "SOCKS5, GARBAGE, 76",
    "HTTP, GARBAGE, 76",
    "SOCKS5, STALL, 79",
    "HTTP, STALL, 79",
    "SOCKS5, CLOSE, 69"
  })
  void aHostileProxyEndsInTheExitCodeOfItsFailure(ProxyServer.Kind kind, ProxyFault fault, int exit)
      throws Exception {
    try (ProxyServer proxy = ProxyServer.builder(kind).fault(fault).start()) {
      String url = proxy.url().replace("://", "://proxy-user:" + PROXY_PASSWORD + "@");
      CliJar.Result r = cli().run(with(command("ftp"), "--proxy", url));
      assertThat(r.code()).as(r.err()).isEqualTo(exit);
      assertThat(r.err()).contains("proxy").doesNotContain(PROXY_PASSWORD);
    }
  }

  @ParameterizedTest
  @CsvSource({"SOCKS5", "HTTP"})
  void rejectedProxyCredentialsAreAnAuthenticationFailure(ProxyServer.Kind kind) throws Exception {
    try (ProxyServer proxy =
        ProxyServer.builder(kind).credentials("proxy-user", PROXY_PASSWORD).start()) {
      CliJar.Result ok =
          cli()
              .env("ALL_PROXY", proxy.url().replace("://", "://proxy-user:" + PROXY_PASSWORD + "@"))
              .run(with(command("gopher"), "-v"));
      assertThat(ok.code()).as(ok.err()).isZero();
      assertThat(ok.err()).doesNotContain(PROXY_PASSWORD);
      CliJar.Result wrong =
          cli()
              .env("ALL_PROXY", proxy.url().replace("://", "://proxy-user:wrong-pw@"))
              .run(with(command("gopher"), "-v"));
      assertThat(wrong.code()).as(wrong.err()).isEqualTo(77);
      assertThat(wrong.err()).doesNotContain("wrong-pw");
    }
  }

  @Test
  void aMalformedProxyUrlIsAUsageError() throws Exception {
    CliJar.Result bad = cli().run(with(command("gopher"), "--proxy", "socks4://u:pw-123@h:1"));
    assertThat(bad.code()).as(bad.err()).isEqualTo(2);
    assertThat(bad.err()).contains("socks4").doesNotContain("pw-123");
  }
}
