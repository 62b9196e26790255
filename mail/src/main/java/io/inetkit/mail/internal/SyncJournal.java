package io.inetkit.mail.internal;

import io.inetkit.core.InetkitException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The sync state kept inside a Maildir: which remote messages (POP3 UIDL, or IMAP UID under one
 * UIDVALIDITY) already have a durable local file. An append-only journal, one line per message,
 * written and fsynced <em>after</em> the file's bytes are durable in {@code tmp/} and
 * <em>before</em> the rename into {@code new/}. So whatever moment the process dies:
 *
 * <ul>
 *   <li>before the journal line: the message is fetched again next time (the partial file stays in
 *       {@code tmp/}, which Maildir readers ignore);
 *   <li>after the line but before the rename: {@link #open} finishes the rename;
 *   <li>after the rename: nothing to do.
 * </ul>
 *
 * A torn last line (the process died mid-write) is cut off on open. The journal is locked while
 * open, so two syncs of the same source cannot interleave. Not part of the public API.
 */
public final class SyncJournal implements AutoCloseable {
  private static final String MAGIC = "inetkit-sync 1 validity=";

  private final Path root;
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final String validity;
  private final Set<String> keys = new HashSet<>();
  private long highestNumericKey;
  private int recovered;

  private SyncJournal(Path root, Path file, FileChannel channel, FileLock lock, String validity) {
    this.root = root;
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.validity = validity;
  }

  /**
   * Opens (or creates with {@code validityIfNew}) the journal {@code syncId} of the Maildir at
   * {@code root}, finishing any rename a killed run left undone.
   *
   * @throws InetkitException when the journal is unreadable or another sync holds it
   */
  public static SyncJournal open(Path root, String syncId, String validityIfNew)
      throws InetkitException {
    Path dir = root.resolve(".inetkit-sync");
    Path file = dir.resolve(syncId + ".journal");
    FileChannel channel = null;
    try {
      MaildirFiles.createPrivateDirectories(dir);
      channel =
          FileChannel.open(
              file,
              java.util.Set.of(
                  StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
              MaildirFiles.privateFile());
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new InetkitException("another sync is using " + file, null, null);
      }
      String content = readAll(channel);
      int end = content.lastIndexOf('\n') + 1;
      if (end < content.length()) {
        channel.truncate(end); // torn last line from a killed run
        content = content.substring(0, end);
      }
      String validity;
      if (content.isEmpty()) {
        validity = validityIfNew;
        write(channel, MAGIC + validity + "\n");
        MaildirFiles.syncDirectory(dir);
      } else {
        int nl = content.indexOf('\n');
        String header = content.substring(0, nl);
        if (!header.startsWith(MAGIC)) {
          throw new InetkitException("not an inetkit sync journal: " + file, null, null);
        }
        validity = header.substring(MAGIC.length());
        content = content.substring(nl + 1);
      }
      SyncJournal journal = new SyncJournal(root, file, channel, lock, validity);
      journal.load(content);
      return journal;
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // reporting the first failure
        }
      }
      if (e instanceof InetkitException ie) {
        throw ie;
      }
      throw new InetkitException("cannot open sync journal " + file + ": " + e, null, e);
    }
  }

  private void load(String content) throws IOException {
    for (String line : content.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new InetkitException(
            "corrupt line in sync journal " + file + ": " + line, null, null);
      }
      String key = line.substring(0, tab);
      String name = line.substring(tab + 1);
      remember(key);
      if (Files.exists(root.resolve("tmp").resolve(name))) {
        MaildirFiles.moveToNew(root, name);
        recovered++;
      }
    }
  }

  private void remember(String key) {
    keys.add(key);
    if (!key.isEmpty() && key.chars().allMatch(Character::isDigit) && key.length() < 19) {
      highestNumericKey = Math.max(highestNumericKey, Long.parseLong(key));
    }
  }

  /** Returns the validity the journal was created with (IMAP UIDVALIDITY, or "" for POP3). */
  public String validity() {
    return validity;
  }

  /** Returns whether the message with {@code key} already has a durable local file. */
  public boolean contains(String key) {
    return keys.contains(key);
  }

  /** Returns how many keys are recorded. */
  public int size() {
    return keys.size();
  }

  /** Returns the highest numeric key recorded (the last IMAP UID synced), or 0. */
  public long highestNumericKey() {
    return highestNumericKey;
  }

  /** Returns how many half-finished deliveries {@link #open} completed. */
  public int recovered() {
    return recovered;
  }

  /**
   * Records that {@code key} is durably in {@code tmp/fileName}; returns once the line is on disk.
   * The caller renames the file into {@code new/} afterwards.
   */
  public void record(String key, String fileName) throws IOException {
    if (key.indexOf('\t') >= 0 || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("key with tab or line break: " + key);
    }
    write(channel, key + "\t" + fileName + "\n");
    channel.force(true);
    remember(key);
  }

  /** Releases the lock and closes the file. */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  private static String readAll(FileChannel channel) throws IOException {
    long size = channel.size();
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE - 16));
    channel.position(0);
    while (buffer.hasRemaining() && channel.read(buffer) > 0) {
      // keep reading
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  private static void write(FileChannel channel, String text) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    channel.position(channel.size());
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }
}
