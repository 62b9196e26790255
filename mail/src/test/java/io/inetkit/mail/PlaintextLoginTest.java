package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.testkit.fault.FaultServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A password never travels without TLS unless the caller opted in with {@link
 * PlaintextLogin#ALLOWED}: SMTP, IMAP and POP3 alike, for {@link TlsMode#NONE} and for an
 * opportunistic STARTTLS the server does not offer. Proved on the wire with fault servers.
 */
class PlaintextLoginTest {
  private static final Timeouts QUICK =
      new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMinutes(1));
  private static final Credentials ALICE =
      Credentials.password("alice", "alice-secret".toCharArray());

  private static Endpoint ep(FaultServer server) {
    return Endpoint.of(server.host(), server.port());
  }

  private static SmtpClient.Builder smtp(FaultServer server, TlsMode mode) {
    return SmtpClient.builder()
        .endpoint(ep(server))
        .tlsMode(mode)
        .credentials(ALICE)
        .timeouts(QUICK);
  }

  @Test
  void smtpWithoutTlsRefusesToLogInBeforeConnectingUnlessAllowed() throws Exception {
    try (FaultServer server = ScriptedSmtp.start(ScriptedSmtp.normalExcept(l -> null))) {
      assertThatThrownBy(() -> smtp(server, TlsMode.NONE).build().open())
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("AUTH as alice to " + server.host() + ":" + server.port())
          .hasMessageContaining("clear text")
          .hasMessageNotContaining("alice-secret");
      assertThat(server.connections()).isZero();

      smtp(server, TlsMode.NONE).plaintextLogin(PlaintextLogin.ALLOWED).build().open().close();
      assertThat(server.received()).contains("AUTH PLAIN ");
    }
  }

  @Test
  void smtpOpportunisticStartTlsThatFindsNoTlsSendsNoPassword() throws Exception {
    try (FaultServer server = ScriptedSmtp.start(ScriptedSmtp.normalExcept(l -> null))) {
      assertThatThrownBy(() -> smtp(server, TlsMode.STARTTLS_OPPORTUNISTIC).build().open())
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("no TLS");
      assertThat(server.received()).contains("EHLO").doesNotContain("AUTH");
    }
  }

  @Test
  void submissionPortThatWantsStartTlsBeforeAuthIsATlsFailureNotAnAuthFailure() throws Exception {
    try (FaultServer server =
        ScriptedSmtp.start(
            ScriptedSmtp.normalExcept(
                l ->
                    l.startsWith("EHLO")
                        ? "250-fault.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n" // Postfix
                        // smtpd_tls_auth_only
                        : null))) {
      assertThatThrownBy(
              () ->
                  smtp(server, TlsMode.NONE).plaintextLogin(PlaintextLogin.ALLOWED).build().open())
          .isInstanceOf(TlsException.class)
          .isNotInstanceOf(AuthenticationException.class)
          .hasMessageContaining("offers no AUTH mechanism without TLS but offers STARTTLS")
          .hasMessageContaining("--tls none");
      assertThat(server.received()).doesNotContain("AUTH");
    }
  }

  @Test
  void imapAndPop3WithoutTlsRefuseToLogInBeforeConnectingUnlessAllowed() throws Exception {
    ScriptedImap imap = ScriptedImap.normalExcept("IMAP4rev1", (tag, command) -> null);
    try (FaultServer server = ScriptedImap.start(imap)) {
      ImapClient.Builder b =
          ImapClient.builder()
              .endpoint(ep(server))
              .tlsMode(TlsMode.NONE)
              .credentials(ALICE)
              .timeouts(QUICK);
      assertThatThrownBy(() -> b.build().open())
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("login as alice to " + server.host() + ":" + server.port());
      Pop3Client.Builder p =
          Pop3Client.builder()
              .endpoint(ep(server))
              .tlsMode(TlsMode.NONE)
              .credentials(ALICE)
              .timeouts(QUICK);
      assertThatThrownBy(() -> p.build().open()).isInstanceOf(TlsException.class);
      assertThat(server.connections()).isZero();

      b.plaintextLogin(PlaintextLogin.ALLOWED).build().open().close();
      assertThat(imap.commands()).anyMatch(c -> c.startsWith("LOGIN alice "));
    }
  }

  @Test
  void imapOpportunisticStartTlsThatFindsNoTlsSendsNoLogin() throws Exception {
    ScriptedImap imap = ScriptedImap.normalExcept("IMAP4rev1", (tag, command) -> null);
    try (FaultServer server = ScriptedImap.start(imap)) {
      ImapClient client =
          ImapClient.builder()
              .endpoint(ep(server))
              .tlsMode(TlsMode.STARTTLS_OPPORTUNISTIC)
              .credentials(ALICE)
              .timeouts(QUICK)
              .build();
      assertThatThrownBy(client::open).isInstanceOf(TlsException.class);
      assertThat(server.received()).doesNotContain("LOGIN").doesNotContain("alice-secret");
    }
  }

  @Test
  void imapServerThatRefusesLoginsWithoutTlsIsATlsFailureThatSaysSo() throws Exception {
    ScriptedImap imap =
        ScriptedImap.normalExcept("IMAP4rev1 STARTTLS LOGINDISABLED", (tag, command) -> null);
    try (FaultServer server = ScriptedImap.start(imap)) {
      ImapClient client =
          ImapClient.builder()
              .endpoint(ep(server))
              .tlsMode(TlsMode.NONE)
              .plaintextLogin(PlaintextLogin.ALLOWED)
              .credentials(ALICE)
              .timeouts(QUICK)
              .build();
      assertThatThrownBy(client::open)
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("LOGINDISABLED")
          .hasMessageContaining("--tls none");
      assertThat(server.received()).doesNotContain("alice-secret");
    }
  }

  @Test
  void pop3ServerThatRefusesLoginsWithoutTlsIsATlsFailureThatSaysSo() throws Exception {
    try (FaultServer server =
        FaultServer.start(
            io.inetkit.testkit.fault.FaultScript.create()
                .send("+OK Dovecot ready.\r\n")
                .respond(
                    l ->
                        l.startsWith("CAPA")
                            ? "+OK\r\nTOP\r\nUIDL\r\nSTLS\r\nUSER\r\n.\r\n"
                            : l.startsWith("USER") || l.startsWith("AUTH")
                                ? "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.\r\n"
                                : l.startsWith("QUIT") ? "+OK bye\r\n" : "-ERR no\r\n"))) {
      Pop3Client client =
          Pop3Client.builder()
              .endpoint(ep(server))
              .tlsMode(TlsMode.NONE)
              .plaintextLogin(PlaintextLogin.ALLOWED)
              .credentials(ALICE)
              .timeouts(QUICK)
              .build();
      assertThatThrownBy(client::open)
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("Plaintext authentication disallowed")
          .hasMessageContaining("--tls none");
      assertThat(server.received()).doesNotContain("alice-secret");
    }
  }
}
