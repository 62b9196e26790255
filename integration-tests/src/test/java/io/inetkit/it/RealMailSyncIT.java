package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.it.realserver.RealMailCondition;
import io.inetkit.mail.Flag;
import io.inetkit.mail.Maildir;
import io.inetkit.mail.imap.AccountSyncOptions;
import io.inetkit.mail.imap.AccountSyncResult;
import io.inetkit.mail.imap.ExpungedMessages;
import io.inetkit.mail.imap.FolderSyncResult;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.testkit.mail.Dovecot;
import io.inetkit.testkit.mail.MailUser;
import io.inetkit.testkit.mail.RealMail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-account Maildir sync against Debian's Dovecot, which offers CONDSTORE and QRESYNC: flags
 * changed both ways and messages expunged on the server, a new folder, a re-sync whose command
 * count does not grow with the folder, and the CLI killed mid-sync and run again.
 */
@Tag("real-server")
@ExtendWith(RealMailCondition.class)
class RealMailSyncIT {
  private static final int BIG = 700;
  private static RealMail mail;
  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    mail = RealMail.start(List.of("sflags", "scount", "skill"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (mail != null) {
      mail.close();
    }
  }

  private static ImapClient client(String login, EventListener events) {
    MailUser user = mail.user(login);
    return ImapClient.builder()
        .endpoint("127.0.0.1", mail.port(Dovecot.Listener.IMAP))
        .tlsMode(TlsMode.STARTTLS_REQUIRED)
        .trust(Trust.fromFile(mail.caPem()))
        .credentials(Credentials.password(login, user.password().toCharArray()))
        .eventListener(events)
        .build();
  }

  private MessageRef append(ImapSession imap, String folder, String subject, int size, Flag... f)
      throws Exception {
    String body = "x".repeat(76) + "\r\n";
    byte[] eml =
        ("From: a@inetkit.test\r\nTo: b@inetkit.test\r\nSubject: "
                + subject
                + "\r\nMessage-ID: <"
                + subject
                + "@inetkit.test>\r\n\r\n"
                + body.repeat(Math.max(1, size / body.length())))
            .getBytes(StandardCharsets.US_ASCII);
    Path file = tmp.resolve("m.eml");
    Files.write(file, eml);
    return imap.append(folder, file, Set.of(f), null).orElseThrow();
  }

  /** "subject|flags" of every message in the Maildir at {@code root}, sorted. */
  private static List<String> files(Path root) throws Exception {
    List<String> result = new ArrayList<>();
    for (String sub : List.of("new", "cur")) {
      try (Stream<Path> s = Files.list(root.resolve(sub))) {
        for (Path f : s.toList()) {
          String name = f.getFileName().toString();
          String info = name.contains(":2,") ? name.substring(name.indexOf(":2,") + 3) : "";
          try (Stream<String> lines = Files.lines(f)) {
            result.add(
                lines.filter(l -> l.startsWith("Subject: ")).findFirst().orElseThrow().substring(9)
                    + "|"
                    + info);
          }
        }
      }
    }
    result.sort(null);
    return result;
  }

  @Test
  void flagsBothWaysExpungesAndANewFolderWithQresync() throws Exception {
    Path root = tmp.resolve("Mail");
    Maildir maildir = Maildir.open(root);
    try (ImapSession imap = client("sflags", EventListener.NONE).open()) {
      assertThat(imap.capabilities()).contains("CONDSTORE", "QRESYNC");
      imap.createFolder("Work");
      MessageRef a = append(imap, "INBOX", "a", 100, Flag.SEEN);
      MessageRef b = append(imap, "INBOX", "b", 100);
      MessageRef w = append(imap, "Work", "w", 100, Flag.FLAGGED, Flag.SEEN);
      AccountSyncResult first = imap.syncAccount(maildir, AccountSyncOptions.defaults());
      assertThat(first.downloaded()).isEqualTo(3);
      assertThat(files(root)).containsExactly("a|S", "b|");
      assertThat(files(root.resolve(".Work"))).containsExactly("w|FS");

      imap.removeFlags(List.of(a), Flag.SEEN);
      imap.addFlags(List.of(a), Flag.ANSWERED);
      imap.addFlags(List.of(b), Flag.SEEN, Flag.FLAGGED, Flag.DRAFT);
      imap.removeFlags(List.of(w), Flag.FLAGGED);
      imap.createFolder("Work.New");
      append(imap, "Work.New", "n", 100);
      AccountSyncResult second = imap.syncAccount(maildir, AccountSyncOptions.defaults());
      assertThat(second.newFolders()).containsExactly("Work.New");
      assertThat(files(root)).containsExactly("a|R", "b|DFS");
      assertThat(files(root.resolve(".Work"))).containsExactly("w|S");
      assertThat(files(root.resolve(".Work.New"))).containsExactly("n|");

      imap.delete(List.of(a));
      AccountSyncResult kept = imap.syncAccount(maildir, AccountSyncOptions.defaults());
      assertThat(folder(kept, "INBOX").expungedOnServer()).isEqualTo(1);
      assertThat(files(root)).containsExactly("a|R", "b|DFS");
      imap.delete(List.of(b));
      AccountSyncResult removed =
          imap.syncAccount(
              maildir,
              AccountSyncOptions.builder().expunged(ExpungedMessages.DELETE_LOCAL).build());
      assertThat(folder(removed, "INBOX").deletedLocally()).isEqualTo(1);
      assertThat(files(root)).containsExactly("a|R");
    }
  }

  @Test
  void aCondstoreReSyncCostsOneSelectPerFolderWhateverTheFolderSize() throws Exception {
    Path root = tmp.resolve("Mail");
    Maildir maildir = Maildir.open(root);
    List<String> sent = new ArrayList<>();
    EventListener recorder =
        new EventListener() {
          @Override
          public void commandSent(Endpoint endpoint, String command) {
            sent.add(command);
          }
        };
    try (ImapSession imap = client("scount", recorder).open()) {
      imap.createFolder("Small");
      append(imap, "Small", "s", 100);
      List<MessageRef> big = new ArrayList<>();
      for (int i = 0; i < BIG; i++) {
        big.add(append(imap, "INBOX", "big-" + i, 200));
      }
      imap.syncAccount(maildir, AccountSyncOptions.defaults());

      sent.clear();
      AccountSyncResult same = imap.syncAccount(maildir, AccountSyncOptions.defaults());
      assertThat(same.folders()).allMatch(FolderSyncResult::unchanged);
      // LIST, then one SELECT per folder: HIGHESTMODSEQ unchanged means nothing to ask for
      assertThat(sent).as("%s", sent).hasSize(1 + same.folders().size());

      imap.addFlags(big.subList(100, 110), Flag.SEEN);
      sent.clear();
      AccountSyncResult ten = imap.syncAccount(maildir, AccountSyncOptions.defaults());
      // the session first closes the folder addFlags selected: not part of the sync's cost
      sent.removeIf(c -> c.endsWith(" UNSELECT") || c.endsWith(" CLOSE"));
      assertThat(folder(ten, "INBOX").flagsUpdated()).isEqualTo(10);
      // one UID FETCH ... (CHANGEDSINCE m VANISHED) more, for the folder that changed
      assertThat(sent).as("%s", sent).hasSize(2 + ten.folders().size());
      assertThat(sent).anyMatch(c -> c.contains("CHANGEDSINCE") && c.contains("VANISHED"));
    }
  }

  @Test
  void theCliKilledMidSyncThenRunAgainHasEveryMessageOnce() throws Exception {
    MailUser user = mail.user("skill");
    int total;
    try (ImapSession imap = client("skill", EventListener.NONE).open()) {
      imap.createFolder("Work");
      for (int i = 0; i < BIG; i++) {
        append(imap, i % 3 == 0 ? "Work" : "INBOX", "k-" + i, 20_000, Flag.SEEN);
      }
      total = imap.search("INBOX", SearchCriteria.all()).size();
      total += imap.search("Work", SearchCriteria.all()).size();
    }
    assertThat(total).isEqualTo(BIG);
    Path root = tmp.resolve("Mail");
    String url = "imap://skill@127.0.0.1:" + mail.port(Dovecot.Listener.IMAP);
    CliJar cli = new CliJar(tmp).env("INETKIT_PASSWORD", user.password());
    String[] args = {
      "mail",
      "sync",
      url,
      "--all",
      "--cacert",
      mail.caPem().toString(),
      "--maildir",
      root.toString()
    };
    Process child = cli.start(tmp.resolve("child.err"), args);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (count(root) < 50 && System.nanoTime() < deadline && child.isAlive()) {
      Thread.sleep(2);
    }
    assertThat(child.isAlive()).as("still syncing when killed").isTrue();
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

    CliJar.Result again = cli.run(args);
    assertThat(again.code()).as(again.err()).isZero();
    List<String> subjects = new ArrayList<>();
    for (Path dir : List.of(root, root.resolve(".Work"))) {
      for (String f : files(dir)) {
        subjects.add(f.substring(0, f.indexOf('|')));
      }
    }
    assertThat(subjects).doesNotHaveDuplicates().hasSize(BIG);
  }

  /** Files in tmp/, new/ and cur/ of INBOX and Work (0 when not there yet). */
  private static long count(Path root) throws Exception {
    long n = 0;
    for (Path dir : List.of(root, root.resolve(".Work"))) {
      for (String sub : List.of("tmp", "new", "cur")) {
        Path d = dir.resolve(sub);
        if (Files.isDirectory(d)) {
          try (Stream<Path> s = Files.list(d)) {
            n += s.count();
          }
        }
      }
    }
    return n;
  }

  private static FolderSyncResult folder(AccountSyncResult r, String name) {
    return r.folders().stream().filter(f -> f.folder().equals(name)).findFirst().orElseThrow();
  }
}
