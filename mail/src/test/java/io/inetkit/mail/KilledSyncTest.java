package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill-anywhere guarantee with a real kill: a child JVM syncing (with delete) is killed with
 * SIGKILL part-way; the next run ends with every message exactly once in the Maildir and none left
 * on the server.
 */
class KilledSyncTest {
  static final int MESSAGES = 40;
  static MailServer server;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = MailServer.builder().protocols(MailProtocol.IMAPS).start();
    server.user(ReadFixture.USER, ReadFixture.PASSWORD);
    String filler = "z".repeat(76) + "\r\n";
    for (int i = 0; i < MESSAGES; i++) {
      server.deliver(ReadFixture.USER, ReadFixture.message("msg-" + i, filler.repeat(4000)));
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static long count(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.count();
    }
  }

  @Test
  void killedMidSyncThenResumedLosesNothingAndDuplicatesNothing() throws Exception {
    Path root = dir.resolve("Maildir");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SyncMain.class.getName(),
                "127.0.0.1:" + server.port(MailProtocol.IMAPS),
                server.pki().caPemFile().toString(),
                ReadFixture.USER,
                ReadFixture.PASSWORD,
                root.toString()));
    Process child =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    Path fresh = root.resolve("new");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(Files.isDirectory(fresh) && count(fresh) >= 5) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(child.isAlive()).as("child still syncing when killed").isTrue();
    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    long afterKill = count(fresh);
    assertThat(afterKill).isBetween(5L, (long) MESSAGES - 1);

    Maildir maildir = Maildir.open(root);
    try (ImapSession imap = ReadFixture.imap(server, MailProtocol.IMAPS).open()) {
      SyncResult r = imap.syncTo("INBOX", maildir, AfterDownload.DELETE_FROM_SERVER);
      // messages the killed run deleted on the server are gone from the remote list
      assertThat(r.downloaded()).isLessThanOrEqualTo(MESSAGES - (int) afterKill);
      assertThat(imap.search("INBOX", SearchCriteria.all())).isEmpty();
    }
    List<Path> files = maildir.messages();
    assertThat(files).hasSize(MESSAGES);
    List<String> subjects = new ArrayList<>();
    for (Path f : files) {
      try (Stream<String> lines = Files.lines(f)) {
        subjects.add(lines.filter(l -> l.startsWith("Subject: ")).findFirst().orElseThrow());
      }
    }
    assertThat(subjects).doesNotHaveDuplicates().hasSize(MESSAGES);
    assertThat(count(root.resolve("tmp"))).as("the killed run's partial file was cleaned").isZero();
  }
}
