package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Credentials;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.mail.imap.UidValidityException;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Session;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maildir sync over real IMAP and POP3, and a POP3 server that drops mid-transfer. */
class MaildirSyncIntegrationTest {
  static MailServer server;
  @TempDir Path dir;

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

  static List<String> contents(Maildir maildir) throws Exception {
    List<String> result = new ArrayList<>();
    for (Path p : maildir.messages()) {
      result.add(Files.readString(p));
    }
    return result;
  }

  @Test
  void imapSyncDownloadsOnlyNewMessagesThenDeletesDurableOnes() throws Exception {
    Maildir maildir = Maildir.open(dir.resolve("imap"));
    for (int i = 1; i <= 3; i++) {
      server.deliver(ReadFixture.USER, ReadFixture.message("m" + i, "body " + i));
    }
    ImapClient client = ReadFixture.imap(server, MailProtocol.IMAPS);
    try (ImapSession imap = client.open()) {
      SyncResult first = imap.syncTo("INBOX", maildir, AfterDownload.KEEP_ON_SERVER);
      assertThat(first.downloaded()).isEqualTo(3);
      server.deliver(ReadFixture.USER, ReadFixture.message("m4", "body 4"));
    }
    try (ImapSession imap = client.open()) {
      SyncResult second = imap.syncTo("INBOX", maildir, AfterDownload.KEEP_ON_SERVER);
      assertThat(second.downloaded()).isEqualTo(1);
      assertThat(second.alreadySynced()).as("the three copied by the first run").isEqualTo(3);
      SyncResult third = imap.syncTo("INBOX", maildir, AfterDownload.DELETE_FROM_SERVER);
      assertThat(third.downloaded()).isZero();
      assertThat(third.alreadySynced()).isEqualTo(4);
      assertThat(third.deletedOnServer()).isEqualTo(4);
      assertThat(imap.search("INBOX", SearchCriteria.all())).isEmpty();
    }
    List<String> local = contents(maildir);
    assertThat(local).hasSize(4);
    for (int i = 1; i <= 4; i++) {
      String subject = "Subject: m" + i;
      assertThat(local).filteredOn(s -> s.contains(subject)).hasSize(1);
    }
  }

  @Test
  void imapSyncOfARebuiltFolderIsAUidValidityErrorAndDownloadsNothing() throws Exception {
    Maildir maildir = Maildir.open(dir.resolve("work"));
    Path eml = dir.resolve("m.eml");
    Files.write(eml, ReadFixture.message("first", "1"));
    ImapClient client = ReadFixture.imap(server, MailProtocol.IMAPS);
    try (ImapSession imap = client.open()) {
      imap.createFolder("Work");
      imap.append("Work", eml, java.util.Set.of(), null);
      assertThat(imap.syncTo("Work", maildir, AfterDownload.KEEP_ON_SERVER).downloaded())
          .isEqualTo(1);
      long before = imap.status("Work").uidValidity();

      imap.deleteFolder("Work");
      Thread.sleep(1100); // GreenMail's UIDVALIDITY is the folder's creation second
      imap.createFolder("Work");
      Files.write(eml, ReadFixture.message("second", "2"));
      imap.append("Work", eml, java.util.Set.of(), null); // UID 1 again, another message
      long after = imap.status("Work").uidValidity();
      assertThat(after).isNotEqualTo(before);

      assertThatThrownBy(() -> imap.syncTo("Work", maildir, AfterDownload.DELETE_FROM_SERVER))
          .isInstanceOfSatisfying(
              UidValidityException.class,
              e -> {
                assertThat(e.expected()).isEqualTo(before);
                assertThat(e.actual()).isEqualTo(after);
                assertThat(e.folder()).isEqualTo("Work");
              })
          .hasMessageContaining("changed from " + before + " to " + after);
      assertThat(imap.status("Work").messages()).isEqualTo(1); // nothing deleted on the server
      imap.deleteFolder("Work");
    }
    assertThat(contents(maildir)).hasSize(1).allMatch(m -> m.contains("Subject: first"));
  }

  @Test
  void pop3SyncWithDeleteEmptiesTheMaildrop() throws Exception {
    Maildir maildir = Maildir.open(dir.resolve("pop"));
    server.deliver(ReadFixture.USER, ReadFixture.message("p1", "one"));
    server.deliver(ReadFixture.USER, ReadFixture.message("p2", "two"));
    List<byte[]> raw = server.received().stream().map(m -> m.raw()).toList();
    try (Pop3Session pop3 = ReadFixture.pop3(server, MailProtocol.POP3S).open()) {
      SyncResult r = pop3.syncTo(maildir, AfterDownload.DELETE_FROM_SERVER);
      assertThat(r.downloaded()).isEqualTo(2);
      assertThat(r.deletedOnServer()).isEqualTo(2);
    }
    assertThat(server.received()).isEmpty();
    assertThat(contents(maildir))
        .containsExactlyInAnyOrder(
            new String(raw.get(0), StandardCharsets.UTF_8),
            new String(raw.get(1), StandardCharsets.UTF_8));
  }

  private static final String M1 = "Subject: one\r\n\r\nfirst message\r\n";
  private static final String M2 =
      "Subject: two\r\n\r\nsecond message, " + "y".repeat(5000) + "\r\n";

  private static FaultScript pop3Start() {
    return FaultScript.create()
        .send("+OK fault POP3\r\n")
        .expectLine()
        .send("+OK\r\nUIDL\r\nTOP\r\nUSER\r\n.\r\n") // CAPA
        .expectLine()
        .send("+OK\r\n") // USER
        .expectLine()
        .send("+OK\r\n") // PASS
        .expectLine()
        .send("+OK 2 " + (M1.length() + M2.length()) + "\r\n") // STAT (inetkit's bound check)
        .expectLine()
        .send("+OK 2 " + (M1.length() + M2.length()) + "\r\n") // STAT (Angus's folder open)
        .expectLine()
        .send("+OK\r\n1 uid-one\r\n2 uid-two\r\n.\r\n") // UIDL
        .expectLine()
        .send("+OK\r\n1 " + M1.length() + "\r\n2 " + M2.length() + "\r\n.\r\n"); // LIST
  }

  private static Pop3Client faultClient(FaultServer s) {
    return Pop3Client.builder()
        .endpoint(s.host(), s.port())
        .tlsMode(TlsMode.NONE)
        .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
        .credentials(Credentials.password("u", "p".toCharArray()))
        .timeouts(ReadFixture.FAST)
        .build();
  }

  @Test
  void pop3DropMidTransferLosesNothingAndNextRunFetchesOnlyTheRest() throws Exception {
    Maildir maildir = Maildir.open(dir.resolve("fault"));
    FaultScript dropping =
        pop3Start()
            .expectLine()
            .send("+OK\r\n" + M1 + ".\r\n") // RETR 1
            .expectLine()
            .sendThenDrop("+OK\r\n" + M2 + ".\r\n", 2000); // RETR 2, dropped mid-way
    try (FaultServer s = FaultServer.start(dropping)) {
      try (Pop3Session pop3 = faultClient(s).open()) {
        assertThatThrownBy(() -> pop3.syncTo(maildir, AfterDownload.DELETE_FROM_SERVER))
            .isInstanceOf(ConnectionClosedException.class)
            .hasMessageContaining(s.host() + ":" + s.port());
      }
      String sent = s.received();
      assertThat(sent).contains("RETR 2").doesNotContain("DELE"); // nothing deleted on the server
    }
    assertThat(contents(maildir)).containsExactly(M1);

    FaultScript resumed =
        pop3Start()
            .expectLine()
            .send("+OK\r\n" + M2 + ".\r\n") // RETR 2 only
            .expectLine()
            .send("+OK\r\n") // DELE 1
            .expectLine()
            .send("+OK\r\n") // DELE 2
            .expectLine()
            .send("+OK bye\r\n"); // QUIT
    try (FaultServer s = FaultServer.start(resumed)) {
      try (Pop3Session pop3 = faultClient(s).open()) {
        SyncResult r;
        try {
          r = pop3.syncTo(maildir, AfterDownload.DELETE_FROM_SERVER);
        } catch (Exception e) {
          throw new AssertionError("client sent: " + s.received(), e);
        }
        assertThat(r.downloaded()).isEqualTo(1);
        assertThat(r.alreadySynced()).isEqualTo(1);
        assertThat(r.deletedOnServer()).isEqualTo(2);
      }
      String sent = s.received();
      assertThat(sent)
          .contains("RETR 2\r\n", "DELE 1\r\n", "DELE 2\r\n", "QUIT")
          .doesNotContain("RETR 1");
    }
    assertThat(contents(maildir)).containsExactlyInAnyOrder(M1, M2);
    assertThat(Files.list(maildir.root().resolve("tmp")).count()).isZero();
  }
}
