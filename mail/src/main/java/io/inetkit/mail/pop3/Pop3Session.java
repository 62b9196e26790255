package io.inetkit.mail.pop3;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.Inputs;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProgressListener;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Reply;
import io.inetkit.core.internal.ProgressTracker;
import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.Maildir;
import io.inetkit.mail.SyncResult;
import io.inetkit.mail.internal.AngusProtocol;
import io.inetkit.mail.internal.CleartextLogins;
import io.inetkit.mail.internal.Connectors;
import io.inetkit.mail.internal.GuardedSockets;
import io.inetkit.mail.internal.LocalAttachments;
import io.inetkit.mail.internal.MailExceptions;
import io.inetkit.mail.internal.MailLimits;
import io.inetkit.mail.internal.MaildirSync;
import io.inetkit.mail.internal.Pop3Wire;
import io.inetkit.mail.internal.SafeFiles;
import io.inetkit.mail.internal.SyncIds;
import io.inetkit.mail.internal.SyncJournal;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Message;
import org.eclipse.angus.mail.pop3.POP3Store;

/**
 * One POP3 connection ({@link Pop3Client#open()}). Messages are addressed by UIDL. {@link #delete}
 * only marks: the server removes marked messages when {@link #close()} ends the session with QUIT
 * (the POP3 commit); a connection that drops before that deletes nothing.
 *
 * <pre>{@code
 * try (Pop3Session pop3 = client.open()) {
 *   for (Pop3Message m : pop3.list()) {
 *     System.out.println(pop3.headers(m.uidl()).lines().filter(l -> l.startsWith("Subject:")).findFirst());
 *     pop3.download(m.uidl(), Path.of("mail", m.uidl() + ".eml"));
 *     pop3.delete(m.uidl());
 *   }
 * } // QUIT: the deletions happen now
 * }</pre>
 */
public final class Pop3Session implements Closeable {
  /** The longest reply to TOP (status line and headers) {@link #headers} accepts: 1 MiB. */
  public static final int MAX_HEADER_BYTES = 1024 * 1024;

  private final Pop3Client client;
  private final Endpoint endpoint;
  private final GuardedSockets sockets;
  private final POP3Store store;
  private POP3Folder inbox;

  /** The messages a listing or a lookup named so far, by UIDL. */
  private final Map<String, Pop3Message> known = new HashMap<>();

  private boolean closed;
  private int depth;

  Pop3Session(Pop3Client client) throws InetkitException {
    this.client = client;
    this.endpoint = client.endpoint();
    this.sockets =
        new GuardedSockets(
            endpoint,
            client.tlsMode(),
            client.trust(),
            client.timeouts(),
            client.events(),
            MailLimits.pop3(client.maxLineLength()));
    Properties p = sockets.properties(AngusProtocol.POP3, client.credentials());
    // RETR streams straight into the caller's stream (POP3Message.writeTo), never cached
    p.setProperty("mail.pop3.filecache.enable", "false");
    p.setProperty("mail.pop3.cachewriteto", "false");
    p.setProperty("mail.pop3.keepmessagecontent", "false");
    CleartextLogins.apply(
        p,
        AngusProtocol.POP3,
        client.tlsMode(),
        client.plaintextLogin(),
        client.credentials(),
        endpoint);
    Session session = Session.getInstance(p);
    try {
      this.store = (POP3Store) session.getStore("pop3");
    } catch (MessagingException e) {
      throw new IllegalStateException("Angus Mail POP3 provider missing", e);
    }
    Credentials c = client.credentials();
    call(
        "login as " + c.user(),
        () -> {
          client.events().authStart(endpoint, c.user(), c.kind().name());
          // Angus holds each reply whole (a multi-line CAPA, untagged lines): bound them all
          sockets.limitReply(
              MailLimits.loginReplyBytes(client.maxLineLength()), "the greeting, CAPA and login");
          try {
            store.connect(endpoint.host(), endpoint.port(), c.user(), c.secretAsString());
            requireBoundedMailbox();
            inbox = (POP3Folder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
          } catch (MessagingException | RuntimeException e) {
            if (e instanceof RuntimeException r && !MailExceptions.fromMailLibrary(r)) {
              throw r;
            }
            InetkitException failure =
                sockets.failure(e, "login as " + c.user(), AngusProtocol.POP3);
            failure =
                CleartextLogins.explain(
                    failure, client.tlsMode(), "login as " + c.user(), endpoint);
            client.events().authFailed(endpoint, c.user(), failure);
            Connectors.closeQuietly(store);
            throw failure;
          }
          client.events().authEnd(endpoint, c.user());
          return null;
        });
  }

  /**
   * Returns the server's capabilities (CAPA), one per line: the name upper-case, then its arguments
   * as the server sent them: {@code TOP}, {@code UIDL}, {@code SASL PLAIN LOGIN}, ….
   */
  public Set<String> capabilities() throws InetkitException {
    return call(
        "CAPA",
        () -> {
          Set<String> result = new TreeSet<>();
          store
              .capabilities()
              .forEach(
                  (name, line) -> {
                    String upper = name.toUpperCase(Locale.ROOT);
                    String args = line == null ? "" : line.strip();
                    int space = args.indexOf(' ');
                    result.add(space < 0 ? upper : upper + " " + args.substring(space + 1).strip());
                  });
          return Set.copyOf(result);
        });
  }

  /** Returns the number of messages and their total size (STAT). */
  public Pop3Status stat() throws InetkitException {
    return call("STAT", () -> new Pop3Status(inbox.getMessageCount(), inbox.getSize()));
  }

  /**
   * Lists every message with unique id (UIDL) and size (LIST): two commands in all, read line by
   * line as they arrive. Holds every message (about 150 bytes each; the mailbox has at most {@link
   * Pop3Client#maxMessages()}); {@link #list(int)} holds only the newest few.
   *
   * @throws io.inetkit.core.ConnectionClosedException when a listing ends early (never a list with
   *     sizes or ids missing)
   * @throws io.inetkit.core.ProtocolViolationException when a listing line is malformed or a
   *     message has no line
   */
  public List<Pop3Message> list() throws InetkitException {
    return call("LIST/UIDL", () -> newest(inbox.getMessageCount()));
  }

  /**
   * Lists the newest {@code n} messages (the highest numbers) with size and UIDL, oldest first.
   * Memory is O(n) whatever the mailbox holds: LIST and UIDL are read line by line and only the
   * lines of these messages are kept.
   */
  public List<Pop3Message> list(int n) throws InetkitException {
    Inputs.requireRange("n", n, 1, Integer.MAX_VALUE);
    return call("LIST/UIDL", () -> newest(n));
  }

  private List<Pop3Message> newest(int n) throws IOException, MessagingException {
    int count = inbox.getMessageCount(); // STAT's count, kept by Angus since the folder opened
    int first = Math.max(1, count - n + 1);
    int k = count - first + 1;
    long[] sizes = new long[k];
    java.util.Arrays.fill(sizes, -1);
    String[] uidls = new String[k];
    Pop3Wire wire = wire();
    try {
      wire.listing(
          "UIDL",
          line -> {
            String[] f = fields(line, "UIDL");
            int i = number(f[0], line, "UIDL") - first;
            if (i >= 0 && i < k) {
              uidls[i] = f[1];
            }
          });
    } catch (ProtocolReplyException e) {
      throw new ProtocolReplyException(
          "UIDL",
          endpoint,
          new Reply(
              "-ERR",
              "the server does not support UIDL: " + e.reply().text(),
              Reply.Kind.PERMANENT_NEGATIVE),
          e);
    }
    wire.listing(
        "LIST",
        line -> {
          String[] f = fields(line, "LIST");
          int i = number(f[0], line, "LIST") - first;
          if (i >= 0 && i < k) {
            sizes[i] = size(f[1], line);
          }
        });
    List<Pop3Message> result = new ArrayList<>(k);
    known.clear();
    for (int i = 0; i < k; i++) {
      if (sizes[i] < 0 || uidls[i] == null) {
        throw new ProtocolViolationException(
            (sizes[i] < 0 ? "LIST" : "UIDL")
                + " has no line for message "
                + (first + i)
                + " of "
                + count,
            endpoint,
            null);
      }
      Pop3Message m = new Pop3Message(first + i, sizes[i], uidls[i]);
      result.add(m);
      known.put(m.uidl(), m);
    }
    return List.copyOf(result);
  }

  /**
   * Splits a listing line into message number and value (what follows the value is ignored); no
   * regular expression: this runs once per line of listings millions of lines long.
   */
  private String[] fields(String line, String command) throws ProtocolViolationException {
    String t = line.strip();
    int space = t.indexOf(' ');
    if (space <= 0) {
      throw malformed(command, line);
    }
    int start = space + 1;
    while (start < t.length() && t.charAt(start) == ' ') {
      start++;
    }
    int end = t.indexOf(' ', start);
    String value = t.substring(start, end < 0 ? t.length() : end);
    if (value.isEmpty()) {
      throw malformed(command, line);
    }
    return new String[] {t.substring(0, space), value};
  }

  private int number(String text, String line, String command) throws ProtocolViolationException {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw malformed(command, line);
    }
  }

  private long size(String text, String line) throws ProtocolViolationException {
    try {
      long size = Long.parseLong(text);
      if (size >= 0) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw malformed("LIST", line);
  }

  private ProtocolViolationException malformed(String command, String line) {
    return new ProtocolViolationException(
        command + ": malformed listing line: " + Inputs.quote(line), endpoint, null);
  }

  /**
   * STAT on the logged-in connection before Angus opens the folder (and allocates a slot per
   * announced message): more than {@link Pop3Client#maxMessages()} fails here.
   */
  private void requireBoundedMailbox() throws IOException {
    long count = wire().stat();
    if (count > client.maxMessages()) {
      Connectors.closeQuietly(store);
      throw new LimitExceededException(
          "STAT: the server announces "
              + count
              + " messages, more than this client accepts"
              + " (Pop3Client.Builder.maxMessages, CLI --max-messages)",
          endpoint,
          client.maxMessages());
    }
  }

  private Pop3Wire wire() {
    return new Pop3Wire(sockets.connection(), endpoint, client.maxLineLength());
  }

  /**
   * Returns the header section of a message (TOP n 0), decoded as ISO-8859-1.
   *
   * @throws io.inetkit.core.LimitExceededException when the server's reply to TOP is longer than
   *     {@link #MAX_HEADER_BYTES} (Angus Mail reads it whole into memory, so it is counted as it
   *     arrives); the connection is closed at once, without QUIT, so no deletion is committed
   */
  public String headers(String uidl) throws InetkitException {
    return call(
        "TOP " + uidl,
        () -> {
          POP3Message m = message(uidl);
          sockets.limitReply(MAX_HEADER_BYTES, "TOP");
          try (InputStream in = m.top(0)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
          }
        });
  }

  /**
   * Streams a message (RETR) to {@code out} as it arrives, never holding it in memory; {@code out}
   * is not closed.
   *
   * @return the number of bytes written
   */
  public long download(String uidl, OutputStream out, ProgressListener progress)
      throws InetkitException {
    Objects.requireNonNull(out, "out");
    return call(
        "RETR " + uidl,
        () -> {
          POP3Message m = message(uidl);
          long size = known.get(uidl).size(); // from LIST: POP3Message.getSize() would cost a TOP
          ProgressTracker tracker =
              new ProgressTracker(uidl, size, progress, client.events(), endpoint);
          CountingStream counting = new CountingStream(out, tracker, size);
          m.writeTo(counting);
          counting.flush();
          tracker.finish();
          m.invalidate(true);
          return counting.count;
        });
  }

  /** Streams a message to {@code out}. */
  public long download(String uidl, OutputStream out) throws InetkitException {
    return download(uidl, out, ProgressListener.NONE);
  }

  /** Downloads a message to {@code target} via a temporary file renamed when complete. */
  public long download(String uidl, Path target) throws InetkitException {
    Objects.requireNonNull(target, "target");
    long[] n = new long[1];
    call(
        "RETR " + uidl + " to " + target,
        () -> {
          SafeFiles.writeAtomically(target, out -> n[0] = download(uidl, out));
          return null;
        });
    return n[0];
  }

  /**
   * Saves every attachment of a message into {@code directory}, decoded, as {@link
   * io.inetkit.mail.imap.ImapSession#saveAttachments} does: POP3 has no BODYSTRUCTURE, so the
   * message is downloaded (RETR) into a private temporary file in {@code directory}, its MIME
   * structure read from there (never the whole message in memory), and the file deleted afterwards.
   * File names are sanitised ({@code ../../x} lands as {@code x}); clashes get {@code name
   * (2).ext}.
   *
   * @return the files written, in part order
   */
  public List<Path> saveAttachments(String uidl, Path directory) throws InetkitException {
    Objects.requireNonNull(directory, "directory");
    return call(
        "save attachments of " + uidl,
        () -> {
          Files.createDirectories(directory);
          Path message = Files.createTempFile(directory, ".inetkit-", ".eml.part"); // 0600
          try {
            try (OutputStream out = Files.newOutputStream(message)) {
              download(uidl, out);
            }
            return LocalAttachments.save(message, directory);
          } finally {
            Files.deleteIfExists(message);
          }
        });
  }

  /** Marks a message for deletion; the server deletes it at QUIT ({@link #close()}). */
  public void delete(String uidl) throws InetkitException {
    call(
        "DELE " + uidl,
        () -> {
          message(uidl).setFlag(Flags.Flag.DELETED, true);
          return null;
        });
  }

  /**
   * Copies every message whose UIDL the Maildir's sync state does not know into {@code maildir};
   * with {@link AfterDownload#DELETE_FROM_SERVER}, marks for deletion the messages whose files are
   * durable and commits with QUIT, ending this session.
   */
  public SyncResult syncTo(Maildir maildir, AfterDownload after) throws InetkitException {
    Objects.requireNonNull(maildir, "maildir");
    Objects.requireNonNull(after, "after");
    List<Pop3Message> messages = list();
    return call(
        "sync to " + maildir,
        () -> {
          String id = SyncIds.of("pop3", client.credentials().user(), endpoint, "INBOX");
          try (SyncJournal journal = SyncJournal.open(maildir.root(), id, "")) {
            List<String> keys = messages.stream().map(Pop3Message::uidl).toList();
            return MaildirSync.run(
                maildir.root(),
                journal,
                keys,
                new MaildirSync.Source() {
                  @Override
                  public long download(String key, OutputStream out) throws IOException {
                    sockets.startOperation(client.timeouts().overall()); // each message is one
                    return Pop3Session.this.download(key, out);
                  }

                  @Override
                  public void markDeleted(List<String> keys) throws IOException {
                    for (String key : keys) {
                      delete(key);
                    }
                  }

                  @Override
                  public void commitDeletes() throws IOException {
                    commit();
                  }
                },
                after);
          }
        });
  }

  /**
   * Ends the session with QUIT, which makes the server delete the marked messages. Throws if the
   * DELE commands fail; after a dropped connection nothing was deleted.
   */
  public void commit() throws InetkitException {
    if (closed) {
      return;
    }
    call(
        "DELE/QUIT",
        () -> {
          closed = true;
          try {
            inbox.close(true);
          } finally {
            store.close();
            client.events().closed(endpoint);
          }
          return null;
        });
  }

  /** Ends the session: QUIT (committing deletions). Idempotent; never throws. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      commit();
    } catch (InetkitException e) {
      Connectors.closeQuietly(store);
    } finally {
      closed = true;
      sockets.close();
    }
  }

  private POP3Message message(String uidl) throws MessagingException, IOException {
    Inputs.requireToken("uidl", uidl, 70);
    Pop3Message m = known.get(uidl);
    if (m == null) {
      m = lookUp(uidl);
      known.put(uidl, m);
    }
    return (POP3Message) inbox.getMessage(m.number());
  }

  /**
   * Finds a message no listing named yet: streams UIDL, then LIST, keeping only the lines of the
   * match. Memory stays O(1) whatever the mailbox holds.
   */
  private Pop3Message lookUp(String uidl) throws IOException, MessagingException {
    int count = inbox.getMessageCount();
    int[] number = {0};
    Pop3Wire wire = wire();
    wire.listing(
        "UIDL",
        line -> {
          String[] f = fields(line, "UIDL");
          int n = number(f[0], line, "UIDL");
          if (number[0] == 0 && f[1].equals(uidl) && n >= 1 && n <= count) {
            number[0] = n;
          }
        });
    if (number[0] == 0) {
      throw new NotFoundException(
          "UIDL " + uidl,
          endpoint,
          new Reply("-ERR", "no message with UIDL " + uidl, Reply.Kind.PERMANENT_NEGATIVE),
          null);
    }
    long[] size = {-1};
    wire.listing(
        "LIST",
        line -> {
          String[] f = fields(line, "LIST");
          if (number(f[0], line, "LIST") == number[0]) {
            size[0] = size(f[1], line);
          }
        });
    if (size[0] < 0) {
      throw new ProtocolViolationException(
          "LIST has no line for message " + number[0] + " (UIDL " + uidl + ")", endpoint, null);
    }
    return new Pop3Message(number[0], size[0], uidl);
  }

  @FunctionalInterface
  private interface Op<T> {
    T run() throws MessagingException, IOException;
  }

  private <T> T call(String what, Op<T> op) throws InetkitException {
    if (closed) {
      throw new IllegalStateException("session is closed");
    }
    boolean outermost = depth++ == 0; // a nested call runs under the outer one's deadline
    if (outermost) {
      sockets.startOperation(client.timeouts().overall(), what);
    }
    try {
      return op.run();
    } catch (InetkitException e) {
      throw e;
    } catch (MessagingException | IOException | RuntimeException e) {
      if (e instanceof RuntimeException r && !MailExceptions.fromMailLibrary(r)) {
        throw r;
      }
      throw sockets.failure(e, what, AngusProtocol.POP3);
    } finally {
      depth--;
      if (outermost) {
        sockets.endOperation();
      }
    }
  }

  /** Counts bytes and reports progress while passing them on. */
  private static final class CountingStream extends FilterOutputStream {
    private final ProgressTracker tracker;
    private final byte[] buffer;
    private int pos;
    long count;

    /** {@code expectedSize} (from LIST) only sizes the buffer: a small message needs no 64 KiB. */
    CountingStream(OutputStream out, ProgressTracker tracker, long expectedSize) {
      super(out);
      this.tracker = tracker;
      this.buffer = new byte[(int) Math.max(1024, Math.min(64 * 1024, expectedSize + 64))];
    }

    @Override
    public void write(int b) throws IOException {
      if (pos == buffer.length) {
        drain();
      }
      buffer[pos++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      drain();
      out.write(b, off, len);
      count += len;
      tracker.add(len);
    }

    private void drain() throws IOException {
      if (pos > 0) {
        out.write(buffer, 0, pos);
        count += pos;
        tracker.add(pos);
        pos = 0;
      }
    }

    @Override
    public void flush() throws IOException {
      drain();
      out.flush();
    }
  }
}
