package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Server-announced counts never size the client's memory: a child JVM with {@code -Xmx64m} talks to
 * testkit's {@link FaultScript#pop3Mailbox} announcing millions of messages, whose LIST and UIDL
 * listings (2,000,000 lines each) are generated as they are sent.
 */
class HugeMailboxIT {

  private static List<String> runChild(FaultServer server, int maxMessages, String newest)
      throws Exception {
    return ChildJvm.run(
        HugeMailboxMain.class,
        List.of(server.host() + ":" + server.port(), Integer.toString(maxMessages), newest));
  }

  @Test
  void theNewestFewOfTwoMillionMessagesCostOnlyWhatIsKept() throws Exception {
    try (FaultServer server = FaultServer.start(FaultScript.pop3Mailbox(2_000_000))) {
      List<String> out = runChild(server, 2_000_000, "5");
      assertThat(out)
          .contains("listed 5 first=1999996 last=2000000 uid-2000000 size=100 downloaded=100");
      assertThat(server.received())
          .contains("UIDL\r\n")
          .contains("LIST\r\n")
          .contains("RETR 2000000");
    }
  }

  @Test
  void aMailboxAnnouncingMoreThanMaxMessagesFailsBeforeAnythingIsSizedByIt() throws Exception {
    // 2,000,000,000 slots would be 8 GB: Angus Mail allocates one per announced message at open
    try (FaultServer server = FaultServer.start(FaultScript.pop3Mailbox(2_000_000_000L))) {
      List<String> out = runChild(server, Pop3Client.DEFAULT_MAX_MESSAGES, "all");
      assertThat(out)
          .anyMatch(
              l ->
                  l.equals(
                      "failed LimitExceededException: STAT: the server announces"
                          + " 2000000000 messages, more than this client accepts (Pop3Client.Builder.maxMessages,"
                          + " CLI --max-messages) (limit 100000) ["
                          + server.host()
                          + ":"
                          + server.port()
                          + "]"));
      assertThat(server.received()).doesNotContain("LIST").doesNotContain("UIDL");
    }
  }

  @Test
  void aFullListingWithinTheLimitIsHeldAndCorrect() throws Exception {
    try (FaultServer server =
        FaultServer.start(FaultScript.pop3Mailbox(Pop3Client.DEFAULT_MAX_MESSAGES))) {
      List<String> out = runChild(server, Pop3Client.DEFAULT_MAX_MESSAGES, "all");
      assertThat(out)
          .contains("listed 100000 first=1 last=100000 uid-100000 size=100 downloaded=100");
    }
  }
}
