package io.inetkit.mail.internal;

import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.SyncResult;
import io.inetkit.mail.internal.sync.PendingFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the messages of a remote mailbox that the {@link SyncJournal} does not know yet into a
 * Maildir, durably and in batches, and (when asked) deletes on the server only messages whose files
 * are already durable. Protocol-neutral: IMAP and POP3 sessions supply a {@link Source}. Not part
 * of the public API.
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
   * The most messages one batch holds before its files, and then its journal lines, are fsynced.
   */
  static final int BATCH_COUNT = 64;

  /** The most bytes one batch holds before it is committed. */
  static final long BATCH_BYTES = 16L * 1024 * 1024;

  /**
   * Downloads every key of {@code remoteKeys} (in order) not yet in the journal; then, with {@link
   * AfterDownload#DELETE_FROM_SERVER}, deletes on the server every remote key the journal holds.
   * First removes the partial files killed syncs left in {@code tmp/} (see {@link StaleTmpFiles});
   * the journal, opened already, has renamed its own finished ones into {@code new/}.
   *
   * <p>Messages are made durable in batches of up to {@link #BATCH_COUNT} messages or {@link
   * #BATCH_BYTES} bytes ({@link PendingFiles}: the batch's files fsynced together, then one journal
   * write and fsync, then the renames), instead of three fsyncs per message. A message is recorded
   * as synced, and may be deleted on the server, only after its file is durable, as before; a crash
   * inside a batch only makes the next sync download that batch again. A failure keeps the messages
   * that arrived whole before it.
   */
  public static SyncResult run(
      Path root, SyncJournal journal, List<String> remoteKeys, Source source, AfterDownload after)
      throws IOException {
    StaleTmpFiles.clean(root, java.time.Instant.now());
    int downloaded = 0;
    int already = 0;
    long bytes = 0;
    long batchBytes = 0;
    PendingFiles pending = new PendingFiles(root);
    try {
      for (String key : remoteKeys) {
        if (journal.contains(key)) {
          already++;
          continue;
        }
        long n = pending.write(key, "", out -> source.download(key, out));
        bytes += n;
        batchBytes += n;
        if (pending.size() >= BATCH_COUNT || batchBytes >= BATCH_BYTES) {
          downloaded += pending.commit(journal);
          batchBytes = 0;
        }
      }
      downloaded += pending.commit(journal);
    } catch (IOException | RuntimeException e) {
      try {
        pending.commit(journal); // keep what arrived whole
      } catch (IOException | RuntimeException again) {
        pending.discard();
        e.addSuppressed(again);
      }
      throw e;
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
