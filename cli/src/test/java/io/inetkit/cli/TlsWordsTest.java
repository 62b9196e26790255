package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Credentials;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.testkit.fault.FaultScenarios;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import io.inetkit.testkit.tls.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS failures in plain words, the same for every protocol (core's Connector explains them): the
 * date of an expired or not yet valid certificate, what to do about an untrusted one, the names a
 * certificate holds when the host name does not match, and which TLS mode to use when the client
 * and the port disagree.
 */
class TlsWordsTest {
  static TestPki pki;
  static String ca;
  @TempDir Path home;

  @BeforeAll
  static void pki() {
    pki = TestPki.create();
    ca = pki.caPemFile().toString();
  }

  private static FaultServer tls(TestPki.ServerIdentity identity) throws Exception {
    return FaultServer.startTls(
        FaultScript.create().send("220 fault.test ready\r\n").stall(), identity.sslContext());
  }

  private CliRun cli() {
    return new CliRun(home).variable("INETKIT_PASSWORD", "pw");
  }

  @Test
  void expiredCertificateSaysExpiredWithTheDate() throws Exception {
    Instant end = Instant.parse("2026-01-02T03:04:05Z");
    try (FaultServer s = tls(pki.issue(end.minus(Duration.ofDays(90)), end, "127.0.0.1"))) {
      CliRun cli = cli();
      assertThat(
              cli.run(
                  "mail",
                  "send",
                  "--server",
                  "smtps://alice@127.0.0.1:" + s.port(),
                  "--cacert",
                  ca,
                  "--from",
                  "a@example.org",
                  "--to",
                  "b@example.org",
                  "--text",
                  "x"))
          .as(cli.err())
          .isEqualTo(78);
      assertThat(cli.err())
          .contains("the server's certificate for 127.0.0.1 expired on 2026-01-02 03:04:05 UTC")
          .doesNotContain("validity check failed");
    }
  }

  @Test
  void certificateNotYetValidSaysFromWhen() throws Exception {
    Instant start = Instant.now().plus(Duration.ofDays(10));
    try (FaultServer s = tls(pki.issue(start, start.plus(Duration.ofDays(90)), "127.0.0.1"))) {
      CliRun cli = cli();
      assertThat(
              cli.run(
                  "mail", "list", "imaps://alice@127.0.0.1:" + s.port() + "/INBOX", "--cacert", ca))
          .as(cli.err())
          .isEqualTo(78);
      assertThat(cli.err())
          .contains("is not valid until " + start.toString().substring(0, 10))
          .doesNotContain("validity check failed");
    }
  }

  @Test
  void untrustedCertificateSaysHowToTrustIt() throws Exception {
    try (FaultServer s = tls(pki.server())) {
      CliRun cli = cli();
      assertThat(cli.run("mail", "list", "pop3s://alice@127.0.0.1:" + s.port()))
          .as(cli.err())
          .isEqualTo(78);
      assertThat(cli.err())
          .contains("is not signed by a CA this client trusts")
          .contains("--cacert FILE")
          .contains("-k")
          .doesNotContain("PKIX");
    }
  }

  @Test
  void hostNameMismatchNamesWhatTheCertificateHolds() throws Exception {
    try (FaultServer s = tls(pki.issue("mail.example.org", "imap.example.org"))) {
      CliRun cli = cli();
      assertThat(cli.run("ftp", "ls", "ftps://alice@127.0.0.1:" + s.port() + "/", "--cacert", ca))
          .as(cli.err())
          .isEqualTo(78);
      assertThat(cli.err())
          .contains("issued for mail.example.org, imap.example.org, not 127.0.0.1");
    }
  }

  @Test
  void implicitTlsToAPlainTextPortSaysUseStartTls() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScenarios.imap(Map.of()))) {
      assertThatThrownBy(
              () ->
                  ImapClient.builder()
                      .endpoint("127.0.0.1", s.port())
                      .tlsMode(TlsMode.IMPLICIT)
                      .credentials(Credentials.password("alice", "pw".toCharArray()))
                      .build()
                      .open())
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("answered in plain text, not TLS")
          .hasMessageContaining("STARTTLS")
          .hasMessageNotContaining("Unsupported or unrecognized SSL message");
    }
  }

  @Test
  void plainTextToAnImplicitTlsPortFailsFastSayingWhichModeToUse() throws Exception {
    // a server that waits for the TLS hello in silence, on a port ending in 465 (like SMTPS)
    try (FaultServer s =
        FaultServer.startTlsOnPortEndingIn(
            465,
            FaultScript.create().send("220 fault.test ready\r\n").stall(),
            pki.server().sslContext())) {
      CliRun cli = cli();
      // a 30 s read timeout: waiting for the greeting would end in 79, not 78
      assertThat(
              cli.run(
                  "mail",
                  "send",
                  "--server",
                  "smtp://alice@127.0.0.1:" + s.port(),
                  "--timeout",
                  "30s",
                  "--from",
                  "a@example.org",
                  "--to",
                  "b@example.org",
                  "--text",
                  "x"))
          .as(cli.err())
          .isEqualTo(78);
      assertThat(cli.err()).contains("is usually implicit TLS").contains("smtps://");
    }
    try (FaultServer s =
        FaultServer.startTlsOnPortEndingIn(
            993, FaultScript.create().send("* OK ready\r\n").stall(), pki.server().sslContext())) {
      assertThatThrownBy(
              () ->
                  ImapClient.builder()
                      .endpoint("127.0.0.1", s.port())
                      .tlsMode(TlsMode.STARTTLS_REQUIRED)
                      .credentials(Credentials.password("alice", "pw".toCharArray()))
                      .build()
                      .open())
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("imaps://");
    }
  }
}
