package io.inetkit.mail.internal;

import io.inetkit.core.InetkitException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * open, so two syncs of the same source cannot interleave. Lines starting with a tab carry the
 * incremental IMAP state: {@code \tmodseq\tN} (the folder's HIGHESTMODSEQ once every change up to
 * it is applied locally), {@code \tgone\tUID} (expunged on the server, local copy kept) and {@code
 * \tremoved\tUID} (expunged on the server, local copy deleted). Not part of the public API.
 */
public final class SyncJournal implements AutoCloseable {
  private static final String MAGIC = "inetkit-sync 1 validity=";

  private final Path root;
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final String validity;
  private final Map<String, String> names = new HashMap<>();
  private final Set<String> gone = new HashSet<>();
  private long highestNumericKey;
  private long modSeq;
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
      journal.load(content, true);
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

  private void load(String content, boolean recover) throws IOException {
    // One listing of tmp/ (empty after a clean run) instead of one stat per recorded message.
    Set<String> inTmp = recover ? tmpNames() : Set.of();
    int start = 0;
    while (start < content.length()) {
      int nl = content.indexOf('\n', start);
      int end = nl < 0 ? content.length() : nl;
      String line = content.substring(start, end);
      start = end + 1;
      if (line.isEmpty()) {
        continue;
      }
      if (line.charAt(0) == '\t') { // state: "\tNAME\tVALUE"
        int tab = line.indexOf('\t', 1);
        if (tab < 0) {
          throw new InetkitException(
              "corrupt line in sync journal " + file + ": " + line, null, null);
        }
        loadState(line.substring(1, tab), line.substring(tab + 1), line);
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new InetkitException(
            "corrupt line in sync journal " + file + ": " + line, null, null);
      }
      String key = line.substring(0, tab);
      String name = line.substring(tab + 1);
      remember(key, name);
      if (inTmp.contains(name) && Files.exists(root.resolve("tmp").resolve(name))) {
        MaildirFiles.moveToNew(root, name);
        recovered++;
      }
    }
  }

  /** The names in {@code tmp/}: a killed run's files, recorded but not yet renamed. */
  private Set<String> tmpNames() throws IOException {
    Path tmp = root.resolve("tmp");
    if (!Files.isDirectory(tmp)) {
      return Set.of();
    }
    Set<String> found = new HashSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp)) {
      for (Path f : files) {
        found.add(f.getFileName().toString());
      }
    }
    return found;
  }

  private void loadState(String key, String value, String line) throws InetkitException {
    switch (key) {
      case "modseq" -> {
        try {
          modSeq = Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw new InetkitException(
              "corrupt line in sync journal " + file + ": " + line, null, null);
        }
      }
      case "gone" -> gone.add(value);
      case "removed" -> {
        gone.remove(value);
        names.remove(value);
      }
      default -> {
        // a later version's state: ignored
      }
    }
  }

  /**
   * Reads the journal {@code syncId} of the Maildir at {@code root} without locking, creating or
   * repairing anything (for a dry run); empty when there is none.
   *
   * @throws InetkitException when the journal is unreadable
   */
  public static Optional<SyncJournal> read(Path root, String syncId) throws InetkitException {
    Path file = root.resolve(".inetkit-sync").resolve(syncId + ".journal");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8);
      content = content.substring(0, content.lastIndexOf('\n') + 1);
      int nl = content.indexOf('\n');
      if (nl < 0 || !content.startsWith(MAGIC)) {
        throw new InetkitException("not an inetkit sync journal: " + file, null, null);
      }
      SyncJournal journal =
          new SyncJournal(root, file, null, null, content.substring(MAGIC.length(), nl));
      journal.load(content.substring(nl + 1), false);
      return Optional.of(journal);
    } catch (IOException e) {
      if (e instanceof InetkitException ie) {
        throw ie;
      }
      throw new InetkitException("cannot read sync journal " + file + ": " + e, null, e);
    }
  }

  private void remember(String key, String name) {
    names.put(key, name);
    if (!key.isEmpty() && key.length() < 19 && allDigits(key)) {
      highestNumericKey = Math.max(highestNumericKey, Long.parseLong(key));
    }
  }

  private static boolean allDigits(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Returns the validity the journal was created with (IMAP UIDVALIDITY, or "" for POP3). */
  public String validity() {
    return validity;
  }

  /** Returns whether the message with {@code key} already has a durable local file. */
  public boolean contains(String key) {
    return names.containsKey(key);
  }

  /** Returns how many keys are recorded. */
  public int size() {
    return names.size();
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
    recordAll(List.of(new Entry(key, fileName)));
  }

  /** A message key and the base name of its file. */
  public record Entry(String key, String fileName) {
    /** Rejects keys and names that would break the line format. */
    public Entry {
      for (String s : new String[] {key, fileName}) {
        if (s.isEmpty() || s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
          throw new IllegalArgumentException("empty, or with tab or line break: " + s);
        }
      }
    }
  }

  /**
   * Records that every entry's file is durably in {@code tmp/}, with one write and one fsync;
   * returns once the lines are on disk. The caller renames the files afterwards.
   */
  public void recordAll(List<Entry> entries) throws IOException {
    if (entries.isEmpty()) {
      return;
    }
    StringBuilder lines = new StringBuilder();
    for (Entry e : entries) {
      lines.append(e.key()).append('\t').append(e.fileName()).append('\n');
    }
    append(lines.toString());
    for (Entry e : entries) {
      remember(e.key(), e.fileName());
    }
  }

  /**
   * Records that the messages {@code keys} were expunged on the server: with {@code removed} their
   * local files are gone (deleted, durably, by the caller first), else they stay. One fsync.
   */
  public void recordExpunged(Collection<String> keys, boolean removed) throws IOException {
    if (keys.isEmpty()) {
      return;
    }
    StringBuilder lines = new StringBuilder();
    for (String key : keys) {
      lines.append(removed ? "\tremoved\t" : "\tgone\t").append(key).append('\n');
    }
    append(lines.toString());
    for (String key : keys) {
      if (removed) {
        names.remove(key);
        gone.remove(key);
      } else {
        gone.add(key);
      }
    }
  }

  /** Records the folder's HIGHESTMODSEQ once every change up to it is applied locally. */
  public void recordModSeq(long value) throws IOException {
    if (value != modSeq) {
      append("\tmodseq\t" + value + "\n");
      modSeq = value;
    }
  }

  /** Returns the last recorded HIGHESTMODSEQ, or 0. */
  public long modSeq() {
    return modSeq;
  }

  /** Returns the base file name recorded for {@code key}, or null. */
  public String fileName(String key) {
    return names.get(key);
  }

  /** Returns whether {@code key} was recorded as expunged on the server with its copy kept. */
  public boolean isGone(String key) {
    return gone.contains(key);
  }

  /** Returns the recorded keys that are not known to be expunged on the server. */
  public List<String> liveKeys() {
    List<String> live = new ArrayList<>();
    for (String key : names.keySet()) {
      if (!gone.contains(key)) {
        live.add(key);
      }
    }
    return live;
  }

  private void append(String text) throws IOException {
    if (channel == null) {
      throw new IllegalStateException("a journal read for a dry run is read-only");
    }
    write(channel, text);
    channel.force(true);
  }

  /** Releases the lock and closes the file. */
  @Override
  public void close() throws IOException {
    if (channel == null) {
      return;
    }
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
