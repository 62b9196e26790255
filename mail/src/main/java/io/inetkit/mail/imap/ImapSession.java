package io.inetkit.mail.imap;

import io.inetkit.core.InetkitException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProgressListener;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.internal.Inputs;
import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.Flag;
import io.inetkit.mail.MailMessage;
import io.inetkit.mail.Maildir;
import io.inetkit.mail.MessagePart;
import io.inetkit.mail.SyncResult;
import io.inetkit.mail.imap.internal.ImapAppender;
import io.inetkit.mail.imap.internal.ImapChanges;
import io.inetkit.mail.imap.internal.ImapConnection;
import io.inetkit.mail.imap.internal.ImapFolders;
import io.inetkit.mail.imap.internal.ImapReader;
import io.inetkit.mail.imap.internal.ImapSync;
import io.inetkit.mail.internal.SafeFiles;
import io.inetkit.mail.smtp.SmtpClient;
import java.io.Closeable;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One IMAP4 connection ({@link ImapClient#open()}): folders, search, summaries, downloads,
 * attachments, flags, copy/move/delete, append and Maildir sync. Messages are addressed by {@link
 * MessageRef} (UID plus UIDVALIDITY), never by sequence number. Not thread-safe; close it
 * (idempotent) when done.
 *
 * <pre>{@code
 * try (ImapSession imap = client.open()) {
 *   List<MessageRef> unseen = imap.search("INBOX", SearchCriteria.unseen());
 *   for (MessageSummary m : imap.summaries(unseen)) {
 *     System.out.println(m.from() + ": " + m.subject());
 *     if (m.hasAttachments()) {
 *       imap.saveAttachments(m.ref(), Path.of("attachments"));
 *     }
 *   }
 *   imap.addFlags(unseen, Flag.SEEN);
 *   imap.move(unseen, "Archive");
 * }
 * }</pre>
 *
 * <p>Every method throws {@link InetkitException} subtypes: {@link ProtocolReplyException} with the
 * server's {@code NO}/{@code BAD} reply, {@link NotFoundException} for a missing folder or message,
 * {@link UidValidityException}, timeouts, closed connections; and {@link
 * io.inetkit.core.InvalidInputException} for a folder name, string or keyword with CR, LF or NUL
 * (before anything is sent).
 */
public final class ImapSession implements Closeable {
  private final ImapClient client;
  private final ImapConnection conn;
  private final ImapFolders folders;
  private final ImapReader reader;
  private final ImapChanges changes;
  private final ImapAppender appender;
  private final ImapSync sync;

  ImapSession(ImapClient client) throws InetkitException {
    this.client = client;
    this.conn = ImapConnection.open(client);
    this.folders = new ImapFolders(conn);
    this.reader = new ImapReader(conn);
    this.changes = new ImapChanges(conn);
    this.appender = new ImapAppender(conn);
    this.sync = new ImapSync(conn);
  }

  /**
   * {@return the server's capabilities (CAPABILITY), upper-case: {@code IMAP4REV1}, {@code IDLE},
   * {@code MOVE}, {@code UIDPLUS}, {@code AUTH=PLAIN}, …}
   *
   * @throws InetkitException when the connection fails
   */
  public Set<String> capabilities() throws InetkitException {
    return conn.capabilities();
  }

  /**
   * {@return whether the server announced {@code capability} (case-insensitive)}
   *
   * @param capability the capability name, e.g. {@code IDLE}
   * @throws InetkitException when the connection fails
   */
  public boolean hasCapability(String capability) throws InetkitException {
    Inputs.requireToken("capability", capability, 200);
    return conn.hasCapability(capability.toUpperCase(Locale.ROOT));
  }

  /**
   * Lists every folder (LIST "" "*") with its attributes and special use.
   *
   * @return the folders, in the server's order
   * @throws InetkitException when LIST fails
   */
  public List<FolderInfo> folders() throws InetkitException {
    return folders.list();
  }

  /**
   * {@return a folder's counters (STATUS), without selecting it}
   *
   * @param folder the folder name
   * @throws InetkitException when STATUS fails (a missing folder, say)
   */
  public FolderStatus status(String folder) throws InetkitException {
    return folders.status(ImapNames.folder("folder", folder));
  }

  /**
   * Creates a folder (CREATE).
   *
   * @param folder the new folder's name
   * @throws ProtocolReplyException with the server's reply when it refuses (the folder exists, say)
   */
  public void createFolder(String folder) throws InetkitException {
    folders.create(ImapNames.folder("folder", folder));
  }

  /**
   * Renames a folder (RENAME); a selected folder of that name is closed first.
   *
   * @param from the folder's current name
   * @param to its new name
   * @throws InetkitException when RENAME fails
   */
  public void renameFolder(String from, String to) throws InetkitException {
    folders.rename(ImapNames.folder("from", from), ImapNames.folder("to", to));
  }

  /**
   * Deletes a folder and the messages in it (DELETE); a selected folder of that name is closed
   * first.
   *
   * @param folder the folder name
   * @throws InetkitException when DELETE fails
   */
  public void deleteFolder(String folder) throws InetkitException {
    folders.delete(ImapNames.folder("folder", folder));
  }

  /**
   * Subscribes to a folder (SUBSCRIBE).
   *
   * @param folder the folder name
   * @throws InetkitException when SUBSCRIBE fails
   */
  public void subscribe(String folder) throws InetkitException {
    folders.subscribe(ImapNames.folder("folder", folder));
  }

  /**
   * Unsubscribes from a folder (UNSUBSCRIBE).
   *
   * @param folder the folder name
   * @throws InetkitException when UNSUBSCRIBE fails
   */
  public void unsubscribe(String folder) throws InetkitException {
    folders.unsubscribe(ImapNames.folder("folder", folder));
  }

  /**
   * {@return the names of the subscribed folders (LSUB)}
   *
   * @throws InetkitException when LSUB fails
   */
  public List<String> subscribedFolders() throws InetkitException {
    return folders.subscribed();
  }

  /**
   * Runs {@code criteria} on the server (UID SEARCH) and returns the matches in UID order.
   *
   * @param folder the folder to search
   * @param criteria what to match
   * @return the matching messages, in UID order (empty when none)
   * @throws LimitExceededException when more than {@link ImapClient#maxMessages()} match (the reply
   *     is bounded by that too): narrow the criteria, or page with {@link #forEachSummary}
   */
  public List<MessageRef> search(String folder, SearchCriteria criteria) throws InetkitException {
    String name = ImapNames.folder("folder", folder);
    Objects.requireNonNull(criteria, "criteria");
    List<ImapReader.SearchTerm> terms = new ArrayList<>();
    criteria.tokens().forEach(t -> terms.add(new ImapReader.SearchTerm(t.text(), t.quoted())));
    return reader.search(name, terms, criteria.needsUtf8(), criteria);
  }

  /**
   * Returns the summaries of {@code refs} (grouped by folder, one FETCH per 500 messages), in UID
   * order per folder; messages that no longer exist are left out.
   *
   * @param refs the messages, from any folders
   * @return the summaries found
   * @throws UidValidityException when a folder's UIDVALIDITY changed
   */
  public List<MessageSummary> summaries(Collection<MessageRef> refs) throws InetkitException {
    return reader.summaries(refs);
  }

  /**
   * Streams the summaries of every message in {@code folder} to {@code consumer}, {@code pageSize}
   * messages per FETCH (1 to 10,000; 500 is a good choice). Memory stays bounded by one page
   * however large the folder.
   *
   * @param folder the folder to read
   * @param pageSize messages per FETCH, 1 to 10,000
   * @param consumer receives each summary, in UID order
   * @return the number of messages summarised
   * @throws InetkitException when a FETCH fails
   */
  public long forEachSummary(String folder, int pageSize, Consumer<MessageSummary> consumer)
      throws InetkitException {
    String name = ImapNames.folder("folder", folder);
    Inputs.requireRange("pageSize", pageSize, 1, 10_000);
    Objects.requireNonNull(consumer, "consumer");
    return reader.forEachSummary(name, pageSize, consumer);
  }

  /**
   * Streams the raw RFC 822 message to {@code out} in partial FETCHes of the client's fetch size
   * (never the whole message in memory); {@code out} is not closed.
   *
   * @param ref the message
   * @param out receives the raw message; not closed
   * @param progress told the bytes written so far
   * @return the number of bytes written
   * @throws InetkitException when the message is missing or a FETCH or write fails
   */
  public long download(MessageRef ref, OutputStream out, ProgressListener progress)
      throws InetkitException {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(out, "out");
    return reader.download(ref, out, progress);
  }

  /**
   * Streams the raw message to {@code out}.
   *
   * @param ref the message
   * @param out receives the raw message; not closed
   * @return the number of bytes written
   * @throws InetkitException when the message is missing or a FETCH or write fails
   */
  public long download(MessageRef ref, OutputStream out) throws InetkitException {
    return download(ref, out, ProgressListener.NONE);
  }

  /**
   * Downloads the raw message to {@code target} through a temporary file in the same folder,
   * renamed into place only when complete.
   *
   * @param ref the message
   * @param target the file to write (replaced if it exists)
   * @param progress told the bytes written so far
   * @return the number of bytes written
   * @throws InetkitException when the message is missing, a FETCH fails or the file cannot be
   *     written
   */
  public long download(MessageRef ref, Path target, ProgressListener progress)
      throws InetkitException {
    Objects.requireNonNull(target, "target");
    long[] bytes = new long[1];
    conn.call(
        "download " + ref + " to " + target,
        () -> {
          SafeFiles.writeAtomically(target, out -> bytes[0] = download(ref, out, progress));
          return null;
        });
    return bytes[0];
  }

  /**
   * Downloads the raw message to {@code target} (temp file + rename).
   *
   * @param ref the message
   * @param target the file to write (replaced if it exists)
   * @return the number of bytes written
   * @throws InetkitException when the message is missing, a FETCH fails or the file cannot be
   *     written
   */
  public long download(MessageRef ref, Path target) throws InetkitException {
    return download(ref, target, ProgressListener.NONE);
  }

  /**
   * Lists the message's leaf MIME parts from its BODYSTRUCTURE, without downloading it.
   *
   * @param ref the message
   * @return the leaf parts, in MIME order
   * @throws InetkitException when the message is missing or the FETCH fails
   */
  public List<MessagePart> parts(MessageRef ref) throws InetkitException {
    return reader.parts(ref);
  }

  /**
   * Saves every attachment of the message into {@code directory}, streamed and decoded, each
   * through a temporary file. File names are sanitised: only the last path segment of the sender's
   * name is used, without control characters or leading dots, so a name like {@code ../../x} lands
   * as {@code x} inside {@code directory}; clashes get {@code name (2).ext}.
   *
   * @param ref the message
   * @param directory where the files go
   * @return the files written, in part order
   * @throws InetkitException when the message is missing, a FETCH fails or a file cannot be written
   */
  public List<Path> saveAttachments(MessageRef ref, Path directory) throws InetkitException {
    Objects.requireNonNull(directory, "directory");
    List<MessagePart> attachments = parts(ref).stream().filter(MessagePart::isAttachment).toList();
    return reader.saveAttachments(ref, attachments, directory);
  }

  /**
   * Adds system flags to the messages (UID STORE +FLAGS.SILENT).
   *
   * @param refs the messages
   * @param flags the flags to add
   * @return the number of messages that exist and were changed (refs to messages that no longer
   *     exist are left out)
   * @throws NotFoundException when none of the messages exists
   */
  public int addFlags(Collection<MessageRef> refs, Flag... flags) throws InetkitException {
    return changes.store(refs, "+FLAGS.SILENT", ImapNames.flagList(flags, List.of()));
  }

  /**
   * Removes system flags from the messages.
   *
   * @param refs the messages
   * @param flags the flags to remove
   * @return the number of messages that exist and were changed
   * @throws NotFoundException when none of the messages exists
   */
  public int removeFlags(Collection<MessageRef> refs, Flag... flags) throws InetkitException {
    return changes.store(refs, "-FLAGS.SILENT", ImapNames.flagList(flags, List.of()));
  }

  /**
   * Adds custom keywords ({@code $Label1}, {@code Work}) to the messages.
   *
   * @param refs the messages
   * @param keywords the keywords to add
   * @return the number of messages that exist and were changed
   * @throws NotFoundException when none of the messages exists
   */
  public int addKeywords(Collection<MessageRef> refs, String... keywords) throws InetkitException {
    return changes.store(refs, "+FLAGS.SILENT", ImapNames.flagList(new Flag[0], List.of(keywords)));
  }

  /**
   * Removes custom keywords from the messages.
   *
   * @param refs the messages
   * @param keywords the keywords to remove
   * @return the number of messages that exist and were changed
   * @throws NotFoundException when none of the messages exists
   */
  public int removeKeywords(Collection<MessageRef> refs, String... keywords)
      throws InetkitException {
    return changes.store(refs, "-FLAGS.SILENT", ImapNames.flagList(new Flag[0], List.of(keywords)));
  }

  /**
   * Copies the messages to {@code target} (UID COPY).
   *
   * @param refs the messages
   * @param target the destination folder
   * @return the number of messages that exist and were copied
   * @throws NotFoundException when none of the messages exists
   */
  public int copy(Collection<MessageRef> refs, String target) throws InetkitException {
    return changes.copy(refs, ImapNames.folder("target", target));
  }

  /**
   * Moves the messages to {@code target}: UID MOVE when the server offers MOVE, otherwise UID COPY,
   * {@code \Deleted} and UID EXPUNGE of exactly these UIDs (needs UIDPLUS; without it the originals
   * stay, marked {@code \Deleted}, rather than expunging other messages).
   *
   * @param refs the messages
   * @param target the destination folder
   * @return the number of messages that exist and were moved
   * @throws NotFoundException when none of the messages exists
   */
  public int move(Collection<MessageRef> refs, String target) throws InetkitException {
    return changes.move(refs, ImapNames.folder("target", target));
  }

  /**
   * Deletes the messages: {@code \Deleted} and UID EXPUNGE of exactly these UIDs (UIDPLUS), or only
   * the flag when the server lacks UIDPLUS (then call {@link #expunge}).
   *
   * @param refs the messages
   * @return the number of messages that exist and were deleted
   * @throws NotFoundException when none of the messages exists
   */
  public int delete(Collection<MessageRef> refs) throws InetkitException {
    return changes.delete(refs);
  }

  /**
   * Removes every message flagged {@code \Deleted} from {@code folder} (EXPUNGE).
   *
   * @param folder the folder name
   * @throws InetkitException when EXPUNGE fails
   */
  public void expunge(String folder) throws InetkitException {
    changes.expunge(ImapNames.folder("folder", folder));
  }

  /**
   * Appends a prepared RFC 5322 file ({@code .eml}, CRLF line ends) to {@code folder}, streamed
   * from disk as one literal, with {@code flags} and the internal date {@code date} ({@code null}:
   * the server's now).
   *
   * @param folder the destination folder
   * @param eml the message file
   * @param flags the flags to set (may be empty)
   * @param date the internal date, or {@code null} for the server's now
   * @return the new message's ref when the server reports it (UIDPLUS), else empty
   * @throws InetkitException when the file cannot be read or APPEND fails
   */
  public Optional<MessageRef> append(String folder, Path eml, Set<Flag> flags, Instant date)
      throws InetkitException {
    Objects.requireNonNull(eml, "eml");
    return appender.append(ImapNames.folder("folder", folder), eml, copy(flags), date);
  }

  /**
   * Appends a message built with inetkit's message model (as {@link SmtpClient} would send it, Bcc
   * left out, attachments streamed) to {@code folder}, e.g. a copy into "Sent".
   *
   * @param folder the destination folder
   * @param message the message
   * @param flags the flags to set (may be empty)
   * @param date the internal date, or {@code null} for the server's now
   * @return the new message's ref when the server reports it (UIDPLUS), else empty
   * @throws InetkitException when an attachment cannot be read or APPEND fails
   */
  public Optional<MessageRef> append(
      String folder, MailMessage message, Set<Flag> flags, Instant date) throws InetkitException {
    Objects.requireNonNull(message, "message");
    return appender.append(ImapNames.folder("folder", folder), message, copy(flags), date);
  }

  private static Set<Flag> copy(Set<Flag> flags) {
    return Set.copyOf(Objects.requireNonNull(flags, "flags"));
  }

  /**
   * Copies every message of {@code folder} not yet in {@code maildir} into it (see {@link
   * Maildir}), then with {@link AfterDownload#DELETE_FROM_SERVER} deletes on the server the
   * messages whose local files are durable (UID EXPUNGE of exactly those; without UIDPLUS they stay
   * flagged {@code \Deleted}, as with {@link #delete}). Safe to interrupt at any moment: the next
   * run loses nothing and downloads nothing twice.
   *
   * @param folder the server folder
   * @param maildir the local Maildir
   * @param after whether to keep or delete the server copies
   * @return what this run downloaded, found already synced and deleted
   * @throws UidValidityException when the folder's UIDVALIDITY differs from the one the Maildir was
   *     synced with (delete {@code .inetkit-sync/} in the Maildir to start over)
   */
  public SyncResult syncTo(String folder, Maildir maildir, AfterDownload after)
      throws InetkitException {
    String name = ImapNames.folder("folder", folder);
    Objects.requireNonNull(maildir, "maildir");
    Objects.requireNonNull(after, "after");
    return sync.syncTo(name, maildir, after);
  }

  /**
   * Syncs the folders {@code options} selects into {@code maildir} as a Maildir++ tree: new
   * messages in batches, flags brought in step, expunges reported (local copies deleted only with
   * {@link ExpungedMessages#DELETE_LOCAL}), server-deleted folders reported, never deleted; with
   * CONDSTORE/QRESYNC only what changed since the last run is asked for. See docs/mail.md.
   *
   * @param maildir the local root (INBOX in it, folder {@code A/B} in {@code .A.B})
   * @param options which folders, and what to do with expunged messages
   * @return one result per folder
   * @throws UidValidityException when a folder's UIDVALIDITY changed (see docs/mail.md)
   * @throws InetkitException for connection, protocol and local file failures
   */
  public AccountSyncResult syncAccount(Maildir maildir, AccountSyncOptions options)
      throws InetkitException {
    Objects.requireNonNull(maildir, "maildir");
    Objects.requireNonNull(options, "options");
    return sync.syncAccount(maildir, options);
  }

  /** Closes the connection (LOGOUT). Idempotent; never throws for a dead connection. */
  @Override
  public void close() {
    conn.close();
  }

  /** {@return the client this session was opened from} */
  public ImapClient client() {
    return client;
  }

  /** The connection under this session, for {@link ImapWatch}. */
  ImapConnection connection() {
    return conn;
  }
}
