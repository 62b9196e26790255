package io.inetkit.mail.imap;

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
import io.inetkit.mail.Flag;
import io.inetkit.mail.JakartaMailInterop;
import io.inetkit.mail.MailMessage;
import io.inetkit.mail.Maildir;
import io.inetkit.mail.MessagePart;
import io.inetkit.mail.SyncResult;
import io.inetkit.mail.internal.AngusProtocol;
import io.inetkit.mail.internal.CleartextLogins;
import io.inetkit.mail.internal.GuardedSockets;
import io.inetkit.mail.internal.MailExceptions;
import io.inetkit.mail.internal.MailLimits;
import io.inetkit.mail.internal.MaildirSync;
import io.inetkit.mail.internal.SafeFiles;
import io.inetkit.mail.internal.StrictImapCommand;
import io.inetkit.mail.internal.SyncIds;
import io.inetkit.mail.internal.SyncJournal;
import io.inetkit.mail.internal.UidSets;
import io.inetkit.mail.smtp.SmtpClient;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeUtility;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.eclipse.angus.mail.imap.protocol.UID;

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
  private static final String SUMMARY_ITEMS = "UID FLAGS RFC822.SIZE ENVELOPE BODYSTRUCTURE";

  private final ImapClient client;
  private final Endpoint endpoint;
  private final GuardedSockets sockets;
  private final Session mailSession;
  private final IMAPStore store;
  private IMAPFolder selected;
  private boolean closed;
  private int depth;

  ImapSession(ImapClient client) throws InetkitException {
    this.client = client;
    this.endpoint = client.endpoint();
    long maxLiteral = Math.max(client.fetchSize(), ImapClient.DEFAULT_MAX_LINE) + 64 * 1024;
    this.sockets =
        new GuardedSockets(
            endpoint,
            client.tlsMode(),
            client.trust(),
            client.timeouts(),
            client.events(),
            MailLimits.imap(client.maxLineLength(), maxLiteral, client.maxMessages()));
    Properties props = properties(client, sockets);
    CleartextLogins.apply(
        props,
        AngusProtocol.IMAP,
        client.tlsMode(),
        client.plaintextLogin(),
        client.credentials(),
        endpoint);
    this.mailSession = Session.getInstance(props);
    try {
      this.store = (IMAPStore) mailSession.getStore("imap");
    } catch (MessagingException e) {
      throw new IllegalStateException("Angus Mail IMAP provider missing", e);
    }
    Credentials c = client.credentials();
    call(
        "login as " + c.user(),
        () -> {
          client.events().authStart(endpoint, c.user(), c.kind().name());
          // Angus holds each reply whole (a multi-line CAPABILITY, untagged lines): bound them all
          sockets.limitReply(
              MailLimits.loginReplyBytes(client.maxLineLength()),
              "the greeting, CAPABILITY and login");
          try {
            store.connect(endpoint.host(), endpoint.port(), c.user(), c.secretAsString());
          } catch (MessagingException | RuntimeException e) {
            if (e instanceof RuntimeException r && !MailExceptions.fromMailLibrary(r)) {
              throw r;
            }
            InetkitException failure =
                sockets.failure(e, "login as " + c.user(), AngusProtocol.IMAP);
            failure =
                CleartextLogins.explain(
                    failure, client.tlsMode(), "login as " + c.user(), endpoint);
            client.events().authFailed(endpoint, c.user(), failure);
            throw failure;
          }
          client.events().authEnd(endpoint, c.user());
          return null;
        });
  }

  private static Properties properties(ImapClient client, GuardedSockets sockets) {
    Properties p = sockets.properties(AngusProtocol.IMAP, client.credentials());
    // Downloads use partial FETCH of fetchSize bytes: never a whole message in one literal.
    p.setProperty("mail.imap.partialfetch", "true");
    p.setProperty("mail.imap.fetchsize", Integer.toString(client.fetchSize()));
    p.setProperty("mail.imap.peek", "true");
    return p;
  }

  // ---------------------------------------------------------------- connection-wide

  /**
   * Returns the server's capabilities (CAPABILITY), upper-case: {@code IMAP4REV1}, {@code IDLE},
   * {@code MOVE}, {@code UIDPLUS}, {@code AUTH=PLAIN}, ….
   */
  public Set<String> capabilities() throws InetkitException {
    return call(
        "CAPABILITY",
        () -> {
          @SuppressWarnings("unchecked")
          Map<String, String> caps =
              (Map<String, String>) storeCommand(IMAPProtocol::getCapabilities);
          Set<String> result = new TreeSet<>();
          caps.keySet().forEach(k -> result.add(k.toUpperCase(Locale.ROOT)));
          result.remove("__PRELOGIN__");
          return Set.copyOf(result);
        });
  }

  /** Returns whether the server announced {@code capability} (case-insensitive). */
  public boolean hasCapability(String capability) throws InetkitException {
    Inputs.requireToken("capability", capability, 200);
    return capabilities().contains(capability.toUpperCase(Locale.ROOT));
  }

  // ---------------------------------------------------------------- folders

  /** Lists every folder (LIST "" "*") with its attributes and special use. */
  public List<FolderInfo> folders() throws InetkitException {
    return call(
        "LIST",
        () -> {
          List<FolderInfo> result = new ArrayList<>();
          sockets.limitReply(MailLimits.listReplyBytes(client.maxLineLength()), "LIST");
          ListInfo[] infos = (ListInfo[]) storeCommand(p -> p.list("", "*"));
          for (ListInfo info : infos == null ? new ListInfo[0] : infos) {
            Set<String> set =
                new HashSet<>(List.of(info.attrs == null ? new String[0] : info.attrs));
            SpecialUse use = SpecialUse.NONE;
            boolean selectable = true;
            for (String a : set) {
              SpecialUse u = SpecialUse.fromAttribute(a);
              if (u != SpecialUse.NONE) {
                use = u;
              }
              if (a.equalsIgnoreCase("\\Noselect") || a.equalsIgnoreCase("\\NonExistent")) {
                selectable = false;
              }
            }
            result.add(new FolderInfo(info.name, set, use, selectable));
          }
          return List.copyOf(result);
        });
  }

  /** Returns a folder's counters (STATUS), without selecting it. */
  public FolderStatus status(String folder) throws InetkitException {
    String name = ImapNames.folder("folder", folder);
    return call(
        "STATUS " + name,
        () -> {
          Status s =
              (Status)
                  storeCommand(
                      p ->
                          p.status(
                              name, new String[] {"MESSAGES", "UNSEEN", "UIDNEXT", "UIDVALIDITY"}));
          if (s == null) {
            throw new ProtocolViolationException(
                "STATUS " + name + ": the server answered OK without a STATUS response",
                endpoint,
                null);
          }
          return new FolderStatus(name, s.total, s.unseen, s.uidnext, s.uidvalidity);
        });
  }

  /**
   * Creates a folder (CREATE).
   *
   * @throws ProtocolReplyException with the server's reply when it refuses (the folder exists, say)
   */
  public void createFolder(String folder) throws InetkitException {
    String name = ImapNames.folder("folder", folder);
    call(
        "CREATE " + name,
        () ->
            storeCommand(
                p -> {
                  p.create(name);
                  return null;
                }));
  }

  /** Renames a folder (RENAME); a selected folder of that name is closed first. */
  public void renameFolder(String from, String to) throws InetkitException {
    String source = ImapNames.folder("from", from);
    String target = ImapNames.folder("to", to);
    call(
        "RENAME " + source,
        () -> {
          closeSelected(source);
          return storeCommand(
              p -> {
                p.rename(source, target);
                return null;
              });
        });
  }

  /**
   * Deletes a folder and the messages in it (DELETE); a selected folder of that name is closed
   * first.
   */
  public void deleteFolder(String folder) throws InetkitException {
    String name = ImapNames.folder("folder", folder);
    call(
        "DELETE " + name,
        () -> {
          closeSelected(name);
          return storeCommand(
              p -> {
                p.delete(name);
                return null;
              });
        });
  }

  /** Subscribes to a folder (SUBSCRIBE). */
  public void subscribe(String folder) throws InetkitException {
    String name = ImapNames.folder("folder", folder);
    call(
        "SUBSCRIBE " + name,
        () ->
            storeCommand(
                p -> {
                  p.subscribe(name);
                  return null;
                }));
  }

  /** Unsubscribes from a folder (UNSUBSCRIBE). */
  public void unsubscribe(String folder) throws InetkitException {
    String name = ImapNames.folder("folder", folder);
    call(
        "UNSUBSCRIBE " + name,
        () ->
            storeCommand(
                p -> {
                  p.unsubscribe(name);
                  return null;
                }));
  }

  /** Returns the names of the subscribed folders (LSUB). */
  public List<String> subscribedFolders() throws InetkitException {
    return call(
        "LSUB",
        () -> {
          List<String> names = new ArrayList<>();
          sockets.limitReply(MailLimits.listReplyBytes(client.maxLineLength()), "LSUB");
          ListInfo[] infos = (ListInfo[]) storeCommand(p -> p.lsub("", "*"));
          for (ListInfo info : infos == null ? new ListInfo[0] : infos) {
            names.add(info.name);
          }
          return List.copyOf(names);
        });
  }

  // ---------------------------------------------------------------- search and summaries

  /**
   * Runs {@code criteria} on the server (UID SEARCH) and returns the matches in UID order.
   *
   * @throws LimitExceededException when more than {@link ImapClient#maxMessages()} match (the reply
   *     is bounded by that too): narrow the criteria, or page with {@link #forEachSummary}
   */
  public List<MessageRef> search(String folder, SearchCriteria criteria) throws InetkitException {
    String name = ImapNames.folder("folder", folder);
    Objects.requireNonNull(criteria, "criteria");
    return call(
        "UID SEARCH " + criteria,
        () -> {
          IMAPFolder f = select(name);
          long validity = f.getUIDValidity();
          Argument args = new Argument();
          boolean utf8 = criteria.needsUtf8();
          if (utf8) {
            args.writeAtom("CHARSET");
            args.writeAtom("UTF-8");
          }
          for (SearchCriteria.Token t : criteria.tokens()) {
            if (t.quoted()) {
              args.writeString(t.text(), StandardCharsets.UTF_8);
            } else {
              args.writeAtom(t.text());
            }
          }
          List<MessageRef> refs = new ArrayList<>();
          // Angus holds the whole reply: bound it by what maxMessages UIDs can take
          sockets.limitReply(12L * client.maxMessages() + client.maxLineLength(), "UID SEARCH");
          for (Response r : uidCommand(f, "UID SEARCH", args)) {
            if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
              long uid;
              while ((uid = ir.readLong()) > 0) {
                if (refs.size() >= client.maxMessages()) {
                  throw new LimitExceededException(
                      "UID SEARCH "
                          + criteria
                          + " in \""
                          + name
                          + "\": more matches than ImapClient.maxMessages",
                      endpoint,
                      client.maxMessages());
                }
                refs.add(new MessageRef(name, validity, uid));
              }
            }
          }
          refs.sort((a, b) -> Long.compare(a.uid(), b.uid()));
          return List.copyOf(refs);
        });
  }

  /**
   * Returns the summaries of {@code refs} (grouped by folder, one FETCH per 500 messages), in UID
   * order per folder; messages that no longer exist are left out.
   *
   * @throws UidValidityException when a folder's UIDVALIDITY changed
   */
  public List<MessageSummary> summaries(Collection<MessageRef> refs) throws InetkitException {
    List<MessageSummary> result = new ArrayList<>();
    for (Map.Entry<String, List<Long>> e : byFolder(refs).entrySet()) {
      long validity =
          refs.stream().filter(r -> r.folder().equals(e.getKey())).findFirst().get().uidValidity();
      call(
          "UID FETCH summaries",
          () -> {
            IMAPFolder f = selectChecked(e.getKey(), validity);
            for (String set : UidSets.batches(e.getValue())) {
              for (Response r :
                  uidCommand(f, "UID FETCH " + set + " (" + SUMMARY_ITEMS + ")", null)) {
                if (r instanceof FetchResponse fr) {
                  MessageSummary s = ImapResponses.summary(e.getKey(), validity, fr);
                  if (s != null) {
                    result.add(s);
                  }
                }
              }
            }
            return null;
          });
    }
    return List.copyOf(result);
  }

  /**
   * Streams the summaries of every message in {@code folder} to {@code consumer}, {@code pageSize}
   * messages per FETCH (1 to 10,000; 500 is a good choice). Memory stays bounded by one page
   * however large the folder.
   *
   * @return the number of messages summarised
   */
  public long forEachSummary(String folder, int pageSize, Consumer<MessageSummary> consumer)
      throws InetkitException {
    String name = ImapNames.folder("folder", folder);
    Inputs.requireRange("pageSize", pageSize, 1, 10_000);
    Objects.requireNonNull(consumer, "consumer");
    return call(
        "FETCH summaries of " + name,
        () -> {
          IMAPFolder f = select(name);
          long validity = f.getUIDValidity();
          int total = f.getMessageCount();
          long count = 0;
          for (int start = 1; start <= total; start += pageSize) {
            int end = Math.min(total, start + pageSize - 1);
            sockets.startOperation(client.timeouts().overall());
            for (Response r :
                uidCommand(f, "FETCH " + start + ":" + end + " (" + SUMMARY_ITEMS + ")", null)) {
              if (r instanceof FetchResponse fr) {
                MessageSummary s = ImapResponses.summary(name, validity, fr);
                if (s != null) {
                  consumer.accept(s);
                  count++;
                }
              }
            }
          }
          return count;
        });
  }

  // ---------------------------------------------------------------- content

  /**
   * Streams the raw RFC 822 message to {@code out} in partial FETCHes of the client's fetch size
   * (never the whole message in memory); {@code out} is not closed.
   *
   * @return the number of bytes written
   */
  public long download(MessageRef ref, OutputStream out, ProgressListener progress)
      throws InetkitException {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(out, "out");
    return call(
        "UID FETCH " + ref.uid() + " BODY[]",
        () -> {
          IMAPFolder f = selectChecked(ref.folder(), ref.uidValidity());
          return copyBody(f, ref.uid(), "", out, progress);
        });
  }

  /** Streams the raw message to {@code out}. */
  public long download(MessageRef ref, OutputStream out) throws InetkitException {
    return download(ref, out, ProgressListener.NONE);
  }

  /**
   * Downloads the raw message to {@code target} through a temporary file in the same folder,
   * renamed into place only when complete.
   *
   * @return the number of bytes written
   */
  public long download(MessageRef ref, Path target, ProgressListener progress)
      throws InetkitException {
    Objects.requireNonNull(target, "target");
    long[] bytes = new long[1];
    call(
        "download " + ref + " to " + target,
        () -> {
          SafeFiles.writeAtomically(target, out -> bytes[0] = download(ref, out, progress));
          return null;
        });
    return bytes[0];
  }

  /** Downloads the raw message to {@code target} (temp file + rename). */
  public long download(MessageRef ref, Path target) throws InetkitException {
    return download(ref, target, ProgressListener.NONE);
  }

  /** Lists the message's leaf MIME parts from its BODYSTRUCTURE, without downloading it. */
  public List<MessagePart> parts(MessageRef ref) throws InetkitException {
    return call(
        "UID FETCH " + ref.uid() + " BODYSTRUCTURE",
        () -> {
          IMAPFolder f = selectChecked(ref.folder(), ref.uidValidity());
          BODYSTRUCTURE bs = null;
          for (Response r :
              uidCommand(f, "UID FETCH " + ref.uid() + " (UID BODYSTRUCTURE)", null)) {
            if (r instanceof FetchResponse fr && matches(fr, ref.uid())) {
              bs = fr.getItem(BODYSTRUCTURE.class);
            }
          }
          if (bs == null) {
            throw gone(ref);
          }
          List<MessagePart> parts = new ArrayList<>();
          ImapResponses.collectParts(bs, "", parts);
          return List.copyOf(parts);
        });
  }

  /**
   * Saves every attachment of the message into {@code directory}, streamed and decoded, each
   * through a temporary file. File names are sanitised: only the last path segment of the sender's
   * name is used, without control characters or leading dots, so a name like {@code ../../x} lands
   * as {@code x} inside {@code directory}; clashes get {@code name (2).ext}.
   *
   * @return the files written, in part order
   */
  public List<Path> saveAttachments(MessageRef ref, Path directory) throws InetkitException {
    Objects.requireNonNull(directory, "directory");
    List<MessagePart> attachments = parts(ref).stream().filter(MessagePart::isAttachment).toList();
    return call(
        "save attachments of " + ref,
        () -> {
          Files.createDirectories(directory);
          IMAPFolder f = selectChecked(ref.folder(), ref.uidValidity());
          List<Path> saved = new ArrayList<>();
          for (MessagePart part : attachments) {
            String safe = SafeFiles.sanitize(part.fileName(), "attachment-" + part.section());
            Path target = SafeFiles.uniqueTarget(directory, safe);
            SafeFiles.writeAtomically(
                target,
                out -> {
                  try (InputStream decoded =
                      MimeUtility.decode(
                          new BodyStream(f, ref.uid(), part.section()), part.encoding())) {
                    decoded.transferTo(out);
                  } catch (MessagingException e) {
                    throw new IOException("cannot decode " + part.encoding(), e);
                  }
                });
            saved.add(target);
          }
          return List.copyOf(saved);
        });
  }

  /** Copies a body section to {@code out} chunk by chunk; returns the byte count. */
  private long copyBody(
      IMAPFolder f, long uid, String section, OutputStream out, ProgressListener progress)
      throws MessagingException, IOException {
    int chunk = client.fetchSize();
    ProgressTracker tracker = null;
    long offset = 0;
    while (true) {
      String items =
          (offset == 0 ? "UID RFC822.SIZE " : "UID ")
              + "BODY.PEEK["
              + section
              + "]<"
              + offset
              + "."
              + chunk
              + ">";
      ByteArray data = null;
      long size = -1;
      for (Response r : uidCommand(f, "UID FETCH " + uid + " (" + items + ")", null)) {
        if (r instanceof FetchResponse fr && matches(fr, uid)) {
          BODY body = fr.getItem(BODY.class);
          RFC822SIZE s = fr.getItem(RFC822SIZE.class);
          if (s != null) {
            size = s.size;
          }
          if (body != null) {
            data = body.getByteArray();
          }
        }
      }
      if (data == null) {
        if (offset == 0) {
          throw gone(f.getFullName(), uid);
        }
        break;
      }
      if (tracker == null) {
        tracker = new ProgressTracker("UID " + uid, size, progress, client.events(), endpoint);
      }
      out.write(data.getBytes(), data.getStart(), data.getCount());
      offset += data.getCount();
      tracker.add(data.getCount());
      if (data.getCount() < chunk) {
        break;
      }
    }
    out.flush();
    if (tracker != null) {
      tracker.finish();
    }
    return offset;
  }

  /** A body section read in partial FETCHes, for decoding attachments as a stream. */
  private final class BodyStream extends InputStream {
    private final IMAPFolder folder;
    private final long uid;
    private final String section;
    private byte[] buffer = new byte[0];
    private int pos;
    private long offset;
    private boolean eof;

    BodyStream(IMAPFolder folder, long uid, String section) {
      this.folder = folder;
      this.uid = uid;
      this.section = section;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos == buffer.length) {
        if (eof) {
          return -1;
        }
        fill();
        if (buffer.length == 0) {
          return -1;
        }
      }
      int n = Math.min(len, buffer.length - pos);
      System.arraycopy(buffer, pos, b, off, n);
      pos += n;
      return n;
    }

    private void fill() throws IOException {
      try {
        int chunk = client.fetchSize();
        ByteArray data = null;
        String cmd =
            "UID FETCH " + uid + " (UID BODY.PEEK[" + section + "]<" + offset + "." + chunk + ">)";
        for (Response r : uidCommand(folder, cmd, null)) {
          if (r instanceof FetchResponse fr && matches(fr, uid)) {
            BODY body = fr.getItem(BODY.class);
            if (body != null) {
              data = body.getByteArray();
            }
          }
        }
        buffer = data == null ? new byte[0] : data.getNewBytes();
        pos = 0;
        offset += buffer.length;
        eof = data == null || buffer.length < chunk;
      } catch (MessagingException e) {
        throw MailExceptions.translateAny(
            e,
            "UID FETCH " + uid + " BODY[" + section + "]",
            AngusProtocol.IMAP,
            endpoint,
            client.timeouts());
      }
    }
  }

  // ---------------------------------------------------------------- changes

  /*
   * Servers answer OK to UID commands whose set matches nothing, so every change below first
   * asks which of the UIDs exist (one UID SEARCH UID per batch), changes exactly those, and
   * returns how many there were: a count the caller can report truthfully. None at all is a
   * NotFoundException, never a silent success.
   */

  /**
   * Adds system flags to the messages (UID STORE +FLAGS.SILENT).
   *
   * @return the number of messages that exist and were changed (refs to messages that no longer
   *     exist are left out)
   * @throws NotFoundException when none of the messages exists
   */
  public int addFlags(Collection<MessageRef> refs, Flag... flags) throws InetkitException {
    return store(refs, "+FLAGS.SILENT", flagList(flags, List.of()));
  }

  /**
   * Removes system flags from the messages.
   *
   * @return the number of messages that exist and were changed
   * @throws NotFoundException when none of the messages exists
   */
  public int removeFlags(Collection<MessageRef> refs, Flag... flags) throws InetkitException {
    return store(refs, "-FLAGS.SILENT", flagList(flags, List.of()));
  }

  /**
   * Adds custom keywords ({@code $Label1}, {@code Work}) to the messages.
   *
   * @return the number of messages that exist and were changed
   * @throws NotFoundException when none of the messages exists
   */
  public int addKeywords(Collection<MessageRef> refs, String... keywords) throws InetkitException {
    return store(refs, "+FLAGS.SILENT", flagList(new Flag[0], List.of(keywords)));
  }

  /**
   * Removes custom keywords from the messages.
   *
   * @return the number of messages that exist and were changed
   * @throws NotFoundException when none of the messages exists
   */
  public int removeKeywords(Collection<MessageRef> refs, String... keywords)
      throws InetkitException {
    return store(refs, "-FLAGS.SILENT", flagList(new Flag[0], List.of(keywords)));
  }

  private static String flagList(Flag[] flags, List<String> keywords) {
    List<String> all = new ArrayList<>();
    for (Flag f : flags) {
      all.add(Objects.requireNonNull(f, "flag").imapName());
    }
    for (String k : keywords) {
      all.add(ImapNames.keyword(k));
    }
    if (all.isEmpty()) {
      throw new io.inetkit.core.InvalidInputException("flags", "no flag given");
    }
    return "(" + String.join(" ", all) + ")";
  }

  private int store(Collection<MessageRef> refs, String op, String flags) throws InetkitException {
    return forEachBatch(
        refs,
        "UID STORE " + op + " " + flags,
        (f, set) -> uidCommand(f, "UID STORE " + set + " " + op + " " + flags, null));
  }

  /**
   * Copies the messages to {@code target} (UID COPY).
   *
   * @return the number of messages that exist and were copied
   * @throws NotFoundException when none of the messages exists
   */
  public int copy(Collection<MessageRef> refs, String target) throws InetkitException {
    String to = ImapNames.folder("target", target);
    return forEachBatch(
        refs, "UID COPY to " + to, (f, set) -> uidCommand(f, "UID COPY", setAndMailbox(set, to)));
  }

  /**
   * Moves the messages to {@code target}: UID MOVE when the server offers MOVE, otherwise UID COPY,
   * {@code \Deleted} and UID EXPUNGE of exactly these UIDs (needs UIDPLUS; without it the originals
   * stay, marked {@code \Deleted}, rather than expunging other messages).
   *
   * @return the number of messages that exist and were moved
   * @throws NotFoundException when none of the messages exists
   */
  public int move(Collection<MessageRef> refs, String target) throws InetkitException {
    String to = ImapNames.folder("target", target);
    boolean move = hasCapability("MOVE");
    boolean uidplus = hasCapability("UIDPLUS");
    return forEachBatch(
        refs,
        "move to " + to,
        (f, set) -> {
          if (move) {
            uidCommand(f, "UID MOVE", setAndMailbox(set, to));
          } else {
            uidCommand(f, "UID COPY", setAndMailbox(set, to));
            uidCommand(f, "UID STORE " + set + " +FLAGS.SILENT (\\Deleted)", null);
            if (uidplus) {
              uidCommand(f, "UID EXPUNGE " + set, null);
            }
          }
        });
  }

  /**
   * Deletes the messages: {@code \Deleted} and UID EXPUNGE of exactly these UIDs (UIDPLUS), or only
   * the flag when the server lacks UIDPLUS (then call {@link #expunge}).
   *
   * @return the number of messages that exist and were deleted
   * @throws NotFoundException when none of the messages exists
   */
  public int delete(Collection<MessageRef> refs) throws InetkitException {
    boolean uidplus = hasCapability("UIDPLUS");
    return forEachBatch(
        refs,
        "delete",
        (f, set) -> {
          uidCommand(f, "UID STORE " + set + " +FLAGS.SILENT (\\Deleted)", null);
          if (uidplus) {
            uidCommand(f, "UID EXPUNGE " + set, null);
          }
        });
  }

  /** Removes every message flagged {@code \Deleted} from {@code folder} (EXPUNGE). */
  public void expunge(String folder) throws InetkitException {
    String name = ImapNames.folder("folder", folder);
    call("EXPUNGE " + name, () -> uidCommand(select(name), "EXPUNGE", null));
  }

  /**
   * Appends a prepared RFC 5322 file ({@code .eml}, CRLF line ends) to {@code folder}, streamed
   * from disk as one literal, with {@code flags} and the internal date {@code date} ({@code null}:
   * the server's now).
   *
   * @return the new message's ref when the server reports it (UIDPLUS), else {@code null}
   */
  public MessageRef append(String folder, Path eml, Set<Flag> flags, Instant date)
      throws InetkitException {
    Objects.requireNonNull(eml, "eml");
    return appendLiteral(
        folder,
        flags,
        date,
        "APPEND " + eml.getFileName(),
        () -> Files.size(eml),
        out -> {
          try (InputStream in = Files.newInputStream(eml)) {
            in.transferTo(out);
          }
        });
  }

  /**
   * Appends a message built with inetkit's message model (as {@link SmtpClient} would send it, Bcc
   * left out, attachments streamed) to {@code folder}, e.g. a copy into "Sent".
   *
   * @return the new message's ref when the server reports it (UIDPLUS), else {@code null}
   */
  public MessageRef append(String folder, MailMessage message, Set<Flag> flags, Instant date)
      throws InetkitException {
    Objects.requireNonNull(message, "message");
    // Composed once, so both passes (size, then data) write the same MIME boundaries.
    jakarta.mail.internet.MimeMessage mime = JakartaMailInterop.toMimeMessage(message);
    SafeFiles.Body body =
        out -> {
          try {
            mime.writeTo(out);
          } catch (MessagingException e) {
            throw new IOException("cannot write the message: " + e.getMessage(), e);
          }
        };
    return appendLiteral(folder, flags, date, "APPEND message", () -> countBytes(body), body);
  }

  private static long countBytes(SafeFiles.Body body) throws IOException {
    long[] n = new long[1];
    body.writeTo(
        new OutputStream() {
          @Override
          public void write(int b) {
            n[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            n[0] += len;
          }
        });
    return n[0];
  }

  @FunctionalInterface
  private interface Size {
    long get() throws IOException;
  }

  private MessageRef appendLiteral(
      String folder, Set<Flag> flags, Instant date, String what, Size size, SafeFiles.Body body)
      throws InetkitException {
    String name = ImapNames.folder("folder", folder);
    Set<Flag> fl = Set.copyOf(Objects.requireNonNull(flags, "flags"));
    return call(
        what + " to " + name,
        () -> {
          long bytes = size.get();
          if (bytes > Integer.MAX_VALUE) {
            throw new io.inetkit.core.InvalidInputException(
                "message", "larger than 2 GiB: " + bytes);
          }
          jakarta.mail.Flags angusFlags = new jakarta.mail.Flags();
          fl.forEach(x -> angusFlags.add(AngusFlags.of(x)));
          Literal literal =
              new Literal() {
                @Override
                public int size() {
                  return (int) bytes;
                }

                @Override
                public void writeTo(OutputStream os) throws IOException {
                  body.writeTo(os);
                }
              };
          Date internalDate = date == null ? null : Date.from(date);
          AppendUID uid =
              (AppendUID) storeCommand(p -> p.appenduid(name, angusFlags, internalDate, literal));
          return uid == null ? null : new MessageRef(name, uid.uidvalidity, uid.uid);
        });
  }

  // ---------------------------------------------------------------- sync

  /**
   * Copies every message of {@code folder} not yet in {@code maildir} into it (see {@link
   * Maildir}), then with {@link AfterDownload#DELETE_FROM_SERVER} deletes on the server the
   * messages whose local files are durable (UID EXPUNGE of exactly those; without UIDPLUS they stay
   * flagged {@code \Deleted}, as with {@link #delete}). Safe to interrupt at any moment: the next
   * run loses nothing and downloads nothing twice.
   *
   * @throws UidValidityException when the folder's UIDVALIDITY differs from the one the Maildir was
   *     synced with (delete {@code .inetkit-sync/} in the Maildir to start over)
   */
  public SyncResult syncTo(String folder, Maildir maildir, AfterDownload after)
      throws InetkitException {
    String name = ImapNames.folder("folder", folder);
    Objects.requireNonNull(maildir, "maildir");
    Objects.requireNonNull(after, "after");
    return call(
        "sync " + name + " to " + maildir,
        () -> {
          IMAPFolder f = select(name);
          long validity = f.getUIDValidity();
          String id = SyncIds.of("imap", client.credentials().user(), endpoint, name);
          try (SyncJournal journal =
              SyncJournal.open(maildir.root(), id, Long.toString(validity))) {
            if (!journal.validity().equals(Long.toString(validity))) {
              throw new UidValidityException(
                  name, Long.parseLong(journal.validity()), validity, endpoint);
            }
            long from =
                after == AfterDownload.DELETE_FROM_SERVER ? 1 : journal.highestNumericKey() + 1;
            List<String> keys = new ArrayList<>();
            for (Response r : uidCommand(f, "UID SEARCH UID " + from + ":*", null)) {
              if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
                long uid;
                while ((uid = ir.readLong()) > 0) {
                  if (uid >= from) { // "n:*" also matches the last message when n is beyond it
                    keys.add(Long.toString(uid));
                  }
                }
              }
            }
            keys.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
            boolean uidplus = hasCapability("UIDPLUS");
            // An incremental run asks only for UIDs above the last one synced; the folder's other
            // messages were copied by earlier runs and count as already synced, as with POP3.
            int older = from > 1 ? Math.max(0, f.getMessageCount() - keys.size()) : 0;
            SyncResult result =
                MaildirSync.run(
                    maildir.root(),
                    journal,
                    keys,
                    new MaildirSync.Source() {
                      @Override
                      public long download(String key, OutputStream out) throws IOException {
                        sockets.startOperation(client.timeouts().overall()); // each message is one
                        try {
                          return copyBody(f, Long.parseLong(key), "", out, ProgressListener.NONE);
                        } catch (MessagingException e) {
                          throw MailExceptions.translateAny(
                              e,
                              "UID FETCH " + key,
                              AngusProtocol.IMAP,
                              endpoint,
                              client.timeouts());
                        }
                      }

                      @Override
                      public void markDeleted(List<String> deleted) throws IOException {
                        try {
                          for (String set :
                              UidSets.batches(deleted.stream().map(Long::parseLong).toList())) {
                            uidCommand(f, "UID STORE " + set + " +FLAGS.SILENT (\\Deleted)", null);
                            if (uidplus) {
                              uidCommand(f, "UID EXPUNGE " + set, null);
                            }
                          }
                        } catch (MessagingException e) {
                          throw MailExceptions.translateAny(
                              e,
                              "UID STORE \\Deleted",
                              AngusProtocol.IMAP,
                              endpoint,
                              client.timeouts());
                        }
                      }

                      @Override
                      public void commitDeletes() {
                        // UID EXPUNGE already ran per batch
                      }
                    },
                    after);
            return new SyncResult(
                result.downloaded(),
                result.alreadySynced() + older,
                result.deletedOnServer(),
                result.recovered(),
                result.bytes());
          }
        });
  }

  // ---------------------------------------------------------------- plumbing

  /** Closes the connection (LOGOUT). Idempotent; never throws for a dead connection. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sockets.startOperation(client.timeouts().read(), "LOGOUT");
    try {
      closeSelected();
      store.close();
    } catch (MessagingException | RuntimeException ignored) {
      // the connection is going away either way
    } finally {
      sockets.endOperation();
      sockets.close();
      client.events().closed(endpoint);
    }
  }

  /** Returns the client this session was opened from. */
  public ImapClient client() {
    return client;
  }

  @FunctionalInterface
  interface Op<T> {
    T run() throws MessagingException, ProtocolException, IOException;
  }

  @FunctionalInterface
  interface BatchOp {
    void run(IMAPFolder folder, String uidSet) throws MessagingException;
  }

  /** Runs {@code op} under the overall deadline, translating failures at the module boundary. */
  <T> T call(String what, Op<T> op) throws InetkitException {
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
    } catch (MessagingException | ProtocolException | IOException | RuntimeException e) {
      if (e instanceof RuntimeException r && !MailExceptions.fromMailLibrary(r)) {
        throw r;
      }
      throw sockets.failure(e, what, AngusProtocol.IMAP);
    } finally {
      depth--;
      if (outermost) {
        sockets.endOperation();
      }
    }
  }

  /**
   * Runs {@code op} on the UIDs of {@code refs} that exist, folder by folder and batch by batch,
   * and returns how many existed; none at all is a {@link NotFoundException}.
   */
  private int forEachBatch(Collection<MessageRef> refs, String what, BatchOp op)
      throws InetkitException {
    Map<String, List<Long>> groups = byFolder(refs);
    int affected = 0;
    for (Map.Entry<String, List<Long>> e : groups.entrySet()) {
      long validity =
          refs.stream().filter(r -> r.folder().equals(e.getKey())).findFirst().get().uidValidity();
      affected +=
          call(
              what,
              () -> {
                IMAPFolder f = selectChecked(e.getKey(), validity);
                Set<Long> asked = new HashSet<>(e.getValue());
                int n = 0;
                for (String set : UidSets.batches(e.getValue())) {
                  List<Long> existing = existing(f, set, asked);
                  if (!existing.isEmpty()) {
                    op.run(f, UidSets.batches(existing).get(0));
                    n += existing.size();
                  }
                }
                return n;
              });
    }
    if (affected == 0 && !groups.isEmpty()) {
      Map.Entry<String, List<Long>> first = groups.entrySet().iterator().next();
      throw new NotFoundException(
          what,
          endpoint,
          new Reply(
              "NO",
              "no message with UID "
                  + UidSets.batches(first.getValue()).get(0)
                  + " in folder \""
                  + first.getKey()
                  + "\"",
              Reply.Kind.PERMANENT_NEGATIVE),
          null);
    }
    return affected;
  }

  /**
   * Returns the UIDs of {@code set} that exist in {@code f} (UID SEARCH UID): only UIDs that were
   * {@code asked} for, however many others a server names.
   */
  private List<Long> existing(IMAPFolder f, String set, Set<Long> asked) throws MessagingException {
    Set<Long> uids = new TreeSet<>();
    for (Response r : uidCommand(f, "UID SEARCH UID " + set, null)) {
      if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
        long uid;
        while ((uid = ir.readLong()) > 0) {
          if (asked.contains(uid)) {
            uids.add(uid);
          }
        }
      }
    }
    return List.copyOf(uids);
  }

  private static Map<String, List<Long>> byFolder(Collection<MessageRef> refs) {
    Objects.requireNonNull(refs, "refs");
    Map<String, List<Long>> groups = new LinkedHashMap<>();
    Map<String, Long> validity = new LinkedHashMap<>();
    for (MessageRef r : refs) {
      Long v = validity.putIfAbsent(r.folder(), r.uidValidity());
      if (v != null && v != r.uidValidity()) {
        throw new io.inetkit.core.InvalidInputException(
            "refs", "refs of folder " + r.folder() + " carry two UIDVALIDITY values");
      }
      groups.computeIfAbsent(r.folder(), k -> new ArrayList<>()).add(r.uid());
    }
    return groups;
  }

  private static Argument setAndMailbox(String set, String mailbox) {
    Argument args = new Argument();
    args.writeAtom(set);
    args.writeString(BASE64MailboxEncoder.encode(mailbox));
    return args;
  }

  /**
   * Sends one command on the selected folder's connection; untagged responses other than FETCH go
   * to Angus's handlers (EXISTS, EXPUNGE keep its state right), a NO/BAD becomes an exception, and
   * so does a malformed response (see {@link StrictImapCommand}).
   */
  Response[] uidCommand(IMAPFolder f, String command, Argument args) throws MessagingException {
    return (Response[])
        f.doCommand(
            p -> {
              Response[] r = StrictImapCommand.send(p, command, args);
              p.handleResult(r[r.length - 1]);
              return r;
            });
  }

  private static boolean matches(FetchResponse fr, long uid) {
    UID u = fr.getItem(UID.class);
    return u != null && u.uid == uid;
  }

  /**
   * Runs a command that needs no selected folder (CAPABILITY, LIST, STATUS, CREATE, APPEND, …) on
   * the selected folder's connection when there is one, else on the store's: Angus would otherwise
   * open a second connection for the store while a folder holds the first, which servers that allow
   * one session per user refuse. One session is one connection.
   */
  private Object storeCommand(IMAPFolder.ProtocolCommand command) throws MessagingException {
    IMAPFolder f =
        selected != null && selected.isOpen() ? selected : (IMAPFolder) store.getDefaultFolder();
    return f.doCommand(command);
  }

  IMAPFolder select(String name) throws MessagingException {
    if (selected != null && selected.isOpen() && selected.getFullName().equals(name)) {
      return selected;
    }
    closeSelected();
    IMAPFolder f = (IMAPFolder) store.getFolder(name);
    f.open(Folder.READ_WRITE);
    selected = f;
    return f;
  }

  private IMAPFolder selectChecked(String name, long uidValidity)
      throws MessagingException, InetkitException {
    IMAPFolder f = select(name);
    long actual = f.getUIDValidity();
    if (actual != uidValidity) {
      throw new UidValidityException(name, uidValidity, actual, endpoint);
    }
    return f;
  }

  /** Closes the selected folder if it is {@code name} (before renaming or deleting it). */
  private void closeSelected(String name) throws MessagingException {
    if (selected != null && selected.getFullName().equals(name)) {
      closeSelected();
    }
  }

  private void closeSelected() throws MessagingException {
    if (selected != null) {
      IMAPFolder f = selected;
      selected = null;
      if (f.isOpen()) {
        f.close(false);
      }
    }
  }

  private ProtocolReplyException refused(String command, String text) {
    return new ProtocolReplyException(
        command, endpoint, new Reply("NO", text, Reply.Kind.PERMANENT_NEGATIVE), null);
  }

  private NotFoundException gone(MessageRef ref) {
    return gone(ref.folder(), ref.uid());
  }

  private NotFoundException gone(String folder, long uid) {
    return new NotFoundException(
        "UID FETCH " + uid,
        endpoint,
        new Reply(
            "NO",
            "no message with UID " + uid + " in folder \"" + folder + "\"",
            Reply.Kind.PERMANENT_NEGATIVE),
        null);
  }

  GuardedSockets sockets() {
    return sockets;
  }

  IMAPStore store() {
    return store;
  }
}
