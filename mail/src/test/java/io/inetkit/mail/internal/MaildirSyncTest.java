package io.inetkit.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.InetkitException;
import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.Maildir;
import io.inetkit.mail.SyncResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Maildir sync's crash guarantees, protocol-free: the source here is an in-memory mailbox (the
 * network cases are in ImapSyncTest and Pop3SyncTest).
 */
class MaildirSyncTest {
  @TempDir Path dir;

  /** An in-memory remote mailbox that can fail part-way through one download. */
  static final class MemorySource implements MaildirSync.Source {
    final Map<String, String> messages = new LinkedHashMap<>();
    final List<String> events = new ArrayList<>();
    String failOn;
    Path root;

    @Override
    public long download(String key, OutputStream out) throws IOException {
      byte[] bytes = messages.get(key).getBytes(StandardCharsets.US_ASCII);
      if (key.equals(failOn)) {
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        throw new ConnectionClosedException("dropped mid-transfer", null, null);
      }
      out.write(bytes);
      events.add("download " + key);
      return bytes.length;
    }

    @Override
    public void markDeleted(List<String> keys) throws IOException {
      for (String key : keys) {
        // the guarantee under test: a message is deleted only when its file is durable
        assertThat(contents(root)).contains(messages.get(key));
        events.add("delete " + key);
      }
    }

    @Override
    public void commitDeletes() {
      events.add("commit");
      events.stream()
          .filter(e -> e.startsWith("delete "))
          .map(e -> e.substring(7))
          .toList()
          .forEach(messages::remove);
    }
  }

  static List<String> contents(Path root) throws IOException {
    List<String> result = new ArrayList<>();
    for (Path p : Maildir.open(root).messages()) {
      result.add(Files.readString(p));
    }
    return result;
  }

  private SyncResult sync(MemorySource source, AfterDownload after) throws IOException {
    Maildir maildir = Maildir.open(dir);
    source.root = maildir.root();
    try (SyncJournal journal = SyncJournal.open(maildir.root(), "test", "v1")) {
      return MaildirSync.run(
          maildir.root(), journal, List.copyOf(source.messages.keySet()), source, after);
    }
  }

  private static MemorySource threeMessages() {
    MemorySource source = new MemorySource();
    for (String key : List.of("a1", "b2", "c3")) {
      source.messages.put(key, "Subject: " + key + "\r\n\r\nbody of " + key + "\r\n");
    }
    return source;
  }

  @Test
  void secondRunDownloadsNothingAgain() throws IOException {
    MemorySource source = threeMessages();
    SyncResult first = sync(source, AfterDownload.KEEP_ON_SERVER);
    SyncResult second = sync(source, AfterDownload.KEEP_ON_SERVER);

    assertThat(first.downloaded()).isEqualTo(3);
    assertThat(second.downloaded()).isZero();
    assertThat(second.alreadySynced()).isEqualTo(3);
    assertThat(contents(dir)).containsExactlyInAnyOrderElementsOf(source.messages.values());
    assertThat(Files.list(dir.resolve("tmp")).count()).isZero();
  }

  @Test
  void dropMidTransferLosesNothingAndDuplicatesNothing() throws IOException {
    MemorySource source = threeMessages();
    source.failOn = "b2";
    assertThatThrownBy(() -> sync(source, AfterDownload.DELETE_FROM_SERVER))
        .isInstanceOf(ConnectionClosedException.class);
    // a1 is durable, b2 was not kept half-written, and nothing was deleted on the server
    assertThat(contents(dir)).containsExactly(source.messages.get("a1"));
    assertThat(source.messages).hasSize(3);
    assertThat(source.events).noneMatch(e -> e.startsWith("delete"));

    source.failOn = null;
    Map<String, String> original = new LinkedHashMap<>(source.messages);
    SyncResult second = sync(source, AfterDownload.DELETE_FROM_SERVER);

    assertThat(second.downloaded()).isEqualTo(2);
    assertThat(second.deletedOnServer()).isEqualTo(3);
    assertThat(contents(dir)).containsExactlyInAnyOrderElementsOf(original.values());
    assertThat(source.messages).isEmpty();
  }

  @Test
  void messagesBeyondOneBatchAreKeptAcrossAFailureInTheNextBatch() throws IOException {
    MemorySource source = new MemorySource();
    int count = MaildirSync.BATCH_COUNT * 2 + 5;
    for (int i = 0; i < count; i++) {
      source.messages.put("m" + i, "Subject: " + i + "\r\n\r\nbody " + i + "\r\n");
    }
    int failAt = MaildirSync.BATCH_COUNT + 3; // inside the second batch
    source.failOn = "m" + failAt;
    assertThatThrownBy(() -> sync(source, AfterDownload.KEEP_ON_SERVER))
        .isInstanceOf(ConnectionClosedException.class);
    // the first batch and the whole messages of the second before the failure are kept
    assertThat(contents(dir)).hasSize(failAt);
    assertThat(Files.list(dir.resolve("tmp")).count()).isZero();

    source.failOn = null;
    SyncResult second = sync(source, AfterDownload.KEEP_ON_SERVER);
    assertThat(second.downloaded()).isEqualTo(count - failAt);
    assertThat(second.alreadySynced()).isEqualTo(failAt);
    assertThat(contents(dir)).containsExactlyInAnyOrderElementsOf(source.messages.values());
  }

  @Test
  void killBetweenJournalAndRenameIsFinishedOnNextOpen() throws IOException {
    Maildir maildir = Maildir.open(dir);
    String name;
    try (SyncJournal journal = SyncJournal.open(maildir.root(), "test", "v1");
        MaildirFiles.TmpFile tmp = MaildirFiles.createTmp(maildir.root())) {
      tmp.stream().write("Subject: x\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
      tmp.finishWrite();
      journal.record("x9", tmp.name());
      name = tmp.name();
      // the process "dies" here: no rename into new/
    }
    assertThat(maildir.messages()).isEmpty();

    MemorySource source = new MemorySource();
    source.messages.put("x9", "Subject: x\r\n\r\nx\r\n");
    SyncResult result = sync(source, AfterDownload.KEEP_ON_SERVER);

    assertThat(result.recovered()).isEqualTo(1);
    assertThat(result.downloaded()).isZero();
    assertThat(maildir.messages()).containsExactly(dir.resolve("new").resolve(name));
  }

  @Test
  void openFinishesOnlyTheRecordedRenamesAndLeavesOtherTmpFiles() throws IOException {
    Maildir maildir = Maildir.open(dir);
    try (SyncJournal journal = SyncJournal.open(maildir.root(), "test", "v1")) {
      for (String uid : List.of("7", "12", "30")) {
        try (MaildirFiles.TmpFile tmp = MaildirFiles.createTmp(maildir.root())) {
          tmp.stream().write(("Subject: " + uid + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          tmp.finishWrite();
          journal.record(uid, tmp.name());
          if (uid.equals("12")) {
            continue; // the process "dies" before this rename
          }
          tmp.moveToNew();
        }
      }
      journal.recordModSeq(41);
    }
    Files.writeString(dir.resolve("tmp").resolve("other-deliverer.1"), "partial");

    try (SyncJournal journal = SyncJournal.open(maildir.root(), "test", "v1")) {
      assertThat(journal.recovered()).isEqualTo(1);
      assertThat(journal.highestNumericKey()).isEqualTo(30);
      assertThat(journal.modSeq()).isEqualTo(41);
      assertThat(journal.liveKeys()).containsExactlyInAnyOrder("7", "12", "30");
    }
    assertThat(maildir.messages()).hasSize(3);
    try (var tmp = Files.list(dir.resolve("tmp"))) {
      assertThat(tmp.map(p -> p.getFileName().toString())).containsExactly("other-deliverer.1");
    }
  }

  @Test
  void tornLastJournalLineIsCutAndThatMessageFetchedAgain() throws IOException {
    MemorySource source = threeMessages();
    sync(source, AfterDownload.KEEP_ON_SERVER);
    Path journal = dir.resolve(".inetkit-sync/test.journal");
    Files.writeString(journal, "d4\t123.half", StandardOpenOption.APPEND);
    source.messages.put("d4", "Subject: d4\r\n\r\nd4\r\n");

    SyncResult result = sync(source, AfterDownload.KEEP_ON_SERVER);

    assertThat(result.downloaded()).isEqualTo(1);
    assertThat(contents(dir)).hasSize(4).containsAll(source.messages.values());
    assertThat(Files.readString(journal)).doesNotContain("123.half").endsWith("\n");
  }

  @Test
  void secondConcurrentSyncOfTheSameSourceIsRefused() throws IOException {
    Maildir maildir = Maildir.open(dir);
    try (SyncJournal first = SyncJournal.open(maildir.root(), "same", "v1")) {
      assertThatThrownBy(() -> SyncJournal.open(maildir.root(), "same", "v1"))
          .isInstanceOf(InetkitException.class)
          .hasMessageContaining("another sync is using");
    }
  }

  @Test
  void uniqueNamesHaveNoSlashOrColonAndDoNotRepeat() {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String name = MaildirFiles.uniqueName();
      assertThat(name).doesNotContain("/").doesNotContain(":");
      assertThat(names.add(name)).isTrue();
    }
  }
}
