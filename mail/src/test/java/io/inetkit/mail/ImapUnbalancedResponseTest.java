package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Credentials;
import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.FolderInfo;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.testkit.fault.FaultScenarios;
import io.inetkit.testkit.fault.FaultServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Untagged IMAP data responses that are not well formed: Angus Mail's STATUS parser spins forever
 * on some of them without reading from the socket (no deadline can stop it), its LIST parser makes
 * folder names of garbage or fails with a NullPointerException. Each must end in a {@link
 * ProtocolViolationException} naming the command and quoting the line, and the session must not
 * hang: the {@code @Timeout} fails the test instead.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ImapUnbalancedResponseTest {
  private static final Timeouts QUICK =
      new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10));

  private static ImapSession open(FaultServer s) throws Exception {
    return ImapClient.builder()
        .endpoint(s.host(), s.port())
        .tlsMode(TlsMode.NONE)
        .plaintextLogin(PlaintextLogin.ALLOWED)
        .credentials(Credentials.password("alice", "secret-pw".toCharArray()))
        .timeouts(QUICK)
        .build()
        .open();
  }

  private static FaultServer server(String verb, String untagged) throws Exception {
    return FaultServer.start(FaultScenarios.imap(Map.of(verb, untagged + "\r\n{tag} OK done")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "* LIST (((\"unterminated",
        "* LIST (((\\\"unterminated",
        "* LIST (\\Noselect) \"/\" \"unterminated",
        "* LIST (\\HasNoChildren) \"/\" INBOX)",
        "* LIST (\\HasNoChildren) NIL",
        "* LIST (\\X) (\"/\") INBOX",
        "* LIST (()) \"/\" INBOX",
        "* LIST (\\X) \"/\" (INBOX)"
      })
  void malformedListIsAProtocolViolationQuotingTheLine(String bad) throws Exception {
    try (FaultServer s = server("LIST", (bad + "\r\n").repeat(3).strip());
        ImapSession session = open(s)) {
      assertThatThrownBy(session::folders)
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("reply to LIST: malformed response")
          .hasMessageContaining(io.inetkit.core.Inputs.quote(bad))
          .hasMessageContaining(s.host() + ":" + s.port());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"* LSUB (((\"unterminated", "* LSUB (\\HasNoChildren) NIL", "* LSUB () \"/\" \"x"})
  void malformedLsubIsAProtocolViolationQuotingTheLine(String bad) throws Exception {
    try (FaultServer s = server("LSUB", bad);
        ImapSession session = open(s)) {
      assertThatThrownBy(session::subscribedFolders)
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("reply to LSUB: malformed response")
          .hasMessageContaining(io.inetkit.core.Inputs.quote(bad));
    }
  }

  /** Angus's Status parser loops forever on the first three. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "* STATUS INBOX (MESSAGES 1 ())",
        "* STATUS INBOX (MESSAGES 1 \"x\")",
        "* STATUS INBOX (((\"x",
        "* STATUS INBOX (MESSAGES x)",
        "* STATUS INBOX (MESSAGES 1"
      })
  void malformedStatusIsAProtocolViolationNotALoop(String bad) throws Exception {
    try (FaultServer s = server("STATUS", bad);
        ImapSession session = open(s)) {
      assertThatThrownBy(() -> session.status("INBOX"))
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("reply to STATUS: malformed response")
          .hasMessageContaining(io.inetkit.core.Inputs.quote(bad));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"* 1 FETCH (UID 1 FLAGS (((\\\"x", "* 1 FETCH (UID 1 FLAGS (\\Seen)))"})
  void malformedFetchIsAProtocolViolationQuotingTheLine(String bad) throws Exception {
    try (FaultServer s = server("UID FETCH", bad);
        ImapSession session = open(s)) {
      assertThatThrownBy(() -> session.summaries(List.of(new MessageRef("INBOX", 1, 1))))
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("reply to UID FETCH: malformed response")
          .hasMessageContaining(io.inetkit.core.Inputs.quote(bad));
    }
  }

  @Test
  void unbalancedSearchIsAProtocolViolation() throws Exception {
    try (FaultServer s = server("UID SEARCH", "* SEARCH 1 2 (");
        ImapSession session = open(s)) {
      assertThatThrownBy(() -> session.search("INBOX", SearchCriteria.all()))
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("reply to UID SEARCH: malformed response (1 '(' not closed)")
          .hasMessageContaining("\"* SEARCH 1 2 (\"");
    }
  }

  @Test
  void wellFormedResponsesWithParenthesesInQuotesAndLiteralsStillParse() throws Exception {
    String list =
        "* LIST (\\HasNoChildren) \"/\" \"a (b\"\r\n"
            + "* LIST (\\Noselect) \"\\\\\" {5}\r\nc) \"d\r\n"
            + "* LIST () NIL INBOX (\"CHILDINFO\" (\"SUBSCRIBED\"))";
    try (FaultServer s = server("LIST", list);
        ImapSession session = open(s)) {
      assertThat(session.folders())
          .extracting(FolderInfo::name)
          .containsExactly("a (b", "c) \"d", "INBOX");
    }
    try (FaultServer s =
            server(
                "STATUS", "* STATUS {7}\r\nIN (BOX (MESSAGES 3 UNSEEN 1 UIDNEXT 9 UIDVALIDITY 5)");
        ImapSession session = open(s)) {
      assertThat(session.status("INBOX").messages()).isEqualTo(3);
    }
  }
}
