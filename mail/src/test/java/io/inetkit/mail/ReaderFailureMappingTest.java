package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Credentials;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.testkit.fault.FaultScenarios;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reading side's one boundary (MailExceptions with what the wire saw): each failure is the
 * right type, carries the server's own words, and never Angus Mail's words as if they were the
 * server's.
 */
class ReaderFailureMappingTest {
  private static final Timeouts QUICK =
      Timeouts.DEFAULT.withConnect(Duration.ofSeconds(2)).withRead(Duration.ofSeconds(2));
  private static final Credentials ALICE = Credentials.password("alice", "s3cret-pw".toCharArray());

  private static Pop3Client pop3(FaultServer s, TlsMode mode) {
    return Pop3Client.builder()
        .endpoint(s.host(), s.port())
        .tlsMode(mode)
        .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
        .credentials(ALICE)
        .timeouts(QUICK)
        .build();
  }

  private static ImapClient imap(FaultServer s, TlsMode mode) {
    return ImapClient.builder()
        .endpoint(s.host(), s.port())
        .tlsMode(mode)
        .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
        .credentials(ALICE)
        .timeouts(QUICK)
        .build();
  }

  @Test
  void pop3ConnectionClosedOrResetBeforeTheGreetingIsAClosedConnectionNotALoginFailure()
      throws Exception {
    for (FaultScript script :
        new FaultScript[] {FaultScript.closeOnAccept(), FaultScript.resetOnAccept()}) {
      try (FaultServer s = FaultServer.start(script)) {
        assertThatThrownBy(() -> pop3(s, TlsMode.NONE).open())
            .isExactlyInstanceOf(ConnectionClosedException.class)
            .hasMessageNotContaining("-ERR")
            .message()
            .containsAnyOf(
                "before its greeting", "closed: Connection reset"); // a reset may beat connect()
      }
    }
  }

  @Test
  void imapConnectionClosedOrResetBeforeTheGreetingIsAClosedConnection() throws Exception {
    for (FaultScript script :
        new FaultScript[] {FaultScript.closeOnAccept(), FaultScript.resetOnAccept()}) {
      try (FaultServer s = FaultServer.start(script)) {
        assertThatThrownBy(() -> imap(s, TlsMode.NONE).open())
            .isExactlyInstanceOf(ConnectionClosedException.class)
            .message()
            .containsAnyOf("before its greeting", "closed: Connection reset");
      }
    }
  }

  @Test
  void pop3RefusedStlsIsATlsFailureWithTheServersWordsAndNoPasswordFollows() throws Exception {
    try (FaultServer s =
        FaultServer.start(
            FaultScenarios.pop3(
                Map.of("CAPA", "+OK\r\nUSER\r\nSTLS\r\n.", "STLS", "-ERR TLS is down today")))) {
      assertThatThrownBy(() -> pop3(s, TlsMode.STARTTLS_REQUIRED).open())
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("refused STLS")
          .hasMessageContaining("TLS is down today");
      assertThat(s.received()).contains("STLS").doesNotContain("PASS").doesNotContain("s3cret");
    }
  }

  @Test
  void imapRefusedStartTlsIsATlsFailure() throws Exception {
    try (FaultServer s =
        FaultServer.start(
            FaultScenarios.imap(
                Map.of(
                    FaultScenarios.GREETING,
                    "* OK [CAPABILITY IMAP4rev1 STARTTLS] ready",
                    "STARTTLS",
                    "{tag} NO TLS is down today")))) {
      assertThatThrownBy(() -> imap(s, TlsMode.STARTTLS_REQUIRED).open())
          .isInstanceOf(TlsException.class)
          .hasMessageContaining("refused STARTTLS: NO TLS is down today");
      assertThat(s.received()).doesNotContain("LOGIN").doesNotContain("s3cret");
    }
  }

  @Test
  void pop3ErrKeepsTheServersOwnTextAndTheRefusedCommand() throws Exception {
    try (FaultServer s =
        FaultServer.start(FaultScenarios.pop3(Map.of("STAT", "-ERR [IN-USE] maildrop locked")))) {
      ProtocolReplyException e =
          catchThrowableOfType(() -> pop3(s, TlsMode.NONE).open(), ProtocolReplyException.class);
      assertThat(e).isNotInstanceOf(AuthenticationException.class);
      assertThat(e.reply().text()).isEqualTo("[IN-USE] maildrop locked");
      assertThat(e.getMessage()).startsWith("STAT");
    }
  }

  @Test
  void pop3RefusedPasswordIsAnAuthenticationFailureWithTheServersText() throws Exception {
    try (FaultServer s =
        FaultServer.start(
            FaultScenarios.pop3(Map.of("PASS", "-ERR [AUTH] no such user or wrong password")))) {
      AuthenticationException e =
          catchThrowableOfType(() -> pop3(s, TlsMode.NONE).open(), AuthenticationException.class);
      assertThat(e.reply().text()).isEqualTo("[AUTH] no such user or wrong password");
      assertThat(e.getMessage()).doesNotContain("s3cret");
    }
  }

  @Test
  void pop3ServerThatHangsUpInsteadOfAnsweringThePasswordIsAClosedConnection() throws Exception {
    try (FaultServer s =
        FaultServer.start(
            FaultScript.create()
                .send("+OK ready\r\n")
                .respondOnce(l -> "+OK\r\nUSER\r\n.\r\n")
                .respondOnce(l -> "+OK\r\n")
                .expectLine()
                .close())) {
      assertThatThrownBy(() -> pop3(s, TlsMode.NONE).open())
          .isInstanceOf(ConnectionClosedException.class)
          .hasMessageNotContaining("-ERR")
          .hasMessageNotContaining("EOF on socket");
    }
  }

  @Test
  void angusFailingOnAPositiveReplyIsAViolationNotTheServersErr() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScenarios.pop3(Map.of("STAT", "+OK -1 -1")))) {
      assertThatThrownBy(() -> pop3(s, TlsMode.NONE).open())
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("STAT") // read by inetkit's own STAT (bounded mailbox), or Angus's
          .hasMessageContaining("\"+OK -1 -1\"")
          .hasMessageNotContaining("-ERR");
    }
  }

  @Test
  void nulBytesInReplyLinesAreProtocolViolations() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScenarios.pop3(Map.of("STAT", "+OK 1\0 0")))) {
      assertThatThrownBy(() -> pop3(s, TlsMode.NONE).open())
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("NUL byte")
          .hasMessageContaining("STAT");
    }
    try (FaultServer s =
        FaultServer.start(FaultScenarios.imap(Map.of("LOGIN", "{tag} OK logged\0 in")))) {
      assertThatThrownBy(() -> imap(s, TlsMode.NONE).open())
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("NUL byte")
          .hasMessageContaining("LOGIN");
    }
  }

  @Test
  void imapStatusAnsweredOkWithoutDataIsAProtocolViolation() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScenarios.imapStatusWithoutData());
        ImapSession session = imap(s, TlsMode.NONE).open()) {
      assertThatThrownBy(() -> session.status("INBOX"))
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("STATUS INBOX")
          .hasMessageContaining("without a STATUS response");
    }
  }

  @Test
  void imapFloodOfUnparsableUntaggedLinesIsAProtocolViolationNotAnInternalError() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScenarios.imapGarbageUntagged(200))) {
      assertThatThrownBy(() -> imap(s, TlsMode.NONE).open())
          .isInstanceOf(ProtocolViolationException.class)
          // caught on the wire before Angus parses it: the command and the line, not Angus's
          // failure
          .hasMessageContaining(
              "reply to CAPABILITY: malformed response (a quoted string is not closed)")
          .hasMessageContaining("\"* 1 FETCH (UID \\\"unterminated ((( BODY[\"");
    }
  }
}
