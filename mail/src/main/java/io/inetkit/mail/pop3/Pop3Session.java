package io.inetkit.mail.pop3;

import io.inetkit.core.InetkitException;
import io.inetkit.core.ProgressListener;
import io.inetkit.core.internal.Inputs;
import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.Maildir;
import io.inetkit.mail.SyncResult;
import io.inetkit.mail.internal.LocalAttachments;
import io.inetkit.mail.internal.MaildirSync;
import io.inetkit.mail.internal.SafeFiles;
import io.inetkit.mail.internal.SyncIds;
import io.inetkit.mail.internal.SyncJournal;
import io.inetkit.mail.pop3.internal.Pop3Connection;
import io.inetkit.mail.pop3.internal.Pop3Listing;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
  private final Pop3Connection conn;
  private final Pop3Listing listing;

  Pop3Session(Pop3Client client) throws InetkitException {
    this.client = client;
    this.conn = Pop3Connection.open(client);
    this.listing = new Pop3Listing(conn);
  }

  /**
   * {@return the server's capabilities (CAPA), one per line: the name upper-case, then its
   * arguments as the server sent them: {@code TOP}, {@code UIDL}, {@code SASL PLAIN LOGIN}, …}
   *
   * @throws InetkitException when CAPA fails
   */
  public Set<String> capabilities() throws InetkitException {
    return conn.capabilities();
  }

  /**
   * {@return the number of messages and their total size (STAT)}
   *
   * @throws InetkitException when STAT fails
   */
  public Pop3Status stat() throws InetkitException {
    return conn.stat();
  }

  /**
   * Lists every message with unique id (UIDL) and size (LIST): two commands in all, read line by
   * line as they arrive. Holds every message (about 150 bytes each; the mailbox has at most {@link
   * Pop3Client#maxMessages()}); {@link #list(int)} holds only the newest few.
   *
   * @return the messages, in mailbox order
   * @throws io.inetkit.core.ConnectionClosedException when a listing ends early (never a list with
   *     sizes or ids missing)
   * @throws io.inetkit.core.ProtocolViolationException when a listing line is malformed or a
   *     message has no line
   */
  public List<Pop3Message> list() throws InetkitException {
    return conn.call("LIST/UIDL", () -> listing.newest(conn.count()));
  }

  /**
   * Lists the newest {@code n} messages (the highest numbers) with size and UIDL, oldest first.
   * Memory is O(n) whatever the mailbox holds: LIST and UIDL are read line by line and only the
   * lines of these messages are kept.
   *
   * @param n how many messages, at least 1
   * @return the newest messages, oldest first (all of them when the mailbox holds fewer)
   * @throws InetkitException when LIST or UIDL fails
   */
  public List<Pop3Message> list(int n) throws InetkitException {
    Inputs.requireRange("n", n, 1, Integer.MAX_VALUE);
    return conn.call("LIST/UIDL", () -> listing.newest(n));
  }

  /**
   * {@return the header section of a message (TOP n 0), decoded as ISO-8859-1}
   *
   * @param uidl the message's unique id
   * @throws io.inetkit.core.LimitExceededException when the server's reply to TOP is longer than
   *     {@link #MAX_HEADER_BYTES} (Angus Mail reads it whole into memory, so it is counted as it
   *     arrives); the connection is closed at once, without QUIT, so no deletion is committed
   */
  public String headers(String uidl) throws InetkitException {
    return conn.call("TOP " + uidl, () -> conn.top(listing.find(uidl).number(), MAX_HEADER_BYTES));
  }

  /**
   * Streams a message (RETR) to {@code out} as it arrives, never holding it in memory; {@code out}
   * is not closed.
   *
   * @param uidl the message's unique id
   * @param out receives the raw message; not closed
   * @param progress told the bytes written so far
   * @return the number of bytes written
   * @throws InetkitException when the message is missing or RETR or the write fails
   */
  public long download(String uidl, OutputStream out, ProgressListener progress)
      throws InetkitException {
    Objects.requireNonNull(out, "out");
    return conn.call(
        "RETR " + uidl,
        () -> {
          Pop3Message m = listing.find(uidl); // its size from LIST: getSize() would cost a TOP
          return conn.retr(m.number(), uidl, m.size(), out, progress);
        });
  }

  /**
   * Streams a message to {@code out}.
   *
   * @param uidl the message's unique id
   * @param out receives the raw message; not closed
   * @return the number of bytes written
   * @throws InetkitException when the message is missing or RETR or the write fails
   */
  public long download(String uidl, OutputStream out) throws InetkitException {
    return download(uidl, out, ProgressListener.NONE);
  }

  /**
   * Downloads a message to {@code target} via a temporary file renamed when complete.
   *
   * @param uidl the message's unique id
   * @param target the file to write (replaced if it exists)
   * @return the number of bytes written
   * @throws InetkitException when the message is missing, RETR fails or the file cannot be written
   */
  public long download(String uidl, Path target) throws InetkitException {
    Objects.requireNonNull(target, "target");
    long[] n = new long[1];
    conn.call(
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
   * @param uidl the message's unique id
   * @param directory where the files go
   * @return the files written, in part order
   * @throws InetkitException when the message is missing, RETR fails or a file cannot be written
   */
  public List<Path> saveAttachments(String uidl, Path directory) throws InetkitException {
    Objects.requireNonNull(directory, "directory");
    return conn.call(
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

  /**
   * Marks a message for deletion; the server deletes it at QUIT ({@link #close()}).
   *
   * @param uidl the message's unique id
   * @throws InetkitException when the message is missing or DELE fails
   */
  public void delete(String uidl) throws InetkitException {
    conn.call(
        "DELE " + uidl,
        () -> {
          conn.markDeleted(listing.find(uidl).number());
          return null;
        });
  }

  /**
   * Copies every message whose UIDL the Maildir's sync state does not know into {@code maildir};
   * with {@link AfterDownload#DELETE_FROM_SERVER}, marks for deletion the messages whose files are
   * durable and commits with QUIT, ending this session.
   *
   * @param maildir the local Maildir
   * @param after whether to keep or delete the server copies
   * @return what this run downloaded, found already synced and deleted
   * @throws InetkitException when a command or a local file write fails
   */
  public SyncResult syncTo(Maildir maildir, AfterDownload after) throws InetkitException {
    Objects.requireNonNull(maildir, "maildir");
    Objects.requireNonNull(after, "after");
    List<Pop3Message> messages = list();
    return conn.call(
        "sync to " + maildir,
        () -> {
          String id = SyncIds.of("pop3", client.credentials().user(), conn.endpoint(), "INBOX");
          try (SyncJournal journal = SyncJournal.open(maildir.root(), id, "")) {
            List<String> keys = messages.stream().map(Pop3Message::uidl).toList();
            return MaildirSync.run(maildir.root(), journal, keys, syncSource(), after);
          }
        });
  }

  private MaildirSync.Source syncSource() {
    return new MaildirSync.Source() {
      @Override
      public long download(String key, OutputStream out) throws IOException {
        conn.sockets().startOperation(client.timeouts().overall()); // each message is one
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
    };
  }

  /**
   * Ends the session with QUIT, which makes the server delete the marked messages. Throws if the
   * DELE commands fail; after a dropped connection nothing was deleted.
   *
   * @throws InetkitException when a DELE or QUIT fails
   */
  public void commit() throws InetkitException {
    if (!conn.isClosed()) {
      conn.commit();
    }
  }

  /** Ends the session: QUIT (committing deletions). Idempotent; never throws. */
  @Override
  public void close() {
    conn.close();
  }
}
