package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.ImapWatch;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.MessageSummary;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.mail.imap.WatchEvent;
import io.inetkit.mail.imap.WatchOptions;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the IMAP session does on a server without MOVE, UIDPLUS or IDLE: GreenMail offers all three,
 * so a proxy hides them from its CAPABILITY lists; the commands really run on GreenMail.
 */
class ImapFallbackTest {
  @RegisterExtension static final ReadServer mail = new ReadServer();
  MailServer server;

  @BeforeEach
  void threeMessages() {
    server = mail.server();
    for (String s : List.of("a", "b", "c")) {
      server.deliver(ReadFixture.USER, ReadFixture.message(s, s));
    }
  }

  private static ImapClient through(DropProxy proxy) {
    return ReadFixture.plain(proxy.port());
  }

  private static List<String> commands(DropProxy proxy, String prefix) {
    return proxy.clientLines().stream()
        .map(l -> l.substring(l.indexOf(' ') + 1))
        .filter(c -> c.startsWith(prefix))
        .toList();
  }

  @Test
  void withoutMoveAMoveIsCopyDeletedAndUidExpungeOfExactlyThoseMessages() throws Exception {
    try (DropProxy proxy = DropProxy.hidingCapabilities(server.port(MailProtocol.IMAP), "MOVE");
        ImapSession imap = through(proxy).open()) {
      assertThat(imap.capabilities()).contains("UIDPLUS").doesNotContain("MOVE");
      imap.createFolder("Archive");
      List<MessageRef> inbox = imap.search("INBOX", SearchCriteria.all());
      imap.addFlags(inbox.subList(2, 3), Flag.DELETED); // another message, marked by someone else

      imap.move(inbox.subList(0, 1), "Archive");

      assertThat(commands(proxy, "UID MOVE")).isEmpty();
      assertThat(commands(proxy, "UID COPY")).hasSize(1);
      assertThat(commands(proxy, "UID EXPUNGE"))
          .containsExactly("UID EXPUNGE " + inbox.get(0).uid());
      assertThat(imap.search("INBOX", SearchCriteria.all()))
          .containsExactly(inbox.get(1), inbox.get(2));
      assertThat(imap.summaries(imap.search("Archive", SearchCriteria.all())))
          .extracting(MessageSummary::subject)
          .containsExactly("a");
      imap.deleteFolder("Archive");
    }
  }

  @Test
  void withoutUidplusMovedAndDeletedMessagesStayFlaggedAndNothingElseIsExpunged() throws Exception {
    try (DropProxy proxy =
            DropProxy.hidingCapabilities(server.port(MailProtocol.IMAP), "MOVE", "UIDPLUS");
        ImapSession imap = through(proxy).open()) {
      assertThat(imap.capabilities()).doesNotContain("MOVE", "UIDPLUS");
      imap.createFolder("Archive");
      List<MessageRef> inbox = imap.search("INBOX", SearchCriteria.all());
      imap.addFlags(inbox.subList(2, 3), Flag.DELETED);

      imap.move(inbox.subList(0, 1), "Archive");
      imap.delete(inbox.subList(1, 2));

      assertThat(commands(proxy, "UID EXPUNGE")).isEmpty();
      assertThat(commands(proxy, "EXPUNGE")).isEmpty();
      assertThat(imap.status("Archive").messages()).isEqualTo(1);
      assertThat(imap.search("INBOX", SearchCriteria.all())).containsExactlyElementsOf(inbox);
      assertThat(imap.summaries(inbox)).allMatch(s -> s.flags().contains(Flag.DELETED));

      imap.expunge("INBOX"); // the caller's explicit choice: every \Deleted message goes
      assertThat(imap.search("INBOX", SearchCriteria.all())).isEmpty();
      imap.deleteFolder("Archive");
    }
  }

  @Test
  void withoutIdleTheWatchPolls() throws Exception {
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    try (DropProxy proxy = DropProxy.hidingCapabilities(server.port(MailProtocol.IMAP), "IDLE");
        ImapWatch watch =
            through(proxy)
                .watch(
                    "INBOX",
                    WatchOptions.defaults().withPollInterval(Duration.ofMillis(200)),
                    events::add)) {
      for (String subject : List.of("d", "e")) { // the second one can only be seen by a later poll
        server.deliver(ReadFixture.USER, ReadFixture.message(subject, subject));
        WatchEvent e = events.poll(10, TimeUnit.SECONDS);
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(WatchEvent.Kind.NEW_MESSAGES);
        assertThat(e.messages()).hasSize(1);
      }
      assertThat(watch.idleCount()).isZero();
      assertThat(commands(proxy, "IDLE")).isEmpty();
      assertThat(commands(proxy, "NOOP")).isNotEmpty();
    }
  }

  @Test
  void withoutIdleAWatchThatMustIdleFailsAtStart() throws Exception {
    try (DropProxy proxy = DropProxy.hidingCapabilities(server.port(MailProtocol.IMAP), "IDLE")) {
      WatchOptions idleOnly = WatchOptions.defaults().withMode(WatchOptions.Mode.IDLE);
      assertThatThrownBy(() -> through(proxy).watch("INBOX", idleOnly, e -> {}))
          .isInstanceOfSatisfying(
              MissingExtensionException.class, e -> assertThat(e.extension()).isEqualTo("IDLE"))
          .hasMessageContaining("127.0.0.1:" + proxy.port());
      assertThat(commands(proxy, "IDLE")).isEmpty();
    }
  }
}
