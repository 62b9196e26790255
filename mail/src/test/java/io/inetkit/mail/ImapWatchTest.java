package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.Credentials;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.ImapWatch;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.UidValidityException;
import io.inetkit.mail.imap.WatchEvent;
import io.inetkit.mail.imap.WatchOptions;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IDLE watch against GreenMail with real arrivals, re-IDLE, polling, reconnection and stop. */
class ImapWatchTest {
  static MailServer server;
  final BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();

  @BeforeAll
  static void startServer() throws Exception {
    server = MailServer.start();
    server.user(ReadFixture.USER, ReadFixture.PASSWORD);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void clean() {
    server.purge();
  }

  private WatchEvent next(WatchEvent.Kind kind) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      WatchEvent e = events.poll(100, TimeUnit.MILLISECONDS);
      if (e != null && e.kind() == kind) {
        return e;
      }
    }
    throw new AssertionError("no " + kind + " event within 10 s");
  }

  private List<Long> uids(WatchEvent e) {
    return e.messages().stream().map(MessageRef::uid).toList();
  }

  @Test
  void reportsEachNewMessageOnceThroughIdleAndReIdles() throws Exception {
    server.deliver(ReadFixture.USER, ReadFixture.message("old", "already there"));
    ImapClient client = ReadFixture.imap(server, MailProtocol.IMAPS);
    WatchOptions options = WatchOptions.defaults().withReIdleAfter(Duration.ofMillis(300));
    try (ImapWatch watch = client.watch("INBOX", options, events::add)) {
      // arrives right after watch() returned, possibly before IDLE is on the wire: still reported
      server.deliver(ReadFixture.USER, ReadFixture.message("new 1", "x"));
      WatchEvent first = next(WatchEvent.Kind.NEW_MESSAGES);
      assertThat(first.messages()).hasSize(1);

      long start = System.nanoTime();
      while (watch.idleCount() < 4
          && System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
        Thread.sleep(50);
      }
      assertThat(watch.idleCount()).isGreaterThanOrEqualTo(4); // IDLE re-issued every 300 ms

      server.deliver(ReadFixture.USER, ReadFixture.message("new 2", "y"));
      WatchEvent second = next(WatchEvent.Kind.NEW_MESSAGES);
      assertThat(uids(second)).hasSize(1).allMatch(u -> u > first.messages().get(0).uid());

      try (ImapSession other = client.open()) {
        other.delete(second.messages());
      }
      assertThat(next(WatchEvent.Kind.EXPUNGED).count()).isEqualTo(1);
    }
    assertThat(events).noneMatch(e -> e.kind() == WatchEvent.Kind.NEW_MESSAGES);
  }

  @Test
  void pollsWhenAskedToAndStopsCleanly() throws Exception {
    ImapClient client = ReadFixture.imap(server, MailProtocol.IMAPS);
    WatchOptions options =
        WatchOptions.defaults()
            .withMode(WatchOptions.Mode.POLL)
            .withPollInterval(Duration.ofMillis(200));
    ImapWatch watch = client.watch("INBOX", options, events::add);
    server.deliver(ReadFixture.USER, ReadFixture.message("polled", "p"));
    assertThat(next(WatchEvent.Kind.NEW_MESSAGES).messages()).hasSize(1);
    assertThat(watch.idleCount()).isZero();
    watch.close();
    assertThat(watch.isRunning()).isFalse();
  }

  @Test
  void reconnectsAfterADropAndReportsWhatArrivedMeanwhile() throws Exception {
    try (DropProxy proxy = new DropProxy(server.port(MailProtocol.IMAP))) {
      ImapClient client = ReadFixture.plain(proxy.port());
      WatchOptions options =
          WatchOptions.defaults().withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
      try (ImapWatch watch = client.watch("INBOX", options, events::add)) {
        proxy.dropAll();
        assertThat(next(WatchEvent.Kind.DISCONNECTED).error()).isNotNull();
        server.deliver(ReadFixture.USER, ReadFixture.message("while away", "w"));
        next(WatchEvent.Kind.RECONNECTED);
        assertThat(next(WatchEvent.Kind.NEW_MESSAGES).messages()).hasSize(1);
        assertThat(proxy.connections()).isGreaterThanOrEqualTo(2);
        assertThat(watch.isRunning()).isTrue();
      }
    }
  }

  @Test
  void aRebuiltFolderIsReportedAsUidValidityChangedThenItsMessagesWithFreshRefs() throws Exception {
    ImapClient direct = ReadFixture.imap(server, MailProtocol.IMAPS);
    long before;
    try (ImapSession imap = direct.open()) {
      imap.createFolder("Work");
      before = imap.status("Work").uidValidity();
    }
    try (DropProxy proxy = new DropProxy(server.port(MailProtocol.IMAP));
        ImapWatch watch =
            ReadFixture.plain(proxy.port())
                .watch(
                    "Work",
                    WatchOptions.defaults()
                        .withBackoff(Duration.ofMillis(100), Duration.ofMillis(500)),
                    events::add)) {
      long after;
      try (ImapSession imap = direct.open()) {
        imap.deleteFolder("Work");
        Thread.sleep(1100); // GreenMail's UIDVALIDITY is the folder's creation second
        imap.createFolder("Work");
        imap.append(
            "Work",
            MailMessage.builder()
                .from("bob@example.org")
                .to(ReadFixture.USER)
                .subject("rebuilt")
                .text("r")
                .build(),
            Set.of(),
            null);
        after = imap.status("Work").uidValidity();
      }
      assertThat(after).isNotEqualTo(before);
      proxy.dropAll();

      WatchEvent changed = next(WatchEvent.Kind.UIDVALIDITY_CHANGED);
      assertThat(changed.error())
          .isInstanceOfSatisfying(
              UidValidityException.class,
              e -> {
                assertThat(e.expected()).isEqualTo(before);
                assertThat(e.actual()).isEqualTo(after);
              });
      WatchEvent fresh = next(WatchEvent.Kind.NEW_MESSAGES);
      assertThat(fresh.messages()).hasSize(1).allMatch(ref -> ref.uidValidity() == after);
      assertThat(watch.isRunning()).isTrue();
    } finally {
      try (ImapSession imap = direct.open()) {
        imap.deleteFolder("Work");
      }
    }
  }

  @Test
  void firstConnectionFailureIsThrownFromWatch() {
    ImapClient client =
        ReadFixture.imap(server, MailProtocol.IMAPS)
            .newBuilder()
            .credentials(Credentials.password(ReadFixture.USER, "wrong".toCharArray()))
            .build();
    assertThatThrownBy(() -> client.watch("INBOX", WatchOptions.defaults(), events::add))
        .isInstanceOf(AuthenticationException.class);
  }
}
