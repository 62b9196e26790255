package io.inetkit.mail.internal;

import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.SyncResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the messages of a remote mailbox that the {@link SyncJournal} does not know yet into a
 * Maildir, one at a time and durably, and (when asked) deletes on the server only messages whose
 * files are already durable. Protocol-neutral: IMAP and POP3 sessions supply a {@link Source}. Not
 * part of the public API.
 */
public final class MaildirSync {
  private MaildirSync() {}

  /** What a sync needs from a protocol session. */
  public interface Source {
    /** Streams the raw message {@code key} to {@code out}; returns the number of bytes. */
    long download(String key, OutputStream out) throws IOException;

    /** Marks the messages {@code keys} for deletion (done at {@link #commitDeletes}). */
    void markDeleted(List<String> keys) throws IOException;

    /** Makes the marked deletions happen on the server (IMAP UID EXPUNGE, POP3 QUIT). */
    void commitDeletes() throws IOException;
  }

  /**
   * Downloads every key of {@code remoteKeys} (in order) not yet in the journal; then, with {@link
   * AfterDownload#DELETE_FROM_SERVER}, deletes on the server every remote key the journal holds.
   * First removes the partial files killed syncs left in {@code tmp/} (see {@link StaleTmpFiles});
   * the journal, opened already, has renamed its own finished ones into {@code new/}.
   */
  public static SyncResult run(
      Path root, SyncJournal journal, List<String> remoteKeys, Source source, AfterDownload after)
      throws IOException {
    StaleTmpFiles.clean(root, java.time.Instant.now());
    int downloaded = 0;
    int already = 0;
    long bytes = 0;
    for (String key : remoteKeys) {
      if (journal.contains(key)) {
        already++;
        continue;
      }
      try (MaildirFiles.TmpFile tmp = MaildirFiles.createTmp(root)) {
        bytes += source.download(key, tmp.stream());
        tmp.finishWrite();
        journal.record(key, tmp.name());
        tmp.moveToNew();
      }
      downloaded++;
    }
    int deleted = 0;
    if (after == AfterDownload.DELETE_FROM_SERVER) {
      List<String> durable = new ArrayList<>();
      for (String key : remoteKeys) {
        if (journal.contains(key)) {
          durable.add(key);
        }
      }
      if (!durable.isEmpty()) {
        source.markDeleted(durable);
        source.commitDeletes();
        deleted = durable.size();
      }
    }
    return new SyncResult(downloaded, already, deleted, journal.recovered(), bytes);
  }
}
