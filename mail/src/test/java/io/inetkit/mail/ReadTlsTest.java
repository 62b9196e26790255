package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Credentials;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Session;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import io.inetkit.testkit.tls.TestPki;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * Host-name verification for IMAPS, POP3S and IMAP STARTTLS: the servers present a certificate
 * signed by the trusted CA but issued for another name, so only the name check can refuse it. Each
 * case is paired with the same server presenting the right name, which logs in.
 */
class ReadTlsTest {
  private static final Timeouts QUICK =
      new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10));
  private static final TestPki PKI = TestPki.create();
  private static final SSLContext RIGHT_NAME = PKI.serverSslContext(); // localhost, 127.0.0.1, ::1
  private static final SSLContext OTHER_NAME = PKI.issue("mail.example.org").sslContext();

  private static ImapClient imap(FaultServer s, TlsMode mode) {
    return ImapClient.builder()
        .endpoint(s.host(), s.port())
        .tlsMode(mode)
        .trust(PKI.clientTrust())
        .credentials(Credentials.password("alice", "secret-pw".toCharArray()))
        .timeouts(QUICK)
        .build();
  }

  private static ScriptedImap imapResponder() {
    return ScriptedImap.normalExcept("IMAP4rev1 STARTTLS", (tag, command) -> null);
  }

  @Test
  void imapsCertificateForAnotherNameIsRefusedBeforeAnythingIsSent() throws Exception {
    try (FaultServer s =
        FaultServer.startTls(ScriptedImap.greeting().respond(imapResponder()), OTHER_NAME)) {
      assertThatThrownBy(() -> imap(s, TlsMode.IMPLICIT).open())
          .isInstanceOf(TlsException.class)
          .hasMessageContaining(s.host() + ":" + s.port())
          .hasMessageContaining("issued for mail.example.org, not 127.0.0.1");
      assertThat(s.received()).isEmpty();
    }
    try (FaultServer s =
            FaultServer.startTls(ScriptedImap.greeting().respond(imapResponder()), RIGHT_NAME);
        ImapSession session = imap(s, TlsMode.IMPLICIT).open()) {
      assertThat(session.capabilities()).contains("IMAP4REV1");
    }
  }

  /** Greets, answers CAPABILITY and STARTTLS, then speaks TLS with {@code identity}. */
  private static FaultScript imapStartTls(SSLContext identity) {
    return ScriptedImap.greeting()
        .respondOnce(
            line ->
                "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n"
                    + ScriptedImap.tag(line)
                    + " OK done\r\n")
        .respondOnce(line -> ScriptedImap.tag(line) + " OK begin TLS\r\n")
        .startTls(identity)
        .respond(imapResponder());
  }

  @Test
  void imapStartTlsCertificateForAnotherNameIsRefusedAndNoLoginFollows() throws Exception {
    try (FaultServer s = FaultServer.start(imapStartTls(OTHER_NAME))) {
      assertThatThrownBy(() -> imap(s, TlsMode.STARTTLS_REQUIRED).open())
          .isInstanceOf(TlsException.class)
          .hasMessageContaining(s.host() + ":" + s.port())
          .hasMessageContaining("issued for mail.example.org, not 127.0.0.1");
      assertThat(s.received())
          .contains("STARTTLS")
          .doesNotContainIgnoringCase("LOGIN ")
          .doesNotContainIgnoringCase("AUTHENTICATE")
          .doesNotContain("secret-pw");
    }
    try (FaultServer s = FaultServer.start(imapStartTls(RIGHT_NAME));
        ImapSession session = imap(s, TlsMode.STARTTLS_REQUIRED).open()) {
      assertThat(session.capabilities()).contains("IMAP4REV1");
    }
  }

  private static FaultScript pop3() {
    return FaultScript.create()
        .send("+OK fault POP3\r\n")
        .respond(
            line ->
                line.startsWith("CAPA")
                    ? "+OK\r\nUIDL\r\nUSER\r\n.\r\n"
                    : line.startsWith("STAT") ? "+OK 0 0\r\n" : "+OK\r\n");
  }

  @Test
  void pop3sCertificateForAnotherNameIsRefusedBeforeAnythingIsSent() throws Exception {
    Pop3Client.Builder client =
        Pop3Client.builder()
            .tlsMode(TlsMode.IMPLICIT)
            .trust(PKI.clientTrust())
            .credentials(Credentials.password("alice", "secret-pw".toCharArray()))
            .timeouts(QUICK);
    try (FaultServer s = FaultServer.startTls(pop3(), OTHER_NAME)) {
      assertThatThrownBy(() -> client.endpoint(s.host(), s.port()).build().open())
          .isInstanceOf(TlsException.class)
          .hasMessageContaining(s.host() + ":" + s.port())
          .hasMessageContaining("issued for mail.example.org, not 127.0.0.1");
      assertThat(s.received()).isEmpty();
    }
    try (FaultServer s = FaultServer.startTls(pop3(), RIGHT_NAME);
        Pop3Session session = client.endpoint(s.host(), s.port()).build().open()) {
      assertThat(session.stat().messages()).isZero();
    }
  }
}
