package io.inetkit.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.Maildir;
import io.inetkit.mail.SyncResult;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synced mail is private (0600 files, 0700 folders), and killed syncs' partial files go away. */
class MaildirPrivacyAndCleanupTest {
  @TempDir Path dir;

  private SyncResult sync(Path root, String syncId, MaildirSyncTest.MemorySource source)
      throws IOException {
    Maildir maildir = Maildir.open(root);
    source.root = maildir.root();
    try (SyncJournal journal = SyncJournal.open(maildir.root(), syncId, "v1")) {
      return MaildirSync.run(
          maildir.root(),
          journal,
          List.copyOf(source.messages.keySet()),
          source,
          AfterDownload.KEEP_ON_SERVER);
    }
  }

  private static MaildirSyncTest.MemorySource oneMessage() {
    MaildirSyncTest.MemorySource source = new MaildirSyncTest.MemorySource();
    source.messages.put("k1", "Subject: secret\r\n\r\nfor alice only\r\n");
    return source;
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void syncedMessagesAndTheFoldersItCreatesAreReadableOnlyByTheUser() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path root = dir.resolve("Mail/inbox");
    sync(root, "test", oneMessage());

    for (Path folder :
        List.of(
            root.getParent(),
            root,
            root.resolve("tmp"),
            root.resolve("new"),
            root.resolve("cur"),
            root.resolve(".inetkit-sync"))) {
      assertThat(mode(folder)).as(folder.toString()).isEqualTo("rwx------");
    }
    List<Path> messages = Maildir.open(root).messages();
    assertThat(messages).hasSize(1);
    assertThat(mode(messages.get(0))).isEqualTo("rw-------");
    assertThat(mode(root.resolve(".inetkit-sync/test.journal"))).isEqualTo("rw-------");
  }

  @Test
  void nextSyncRemovesPartialFilesOfDeadSyncsAndOldLeftoversButNothingALiveSyncOrAJournalOwns()
      throws IOException {
    Path root = Maildir.open(dir.resolve("box")).root();
    Path tmp = root.resolve("tmp");
    String host = MaildirFiles.hostName();
    long deadPid = Integer.MAX_VALUE; // above any pid_max: no such process
    Path deadSyncs =
        Files.writeString(tmp.resolve("1700000000.M1P" + deadPid + "Q1R1a." + host), "half");
    Path liveSyncs = Files.writeString(tmp.resolve(MaildirFiles.uniqueName()), "being written");
    Path otherHosts =
        Files.writeString(tmp.resolve("1700000000.M1P" + deadPid + "Q2R2b.elsewhere"), "nfs");
    Path freshForeign = Files.writeString(tmp.resolve("1700000000.12345_1.mda"), "delivering");
    Path oldForeign = Files.writeString(tmp.resolve("1600000000.999_1.mda"), "abandoned");
    Files.setLastModifiedTime(oldForeign, FileTime.from(Instant.now().minus(Duration.ofHours(37))));
    // finished by a dead sync of another source: recorded in its journal, not yet in new/
    String recordedName = "1700000000.M2P" + deadPid + "Q3R3c." + host;
    Path recorded = Files.writeString(tmp.resolve(recordedName), "Subject: r\r\n\r\ncomplete\r\n");
    Files.createDirectories(root.resolve(".inetkit-sync"));
    Files.writeString(
        root.resolve(".inetkit-sync/other.journal"),
        "inetkit-sync 1 validity=v1\nr1\t" + recordedName + "\n");

    sync(root, "test", oneMessage());

    assertThat(deadSyncs).doesNotExist();
    assertThat(oldForeign).doesNotExist();
    assertThat(liveSyncs).exists();
    assertThat(otherHosts).exists();
    assertThat(freshForeign).exists();
    assertThat(recorded).exists();

    MaildirSyncTest.MemorySource other = new MaildirSyncTest.MemorySource();
    other.messages.put("r1", "Subject: r\r\n\r\ncomplete\r\n");
    SyncResult r = sync(root, "other", other);
    assertThat(r.recovered()).isEqualTo(1);
    assertThat(root.resolve("new").resolve(recordedName)).exists();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).containsExactlyInAnyOrder(liveSyncs, otherHosts, freshForeign);
    }
  }
}
