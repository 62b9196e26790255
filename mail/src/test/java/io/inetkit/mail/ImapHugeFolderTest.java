package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Credentials;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.testkit.fault.FaultServer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What an IMAP server announces never sizes memory: Angus Mail allocates arrays by a folder's
 * EXISTS count (8 GB for 2,000,000,000), and holds a SEARCH reply whole.
 */
class ImapHugeFolderTest {

  private static ImapClient imap(FaultServer s, int maxMessages) {
    return ImapClient.builder()
        .endpoint(s.host(), s.port())
        .tlsMode(TlsMode.NONE)
        .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
        .credentials(Credentials.password("alice", "pw".toCharArray()))
        .timeouts(ReadFixture.FAST)
        .maxMessages(maxMessages)
        .build();
  }

  @Test
  void aFolderAnnouncingMoreThanMaxMessagesIsRefusedBeforeAnythingIsSizedByIt() throws Exception {
    ScriptedImap huge =
        ScriptedImap.normalExcept(
            "IMAP4rev1",
            (tag, command) ->
                command.toUpperCase(java.util.Locale.ROOT).startsWith("SELECT")
                    ? "* 2000000000 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n"
                        + tag
                        + " OK [READ-WRITE] selected\r\n"
                    : null);
    try (FaultServer s = ScriptedImap.start(huge);
        ImapSession imap = imap(s, ImapClient.DEFAULT_MAX_MESSAGES).open()) {
      assertThatThrownBy(() -> imap.search("INBOX", SearchCriteria.all()))
          .isInstanceOfSatisfying(
              LimitExceededException.class,
              e -> assertThat(e.limit()).isEqualTo(ImapClient.DEFAULT_MAX_MESSAGES))
          .hasMessageContaining("announced a folder of 2000000000 messages (EXISTS)");
    }
  }

  @Test
  void aSearchMatchingMoreThanMaxMessagesIsALimitNotAHugeList() throws Exception {
    String uids =
        LongStream.rangeClosed(1, 11).mapToObj(Long::toString).collect(Collectors.joining(" "));
    ScriptedImap many =
        ScriptedImap.normalExcept(
            "IMAP4rev1",
            (tag, command) ->
                command.toUpperCase(java.util.Locale.ROOT).startsWith("UID SEARCH")
                    ? "* SEARCH " + uids + "\r\n" + tag + " OK done\r\n"
                    : null);
    try (FaultServer s = ScriptedImap.start(many)) {
      try (ImapSession imap = imap(s, 10).open()) {
        assertThatThrownBy(() -> imap.search("INBOX", SearchCriteria.all()))
            .isInstanceOf(LimitExceededException.class)
            .hasMessageContaining("more matches than ImapClient.maxMessages");
      }
      try (ImapSession imap = imap(s, 11).open()) {
        assertThat(imap.search("INBOX", SearchCriteria.all())).hasSize(11);
      }
    }
  }
}
