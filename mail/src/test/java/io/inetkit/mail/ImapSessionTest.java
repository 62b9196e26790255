package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.Credentials;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.TlsException;
import io.inetkit.mail.imap.FolderInfo;
import io.inetkit.mail.imap.FolderStatus;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.MessageSummary;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.mail.imap.SpecialUse;
import io.inetkit.mail.imap.UidValidityException;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import io.inetkit.testkit.tls.TestPki;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImapSessionTest {
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

  private ImapSession open() throws Exception {
    return ReadFixture.imap(server, MailProtocol.IMAPS).open();
  }

  @ParameterizedTest
  @EnumSource(
      value = MailProtocol.class,
      names = {"IMAP", "IMAPS", "IMAP_STARTTLS"})
  void logsInOverEveryTlsModeAndReadsCapabilities(MailProtocol protocol) throws Exception {
    try (ImapSession imap = ReadFixture.imap(server, protocol).open()) {
      assertThat(imap.capabilities()).contains("IMAP4REV1", "IDLE", "UIDPLUS", "MOVE");
      assertThat(imap.hasCapability("idle")).isTrue();
    }
  }

  @Test
  void certificateFromAnUntrustedCaIsRefusedBeforeLogin() throws Exception {
    TestPki other = TestPki.create();
    ImapClient client =
        ReadFixture.imap(server, MailProtocol.IMAPS)
            .newBuilder()
            .trust(other.clientTrust())
            .build();
    assertThatThrownBy(client::open)
        .isInstanceOf(TlsException.class)
        .hasMessageContaining(server.host());
  }

  @Test
  void xoauth2TokenLogin() throws Exception {
    java.util.concurrent.atomic.AtomicInteger asked =
        new java.util.concurrent.atomic.AtomicInteger();
    ImapClient client =
        ReadFixture.imap(server, MailProtocol.IMAPS)
            .newBuilder()
            .credentials(
                Credentials.oauth2(
                    ReadFixture.USER,
                    () -> {
                      asked.incrementAndGet();
                      return ReadFixture.PASSWORD; // GreenMail checks the token like a password
                    }))
            .build();
    try (ImapSession imap = client.open()) {
      assertThat(imap.capabilities()).contains("AUTH=XOAUTH2");
      assertThat(imap.status("INBOX").uidValidity()).isPositive();
    }
    assertThat(asked).hasValue(1);
  }

  @Test
  void wrongPasswordIsAnAuthenticationException() {
    ImapClient client =
        ReadFixture.imap(server, MailProtocol.IMAPS)
            .newBuilder()
            .credentials(Credentials.password(ReadFixture.USER, "nope".toCharArray()))
            .build();
    assertThatThrownBy(client::open)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("login as " + ReadFixture.USER)
        .hasMessageNotContaining("nope");
  }

  @Test
  void foldersCreateRenameSubscribeStatusDelete() throws Exception {
    try (ImapSession imap = open()) {
      imap.createFolder("Work");
      imap.createFolder("Tmp");
      imap.subscribe("Work");
      assertThat(imap.folders()).extracting(FolderInfo::name).contains("INBOX", "Work", "Tmp");
      assertThat(imap.folders())
          .allMatch(f -> f.specialUse() == SpecialUse.NONE); // GreenMail has no SPECIAL-USE
      assertThat(imap.subscribedFolders()).contains("Work");
      imap.renameFolder("Tmp", "Archive");
      assertThat(imap.folders())
          .extracting(FolderInfo::name)
          .contains("Archive")
          .doesNotContain("Tmp");

      server.deliver(ReadFixture.USER, ReadFixture.message("one", "1"));
      server.deliver(ReadFixture.USER, ReadFixture.message("two", "2"));
      FolderStatus s = imap.status("INBOX");
      assertThat(s.messages()).isEqualTo(2);
      assertThat(s.unseen()).isEqualTo(2);
      assertThat(s.uidValidity()).isPositive();
      assertThat(s.uidNext()).isGreaterThan(1);

      imap.deleteFolder("Archive");
      assertThat(imap.folders()).extracting(FolderInfo::name).doesNotContain("Archive");
      assertThatThrownBy(() -> imap.status("NoSuchFolder"))
          .isInstanceOf(io.inetkit.core.ProtocolReplyException.class);
      imap.deleteFolder("Work");
    }
  }

  @Test
  void searchReturnsUidsAndSummariesComeInBulk() throws Exception {
    server.deliver(ReadFixture.USER, ReadFixture.message("hello world", "first body"));
    server.deliver(ReadFixture.USER, ReadFixture.message("other", "second body with needle"));
    server.deliver(
        ReadFixture.USER, ReadFixture.withAttachment("files", "report.pdf", new byte[] {1, 2, 3}));
    try (ImapSession imap = open()) {
      assertThat(imap.search("INBOX", SearchCriteria.all())).hasSize(3);
      List<MessageRef> hello = imap.search("INBOX", SearchCriteria.subject("hello"));
      assertThat(hello).hasSize(1);
      assertThat(imap.search("INBOX", SearchCriteria.body("needle"))).hasSize(1);
      assertThat(
              imap.search(
                  "INBOX", SearchCriteria.from("bob@example.org").and(SearchCriteria.unseen())))
          .hasSize(3);
      assertThat(imap.search("INBOX", SearchCriteria.not(SearchCriteria.subject("hello"))))
          .hasSize(2);
      assertThat(imap.search("INBOX", SearchCriteria.larger(100_000))).isEmpty();

      List<MessageSummary> all = imap.summaries(imap.search("INBOX", SearchCriteria.all()));
      assertThat(all)
          .extracting(MessageSummary::subject)
          .containsExactly("hello world", "other", "files");
      MessageSummary first = all.get(0);
      assertThat(first.from()).isEqualTo("Bob <bob@example.org>");
      assertThat(first.to()).containsExactly("Alice <alice@example.org>");
      assertThat(first.messageId()).isEqualTo("<hello-world@example.org>");
      assertThat(first.date()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
      assertThat(first.size()).isPositive();
      assertThat(first.hasAttachments()).isFalse();
      assertThat(all.get(2).hasAttachments()).isTrue();

      List<MessageSummary> paged = new ArrayList<>();
      long n = imap.forEachSummary("INBOX", 2, paged::add);
      assertThat(n).isEqualTo(3);
      assertThat(paged).isEqualTo(all);
    }
  }

  @Test
  void forEachSummarySendsOneFetchPerPageAndAConsumerFailureLeavesTheSessionInStep()
      throws Exception {
    for (int i = 1; i <= 5; i++) {
      server.deliver(ReadFixture.USER, ReadFixture.message("m" + i, "body " + i));
    }
    List<String> sent = new ArrayList<>();
    ImapClient client =
        ReadFixture.imap(server, MailProtocol.IMAPS)
            .newBuilder()
            .eventListener(
                new io.inetkit.core.EventListener() {
                  @Override
                  public void commandSent(io.inetkit.core.Endpoint endpoint, String command) {
                    sent.add(command);
                  }
                })
            .build();
    try (ImapSession imap = client.open()) {
      List<MessageSummary> paged = new ArrayList<>();
      assertThat(imap.forEachSummary("INBOX", 2, paged::add)).isEqualTo(5);
      assertThat(paged).isEqualTo(imap.summaries(imap.search("INBOX", SearchCriteria.all())));
      assertThat(sent.stream().filter(c -> c.contains(" FETCH ")))
          .map(c -> c.substring(c.indexOf(' ') + 1))
          .startsWith(
              "FETCH 1:2 (UID FLAGS RFC822.SIZE ENVELOPE BODYSTRUCTURE)",
              "FETCH 3:4 (UID FLAGS RFC822.SIZE ENVELOPE BODYSTRUCTURE)",
              "FETCH 5:5 (UID FLAGS RFC822.SIZE ENVELOPE BODYSTRUCTURE)");

      // summaries reach the consumer as they arrive: a failing consumer stops the listing, the
      // rest of that FETCH is read and dropped, and the connection stays usable
      List<String> seen = new ArrayList<>();
      assertThatThrownBy(
              () ->
                  imap.forEachSummary(
                      "INBOX",
                      10,
                      m -> {
                        seen.add(m.subject());
                        throw new IllegalStateException("consumer gave up");
                      }))
          .hasStackTraceContaining("consumer gave up");
      assertThat(seen).containsExactly("m1");
      assertThat(imap.search("INBOX", SearchCriteria.all())).hasSize(5);
    }
  }

  @Test
  void downloadStreamsTheExactRawMessage() throws Exception {
    byte[] raw = ReadFixture.message("raw", "x".repeat(300_000));
    server.deliver(ReadFixture.USER, raw);
    ImapClient client =
        ReadFixture.imap(server, MailProtocol.IMAPS).newBuilder().fetchSize(64 * 1024).build();
    try (ImapSession imap = client.open()) {
      MessageRef ref = imap.search("INBOX", SearchCriteria.all()).get(0);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long n = imap.download(ref, out);
      byte[] stored = server.received().get(0).raw();
      assertThat(stored).isNotNull();
      String expected = new String(stored, StandardCharsets.UTF_8);
      assertThat(n).isEqualTo(out.size());
      assertThat(out.toString(StandardCharsets.UTF_8))
          .isEqualTo(expected)
          .contains("x".repeat(300_000));

      Path target = dir.resolve("m.eml");
      imap.download(ref, target);
      assertThat(Files.readString(target)).isEqualTo(expected);
      assertThat(Files.list(dir)).containsExactly(target); // no temp file left
      // downloading did not mark it read (BODY.PEEK)
      assertThat(imap.summaries(List.of(ref)).get(0).flags()).doesNotContain(Flag.SEEN);
    }
  }

  @Test
  void attachmentsAreSavedWithSanitisedNames() throws Exception {
    byte[] content = new byte[200_000];
    new java.util.Random(1).nextBytes(content);
    server.deliver(
        ReadFixture.USER, ReadFixture.withAttachment("evil", "../../etc/passwd", content));
    server.deliver(
        ReadFixture.USER, ReadFixture.withAttachment("evil2", "..\\..\\win.ini", new byte[] {7}));
    Path target = dir.resolve("att");
    try (ImapSession imap = open()) {
      List<MessageRef> refs = imap.search("INBOX", SearchCriteria.all());
      List<MessagePart> parts = imap.parts(refs.get(0));
      assertThat(parts).extracting(MessagePart::section).containsExactly("1", "2");
      assertThat(parts.get(1).fileName()).isEqualTo("../../etc/passwd");
      assertThat(parts.get(1).isAttachment()).isTrue();

      List<Path> saved = imap.saveAttachments(refs.get(0), target);
      assertThat(saved).containsExactly(target.resolve("passwd"));
      assertThat(Files.readAllBytes(saved.get(0))).isEqualTo(content);
      assertThat(imap.saveAttachments(refs.get(1), target))
          .containsExactly(target.resolve("win.ini"));
      assertThat(imap.saveAttachments(refs.get(0), target))
          .containsExactly(target.resolve("passwd (2)"));
    }
    try (var files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile)).allMatch(p -> p.getParent().equals(target));
    }
  }

  @Test
  void flagsCopyMoveDeleteAndAppend() throws Exception {
    server.deliver(ReadFixture.USER, ReadFixture.message("a", "a"));
    server.deliver(ReadFixture.USER, ReadFixture.message("b", "b"));
    Path eml = dir.resolve("c.eml");
    Files.write(eml, ReadFixture.message("c", "appended"));
    try (ImapSession imap = open()) {
      imap.createFolder("Archive");
      List<MessageRef> refs = imap.search("INBOX", SearchCriteria.all());
      imap.addFlags(refs, Flag.SEEN, Flag.FLAGGED);
      imap.addKeywords(refs.subList(0, 1), "$Work");
      assertThat(imap.search("INBOX", SearchCriteria.unseen())).isEmpty();
      assertThat(imap.search("INBOX", SearchCriteria.flagged())).hasSize(2);
      assertThat(imap.summaries(refs.subList(0, 1)).get(0).keywords()).contains("$Work");
      imap.removeFlags(refs.subList(1, 2), Flag.SEEN);
      assertThat(imap.search("INBOX", SearchCriteria.unseen())).containsExactly(refs.get(1));

      imap.copy(refs.subList(0, 1), "Archive");
      assertThat(imap.status("Archive").messages()).isEqualTo(1);
      imap.move(refs.subList(1, 2), "Archive");
      assertThat(imap.status("Archive").messages()).isEqualTo(2);
      assertThat(imap.search("INBOX", SearchCriteria.all())).containsExactly(refs.get(0));

      imap.delete(refs.subList(0, 1));
      assertThat(imap.search("INBOX", SearchCriteria.all())).isEmpty();

      Instant date = Instant.parse("2020-01-02T03:04:05Z");
      // GreenMail offers UIDPLUS, so APPENDUID names the new message
      MessageRef appended = imap.append("INBOX", eml, Set.of(Flag.DRAFT), date).orElseThrow();
      List<MessageRef> inbox = imap.search("INBOX", SearchCriteria.all());
      assertThat(inbox).containsExactly(appended);
      MessageSummary s = imap.summaries(inbox).get(0);
      assertThat(s.subject()).isEqualTo("c");
      assertThat(s.flags()).contains(Flag.DRAFT);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      imap.download(inbox.get(0), out);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("appended");
      imap.deleteFolder("Archive");
    }
  }

  @Test
  void changesReportTheMessagesActuallyAffectedAndNoneIsNotFound() throws Exception {
    server.deliver(ReadFixture.USER, ReadFixture.message("a", "a"));
    server.deliver(ReadFixture.USER, ReadFixture.message("b", "b"));
    try (ImapSession imap = open()) {
      imap.createFolder("Archive");
      List<MessageRef> refs = imap.search("INBOX", SearchCriteria.all());
      long validity = refs.get(0).uidValidity();
      MessageRef missing = new MessageRef("INBOX", validity, refs.get(1).uid() + 1000);
      List<MessageRef> oneMissing = List.of(missing);

      // servers answer OK to UID commands that match nothing: each is NotFound, nothing changes
      assertThatThrownBy(() -> imap.delete(oneMissing))
          .isInstanceOfSatisfying(
              io.inetkit.core.NotFoundException.class,
              e ->
                  assertThat(e.reply().text())
                      .isEqualTo("no message with UID " + missing.uid() + " in folder \"INBOX\""));
      assertThatThrownBy(() -> imap.move(oneMissing, "Archive"))
          .isInstanceOf(io.inetkit.core.NotFoundException.class);
      assertThatThrownBy(() -> imap.addFlags(oneMissing, Flag.FLAGGED))
          .isInstanceOf(io.inetkit.core.NotFoundException.class);
      assertThatThrownBy(() -> imap.copy(oneMissing, "Archive"))
          .isInstanceOf(io.inetkit.core.NotFoundException.class);
      assertThat(imap.status("Archive").messages()).isZero();

      // a mix counts only the messages that exist, and touches only them
      assertThat(imap.addFlags(List.of(refs.get(0), missing), Flag.FLAGGED)).isEqualTo(1);
      assertThat(imap.search("INBOX", SearchCriteria.flagged())).containsExactly(refs.get(0));
      assertThat(imap.move(List.of(refs.get(1), missing), "Archive")).isEqualTo(1);
      assertThat(imap.delete(List.of(refs.get(0), missing))).isEqualTo(1);
      assertThat(imap.search("INBOX", SearchCriteria.all())).isEmpty();
      assertThat(imap.status("Archive").messages()).isEqualTo(1);
      imap.deleteFolder("Archive");
    }
  }

  @Test
  void appendFromTheMessageModelKeepsBccOutAndStreamsAttachments() throws Exception {
    Path report = dir.resolve("report.bin");
    byte[] data = new byte[300_000];
    new java.util.Random(7).nextBytes(data);
    Files.write(report, data);
    MailMessage message =
        MailMessage.builder()
            .from("Alice <alice@example.org>")
            .to("bob@example.org")
            .bcc("audit@example.org")
            .subject("Quarterly ✓")
            .text("see attached")
            .attach(report)
            .build();
    try (ImapSession imap = open()) {
      imap.createFolder("Sent");
      MessageRef ref =
          imap.append("Sent", message, Set.of(Flag.SEEN), Instant.parse("2026-01-01T00:00:00Z"))
              .orElseThrow();
      MessageSummary s = imap.summaries(List.of(ref)).get(0);
      assertThat(s.subject()).isEqualTo("Quarterly ✓");
      assertThat(s.flags()).contains(Flag.SEEN);
      assertThat(s.hasAttachments()).isTrue();
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      imap.download(ref, raw);
      assertThat(raw.toString(StandardCharsets.UTF_8)).doesNotContain("audit@example.org");
      assertThat(Files.readAllBytes(imap.saveAttachments(ref, dir.resolve("out")).get(0)))
          .isEqualTo(data);
      imap.deleteFolder("Sent");
    }
  }

  @Test
  void staleUidValidityIsRefusedNotMisapplied() throws Exception {
    server.deliver(ReadFixture.USER, ReadFixture.message("a", "a"));
    try (ImapSession imap = open()) {
      MessageRef ref = imap.search("INBOX", SearchCriteria.all()).get(0);
      MessageRef stale = new MessageRef("INBOX", ref.uidValidity() + 1, ref.uid());
      assertThatThrownBy(() -> imap.download(stale, new ByteArrayOutputStream()))
          .isInstanceOf(UidValidityException.class)
          .hasMessageContaining("changed from " + stale.uidValidity() + " to " + ref.uidValidity());
      assertThatThrownBy(() -> imap.delete(List.of(stale)))
          .isInstanceOf(UidValidityException.class);
      assertThat(imap.search("INBOX", SearchCriteria.all())).containsExactly(ref);

      MessageRef missing = new MessageRef("INBOX", ref.uidValidity(), ref.uid() + 100);
      assertThatThrownBy(() -> imap.download(missing, new ByteArrayOutputStream()))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("UID " + missing.uid());
    }
  }

  @Test
  void controlCharactersAreRejectedBeforeSending() throws Exception {
    try (ImapSession imap = open()) {
      assertThatThrownBy(() -> imap.createFolder("evil\r\nA1 DELETE INBOX"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("folder");
      assertThatThrownBy(() -> imap.status("x\0y")).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> SearchCriteria.subject("a\r\nA2 LOGOUT"))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> SearchCriteria.header("X-A\n", "v"))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> imap.addKeywords(List.of(), "bad\r\nflag"))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> imap.addKeywords(List.of(), "bad)flag"))
          .isInstanceOf(InvalidInputException.class);
      assertThat(imap.folders()).extracting(FolderInfo::name).noneMatch(n -> n.startsWith("evil"));
    }
  }
}
