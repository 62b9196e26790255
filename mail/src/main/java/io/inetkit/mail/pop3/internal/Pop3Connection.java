package io.inetkit.mail.pop3.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.ProgressListener;
import io.inetkit.core.internal.ProgressTracker;
import io.inetkit.mail.internal.AngusProtocol;
import io.inetkit.mail.internal.CleartextLogins;
import io.inetkit.mail.internal.Connectors;
import io.inetkit.mail.internal.GuardedSockets;
import io.inetkit.mail.internal.MailLimits;
import io.inetkit.mail.internal.Pop3Wire;
import io.inetkit.mail.internal.ReaderSession;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Status;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Message;
import org.eclipse.angus.mail.pop3.POP3Store;

/**
 * One logged-in POP3 connection through Angus Mail's {@link POP3Store}: the command layer under
 * {@link io.inetkit.mail.pop3.Pop3Session}. Every operation runs through the reading side's one
 * boundary ({@link ReaderSession#call}); listings are read by inetkit itself ({@link Pop3Wire}).
 */
public final class Pop3Connection {
  private final Pop3Client client;
  private final ReaderSession reader;
  private final POP3Store store;
  private POP3Folder inbox;

  private Pop3Connection(Pop3Client client, ReaderSession reader, POP3Store store) {
    this.client = client;
    this.reader = reader;
    this.store = store;
  }

  /** Connects, logs in as {@code client} says and opens the mailbox. */
  public static Pop3Connection open(Pop3Client client) throws InetkitException {
    GuardedSockets sockets =
        new GuardedSockets(
            client.endpoint(),
            client.tlsMode(),
            client.trust(),
            client.timeouts(),
            client.eventListener(),
            MailLimits.pop3(client.maxLineLength()),
            client.proxy());
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
        client.endpoint());
    POP3Store store;
    try {
      store = (POP3Store) Session.getInstance(p).getStore("pop3");
    } catch (MessagingException e) {
      throw new IllegalStateException("Angus Mail POP3 provider missing", e);
    }
    ReaderSession reader =
        new ReaderSession(sockets, AngusProtocol.POP3, client.timeouts(), client.eventListener());
    Pop3Connection conn = new Pop3Connection(client, reader, store);
    // Angus holds each reply whole (a multi-line CAPA, untagged lines): bound them all
    reader.login(
        store,
        client.credentials(),
        client.tlsMode(),
        MailLimits.loginReplyBytes(client.maxLineLength()),
        "the greeting, CAPA and login",
        () -> {
          conn.requireBoundedMailbox();
          conn.inbox = (POP3Folder) store.getFolder("INBOX");
          conn.inbox.open(Folder.READ_WRITE);
          return null;
        },
        true);
    return conn;
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
          endpoint(),
          client.maxMessages());
    }
  }

  /** Runs {@code op} at the reading side's one boundary; see {@link ReaderSession#call}. */
  public <T> T call(String what, ReaderSession.Op<T> op) throws InetkitException {
    return reader.call(what, op);
  }

  /** Returns the server's endpoint. */
  public Endpoint endpoint() {
    return client.endpoint();
  }

  /** Returns the guarded sockets under the connection. */
  public GuardedSockets sockets() {
    return reader.sockets();
  }

  /** Returns a reader of listings on the connection, between two of Angus's commands. */
  public Pop3Wire wire() {
    return new Pop3Wire(reader.sockets().connection(), endpoint(), client.maxLineLength());
  }

  /** Returns the server's capabilities (CAPA), one per line, the name upper-case. */
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

  /** Returns the number of messages, as STAT said when the mailbox opened. */
  public int count() throws MessagingException {
    return inbox.getMessageCount();
  }

  /** Returns the header section of message {@code number} (TOP n 0), at most {@code max} bytes. */
  public String top(int number, int max) throws MessagingException, IOException {
    POP3Message m = (POP3Message) inbox.getMessage(number);
    reader.sockets().limitReply(max, "TOP");
    try (InputStream in = m.top(0)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Streams message {@code number} (RETR) of {@code size} bytes (from LIST) to {@code out}; returns
   * the byte count.
   */
  public long retr(int number, String uidl, long size, OutputStream out, ProgressListener progress)
      throws MessagingException, IOException {
    POP3Message m = (POP3Message) inbox.getMessage(number);
    ProgressTracker tracker =
        new ProgressTracker(uidl, size, progress, client.eventListener(), endpoint());
    CountingStream counting = new CountingStream(out, tracker, size);
    m.writeTo(counting);
    counting.flush();
    tracker.finish();
    m.invalidate(true);
    return counting.count();
  }

  /** Marks message {@code number} for deletion (DELE, sent at QUIT). */
  public void markDeleted(int number) throws MessagingException {
    inbox.getMessage(number).setFlag(Flags.Flag.DELETED, true);
  }

  /** Returns whether the session ended. */
  public boolean isClosed() {
    return reader.isClosed();
  }

  /** Ends the session with QUIT, committing deletions. */
  public void commit() throws InetkitException {
    call(
        "DELE/QUIT",
        () -> {
          reader.markClosed();
          try {
            inbox.close(true);
          } finally {
            store.close();
            client.eventListener().closed(endpoint());
          }
          return null;
        });
  }

  /** Ends the session: QUIT when still open (committing deletions). Never throws. */
  public void close() {
    if (reader.isClosed()) {
      return;
    }
    try {
      commit();
    } catch (InetkitException e) {
      Connectors.closeQuietly(store);
    } finally {
      reader.markClosed();
      reader.sockets().close();
    }
  }
}
