package io.inetkit.mail;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.Inputs;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProgressListener;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.Reply;
import io.inetkit.core.internal.ProgressTracker;
import io.inetkit.mail.internal.GuardedSockets;
import io.inetkit.mail.internal.LocalAttachments;
import io.inetkit.mail.internal.MailLimits;
import io.inetkit.mail.internal.MaildirSync;
import io.inetkit.mail.internal.AngusProtocol;
import io.inetkit.mail.internal.CleartextLogins;
import io.inetkit.mail.internal.MailExceptions;
import io.inetkit.mail.internal.SafeFiles;
import io.inetkit.mail.internal.SyncJournal;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
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
 * One POP3 connection ({@link Pop3Client#open()}). Messages are addressed by UIDL. {@link
 * #delete} only marks: the server removes marked messages when {@link #close()} ends the
 * session with QUIT (the POP3 commit); a connection that drops before that deletes nothing.
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
  private Map<String, Pop3Message> byUidl;
  private boolean closed;
  private int depth;

  Pop3Session(Pop3Client client) throws InetkitException {
    this.client = client;
    this.endpoint = client.endpoint();
    this.sockets =
        new GuardedSockets(
            endpoint, client.tlsMode(), client.trust(), client.timeouts(), client.events(),
            MailLimits.pop3(client.maxLineLength()));
    Properties p = sockets.properties(AngusProtocol.POP3, client.credentials());
    // RETR streams straight into the caller's stream (POP3Message.writeTo), never cached
    p.setProperty("mail.pop3.filecache.enable", "false");
    p.setProperty("mail.pop3.cachewriteto", "false");
    p.setProperty("mail.pop3.keepmessagecontent", "false");
    CleartextLogins.apply(
        p, AngusProtocol.POP3, client.tlsMode(), client.plaintextLogin(), client.credentials(), endpoint);
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
          try {
            store.connect(endpoint.host(), endpoint.port(), c.user(), c.secretAsString());
            inbox = (POP3Folder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
          } catch (MessagingException e) {
            InetkitException guard = sockets.takeGuardFailure();
            InetkitException failure =
                guard != null
                    ? guard
                    : MailExceptions.translateAny(e, "login as " + c.user(), AngusProtocol.POP3, endpoint, client.timeouts());
            failure = CleartextLogins.explain(failure, client.tlsMode(), "login as " + c.user(), endpoint);
            client.events().authFailed(endpoint, c.user(), failure);
            Connectors.closeQuietly(store);
            throw failure;
          }
          client.events().authEnd(endpoint, c.user());
          return null;
        });
  }

  /** Returns the server's capabilities (CAPA), upper-case names: {@code TOP}, {@code UIDL}, …. */
  public Set<String> capabilities() throws InetkitException {
    return call("CAPA", () -> {
      Set<String> result = new TreeSet<>();
      store.capabilities().keySet().forEach(k -> result.add(k.toUpperCase(Locale.ROOT)));
      return Set.copyOf(result);
    });
  }

  /** Returns the number of messages and their total size (STAT). */
  public Pop3Status stat() throws InetkitException {
    return call("STAT", () -> new Pop3Status(inbox.getMessageCount(), inbox.getSize()));
  }

  /** Lists every message with size (LIST) and unique id (UIDL): two commands in all. */
  public List<Pop3Message> list() throws InetkitException {
    return call(
        "LIST/UIDL",
        () -> {
          int count = inbox.getMessageCount();
          // not inbox.getMessages(): Folder's version checks isOpen(), which costs a NOOP round trip
          Message[] messages = new Message[count];
          for (int i = 0; i < count; i++) {
            messages[i] = inbox.getMessage(i + 1);
          }
          FetchProfile fp = new FetchProfile();
          fp.add(UIDFolder.FetchProfileItem.UID);
          inbox.fetch(messages, fp);
          int[] sizes = inbox.getSizes();
          List<Pop3Message> result = new ArrayList<>(count);
          Map<String, Pop3Message> index = new HashMap<>();
          for (int i = 0; i < count; i++) {
            String uidl = inbox.getUID(messages[i]);
            if (uidl == null) {
              throw new ProtocolReplyException(
                  "UIDL", endpoint, new Reply("-ERR", "the server does not support UIDL", Reply.Kind.PERMANENT_NEGATIVE), null);
            }
            Pop3Message m = new Pop3Message(i + 1, sizes[i], uidl);
            result.add(m);
            index.put(uidl, m);
          }
          byUidl = index;
          return List.copyOf(result);
        });
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
   * Streams a message (RETR) to {@code out} as it arrives, never holding it in memory; {@code
   * out} is not closed.
   *
   * @return the number of bytes written
   */
  public long download(String uidl, OutputStream out, ProgressListener progress) throws InetkitException {
    Objects.requireNonNull(out, "out");
    return call(
        "RETR " + uidl,
        () -> {
          POP3Message m = message(uidl);
          long size = byUidl.get(uidl).size(); // from LIST: POP3Message.getSize() would cost a TOP
          ProgressTracker tracker = new ProgressTracker(uidl, size, progress, client.events(), endpoint);
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
    call("RETR " + uidl + " to " + target, () -> {
      SafeFiles.writeAtomically(target, out -> n[0] = download(uidl, out));
      return null;
    });
    return n[0];
  }

  /**
   * Saves every attachment of a message into {@code directory}, decoded, as {@link
   * ImapSession#saveAttachments} does: POP3 has no BODYSTRUCTURE, so the message is downloaded
   * (RETR) into a private temporary file in {@code directory}, its MIME structure read from there
   * (never the whole message in memory), and the file deleted afterwards. File names are
   * sanitised ({@code ../../x} lands as {@code x}); clashes get {@code name (2).ext}.
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
    call("DELE " + uidl, () -> {
      message(uidl).setFlag(Flags.Flag.DELETED, true);
      return null;
    });
  }

  /**
   * Copies every message whose UIDL the Maildir's sync state does not know into {@code maildir};
   * with {@link AfterDownload#DELETE_FROM_SERVER}, marks for deletion the messages whose files
   * are durable and commits with QUIT, ending this session.
   */
  public SyncResult syncTo(Maildir maildir, AfterDownload after) throws InetkitException {
    Objects.requireNonNull(maildir, "maildir");
    Objects.requireNonNull(after, "after");
    List<Pop3Message> messages = list();
    return call(
        "sync to " + maildir,
        () -> {
          String id = ImapSession.syncId("pop3", client.credentials().user(), endpoint, "INBOX");
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
    call("DELE/QUIT", () -> {
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
    }
  }

  private POP3Message message(String uidl) throws MessagingException, InetkitException {
    Inputs.requireToken("uidl", uidl, 70);
    if (byUidl == null) {
      list();
    }
    Pop3Message known = byUidl.get(uidl);
    if (known == null) {
      throw new NotFoundException(
          "UIDL " + uidl, endpoint, new Reply("-ERR", "no message with UIDL " + uidl, Reply.Kind.PERMANENT_NEGATIVE), null);
    }
    return (POP3Message) inbox.getMessage(known.number());
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
      sockets.startOperation(client.timeouts().overall());
    }
    try {
      return op.run();
    } catch (InetkitException e) {
      throw e;
    } catch (MessagingException | IOException e) {
      InetkitException guard = sockets.takeGuardFailure();
      if (guard != null) {
        throw guard;
      }
      throw MailExceptions.translateAny(e, what, AngusProtocol.POP3, endpoint, client.timeouts());
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
