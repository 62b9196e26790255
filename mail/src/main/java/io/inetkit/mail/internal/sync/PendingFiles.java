package io.inetkit.mail.internal.sync;

import io.inetkit.mail.internal.MaildirFiles;
import io.inetkit.mail.internal.SyncJournal;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The downloaded messages of one batch: each written to {@code tmp/} as it arrives; {@link #commit}
 * then makes the batch durable:
 *
 * <ol>
 *   <li>fsync every file, up to 16 at once (see {@link MaildirFiles#forceAll}): their bytes survive
 *       a crash;
 *   <li>fsync {@code tmp/}: the new files' directory entries survive a crash;
 *   <li>one journal write and fsync for all the batch's lines: from here the messages are never
 *       fetched again (before it, all of them are, and their partial files are removed as stale);
 *   <li>rename each file into {@code new/} (or {@code cur/NAME:2,FLAGS} when it has flags), then
 *       fsync {@code new/}, {@code cur/} and {@code tmp/}: if the process dies before that, opening
 *       the journal finishes the renames of files still in {@code tmp/}.
 * </ol>
 *
 * Not part of the public API.
 */
public final class PendingFiles {
  private record Item(String key, String name, String letters) {}

  private final Path root;
  private final List<Item> items = new ArrayList<>();

  /**
   * Starts an empty batch for the Maildir at {@code root}.
   *
   * @param root the Maildir's root folder
   */
  public PendingFiles(Path root) {
    this.root = root;
  }

  /**
   * Writes one message into {@code tmp/} through {@code body} (fsynced by {@link #commit}); returns
   * its size. A failure leaves nothing behind.
   */
  public long write(String key, String letters, Body body) throws IOException {
    try (MaildirFiles.TmpFile tmp = MaildirFiles.createTmp(root)) {
      long n = body.writeTo(tmp.stream());
      tmp.finishWriteUnsynced(); // forced with the rest of the batch, before the journal line
      items.add(new Item(key, tmp.name(), letters));
      return n;
    }
  }

  /** Writes a message's bytes. */
  @FunctionalInterface
  public interface Body {
    /** Writes the message to {@code out} (not closing it); returns the byte count. */
    long writeTo(java.io.OutputStream out) throws IOException;
  }

  /** Returns how many files wait for {@link #commit}. */
  public int size() {
    return items.size();
  }

  /** Makes the batch durable and visible (see the class comment); returns how many files. */
  public int commit(SyncJournal journal) throws IOException {
    if (items.isEmpty()) {
      return 0;
    }
    List<Path> files = new ArrayList<>(items.size());
    for (Item i : items) {
      files.add(root.resolve("tmp").resolve(i.name()));
    }
    MaildirFiles.forceAll(files);
    MaildirFiles.syncDirectory(root.resolve("tmp"));
    List<SyncJournal.Entry> entries = new ArrayList<>(items.size());
    for (Item i : items) {
      entries.add(new SyncJournal.Entry(i.key(), i.name()));
    }
    journal.recordAll(entries);
    boolean toNew = false;
    boolean toCur = false;
    for (Item i : items) {
      Path source = root.resolve("tmp").resolve(i.name());
      Path target =
          i.letters().isEmpty()
              ? root.resolve("new").resolve(i.name())
              : root.resolve("cur").resolve(i.name() + ":2," + i.letters());
      try {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system cannot rename atomically inside " + root, e);
      }
      toNew |= i.letters().isEmpty();
      toCur |= !i.letters().isEmpty();
    }
    if (toNew) {
      MaildirFiles.syncDirectory(root.resolve("new"));
    }
    if (toCur) {
      MaildirFiles.syncDirectory(root.resolve("cur"));
    }
    MaildirFiles.syncDirectory(root.resolve("tmp"));
    int n = items.size();
    items.clear();
    return n;
  }

  /** Removes the files not committed (after a failure); best effort. */
  public void discard() {
    for (Item i : items) {
      try {
        Files.deleteIfExists(root.resolve("tmp").resolve(i.name()));
      } catch (IOException ignored) {
        // a leftover in tmp/ is removed as stale by a later sync
      }
    }
    items.clear();
  }
}
