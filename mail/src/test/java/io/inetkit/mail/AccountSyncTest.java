package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.mail.imap.AccountSyncOptions;
import io.inetkit.mail.imap.AccountSyncResult;
import io.inetkit.mail.imap.ExpungedMessages;
import io.inetkit.mail.imap.FolderSyncResult;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-account sync against GreenMail, which offers neither CONDSTORE nor QRESYNC: the fallback
 * path (UID ranges and flag fetches).
 */
class AccountSyncTest {
  MailServer server;
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server = MailServer.builder().protocols(MailProtocol.IMAPS).start();
    server.user(ReadFixture.USER, ReadFixture.PASSWORD);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private MessageRef append(ImapSession imap, String folder, String subject, Flag... flags)
      throws Exception {
    Path eml = Files.createTempFile(dir, "m", ".eml");
    Files.write(eml, ReadFixture.message(subject, "body of " + subject));
    return imap.append(folder, eml, Set.of(flags), null).orElseThrow();
  }

  /** Returns "subject|flags" of every message file of the Maildir at {@code root}. */
  static List<String> files(Path root) throws Exception {
    List<String> result = new ArrayList<>();
    for (String sub : List.of("new", "cur")) {
      try (Stream<Path> s = Files.list(root.resolve(sub))) {
        for (Path f : s.toList()) {
          String name = f.getFileName().toString();
          String info = name.contains(":2,") ? name.substring(name.indexOf(":2,") + 3) : "";
          String subject;
          try (Stream<String> lines = Files.lines(f)) {
            subject =
                lines.filter(l -> l.startsWith("Subject: ")).findFirst().orElseThrow().substring(9);
          }
          result.add(subject + "|" + info);
        }
      }
    }
    result.sort(null);
    return result;
  }

  @Test
  void syncsEveryFolderThenKeepsFlagsExpungesAndFoldersInStep() throws Exception {
    Path root = dir.resolve("Mail");
    Maildir maildir = Maildir.open(root);
    ImapClient client = ReadFixture.imap(server, MailProtocol.IMAPS);
    try (ImapSession imap = client.open()) {
      imap.createFolder("Work");
      imap.createFolder("Work.2024%Q1");
      MessageRef a = append(imap, "INBOX", "a", Flag.SEEN);
      MessageRef b = append(imap, "INBOX", "b");
      MessageRef w = append(imap, "Work", "w", Flag.SEEN, Flag.FLAGGED);
      append(imap, "Work.2024%Q1", "q");

      AccountSyncResult first = imap.syncAccount(maildir, AccountSyncOptions.defaults());
      assertThat(first.downloaded()).isEqualTo(4);
      assertThat(first.newFolders()).contains("INBOX", "Work", "Work.2024%Q1");
      assertThat(files(root)).containsExactly("a|S", "b|");
      assertThat(files(root.resolve(".Work"))).containsExactly("w|FS");
      // GreenMail's delimiter is '.', so the second level is a Maildir++ level; '%' is escaped
      assertThat(files(root.resolve(".Work.2024%25Q1"))).containsExactly("q|");
      assertThat(root.resolve(".Work").resolve("maildirfolder")).exists();

      AccountSyncResult again = imap.syncAccount(maildir, AccountSyncOptions.defaults());
      assertThat(again.folders()).allMatch(FolderSyncResult::unchanged);
      assertThat(again.newFolders()).isEmpty();

      // flags changed both ways on the server, one message expunged, a folder added and one gone
      imap.removeFlags(List.of(a), Flag.SEEN);
      imap.addFlags(List.of(b), Flag.ANSWERED, Flag.SEEN);
      imap.removeFlags(List.of(w), Flag.FLAGGED);
      imap.delete(List.of(a));
      append(imap, "INBOX", "c", Flag.DRAFT);
      imap.createFolder("Lists");
      append(imap, "Lists", "l");
      imap.deleteFolder("Work.2024%Q1");

      AccountSyncResult dry =
          imap.syncAccount(maildir, AccountSyncOptions.builder().dryRun(true).build());
      assertThat(dry.dryRun()).isTrue();
      assertThat(dry.downloaded()).isEqualTo(2);
      assertThat(dry.newFolders()).containsExactly("Lists");
      assertThat(files(root)).containsExactly("a|S", "b|"); // nothing touched
      assertThat(root.resolve(".Lists")).doesNotExist();

      AccountSyncResult third = imap.syncAccount(maildir, AccountSyncOptions.defaults());
      assertThat(third.newFolders()).containsExactly("Lists");
      assertThat(third.deletedOnServer()).containsExactly("Work.2024%Q1");
      FolderSyncResult inbox = folder(third, "INBOX");
      assertThat(inbox.downloaded()).isEqualTo(1);
      assertThat(inbox.expungedOnServer()).isEqualTo(1);
      assertThat(inbox.deletedLocally()).isZero();
      assertThat(inbox.flagsUpdated()).isEqualTo(1); // b; a is expunged
      assertThat(files(root)).containsExactly("a|S", "b|RS", "c|D"); // a kept by default
      assertThat(files(root.resolve(".Work"))).containsExactly("w|S");
      assertThat(files(root.resolve(".Lists"))).containsExactly("l|");
      assertThat(files(root.resolve(".Work.2024%25Q1"))).containsExactly("q|"); // kept

      // an expunge is reported once; deleting local copies needs the explicit option
      MessageRef bRef = imap.search("INBOX", SearchCriteria.all()).get(0);
      imap.delete(List.of(bRef));
      FolderSyncResult removed =
          folder(
              imap.syncAccount(
                  maildir,
                  AccountSyncOptions.builder()
                      .include("INBOX")
                      .expunged(ExpungedMessages.DELETE_LOCAL)
                      .build()),
              "INBOX");
      assertThat(removed.expungedOnServer()).isEqualTo(1);
      assertThat(removed.deletedLocally()).isEqualTo(1);
      assertThat(files(root)).containsExactly("a|S", "c|D");
    }
  }

  @Test
  void includeAndExcludePatternsSelectFolders() throws Exception {
    Maildir maildir = Maildir.open(dir.resolve("Mail"));
    try (ImapSession imap = ReadFixture.imap(server, MailProtocol.IMAPS).open()) {
      for (String f : List.of("Work", "Work.Old", "Private")) {
        imap.createFolder(f);
        append(imap, f, f);
      }
      AccountSyncResult r =
          imap.syncAccount(
              maildir, AccountSyncOptions.builder().include("Work*").exclude("%.Old").build());
      assertThat(r.folders()).extracting(FolderSyncResult::folder).containsExactly("Work");
    }
  }

  @Test
  void aReSyncWithoutChangesCostsOneFlagFetchPerFolderWithoutCondstore() throws Exception {
    Maildir maildir = Maildir.open(dir.resolve("Mail"));
    AtomicInteger commands = new AtomicInteger();
    List<String> sent = new ArrayList<>();
    ImapClient client =
        ReadFixture.imap(server, MailProtocol.IMAPS)
            .newBuilder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void commandSent(Endpoint endpoint, String command) {
                    commands.incrementAndGet();
                    sent.add(command);
                  }
                })
            .build();
    try (ImapSession imap = client.open()) {
      for (int i = 0; i < 30; i++) {
        append(imap, "INBOX", "m" + i);
      }
      imap.syncAccount(maildir, AccountSyncOptions.defaults());
      commands.set(0);
      sent.clear();
      AccountSyncResult r = imap.syncAccount(maildir, AccountSyncOptions.defaults());
      assertThat(r.folders()).allMatch(FolderSyncResult::unchanged);
      // LIST, SELECT, and one UID FETCH of the flags (UIDNEXT says nothing is new)
      assertThat(sent).as("%s", sent).hasSize(3);
    }
  }

  private static FolderSyncResult folder(AccountSyncResult r, String name) {
    return r.folders().stream().filter(f -> f.folder().equals(name)).findFirst().orElseThrow();
  }
}
