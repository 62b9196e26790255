package io.inetkit.mail.imap.internal;

import io.inetkit.core.InetkitException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.NotFoundException;
import io.inetkit.core.ProgressListener;
import io.inetkit.core.internal.ProgressTracker;
import io.inetkit.mail.MessagePart;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.MessageSummary;
import io.inetkit.mail.internal.SafeFiles;
import io.inetkit.mail.internal.UidSets;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;

/** The reading commands: UID SEARCH, summaries (FETCH), bodies in partial FETCHes, MIME parts. */
public final class ImapReader {
  private static final String SUMMARY_ITEMS = "UID FLAGS RFC822.SIZE ENVELOPE BODYSTRUCTURE";

  private final ImapConnection conn;

  /** Reading commands on {@code conn}. */
  public ImapReader(ImapConnection conn) {
    this.conn = conn;
  }

  /** One word of a search program: an atom, or a string sent quoted (UTF-8). */
  public record SearchTerm(String text, boolean quoted) {}

  /**
   * Runs UID SEARCH with {@code terms} in {@code folder} and returns the matches in UID order;
   * {@code described} names the criteria in messages.
   */
  public List<MessageRef> search(
      String folder, List<SearchTerm> terms, boolean utf8, Object described)
      throws InetkitException {
    int max = conn.client().maxMessages();
    return conn.call(
        "UID SEARCH " + described,
        () -> {
          IMAPFolder f = conn.select(folder);
          long validity = f.getUIDValidity();
          Argument args = new Argument();
          if (utf8) {
            args.writeAtom("CHARSET");
            args.writeAtom("UTF-8");
          }
          for (SearchTerm t : terms) {
            if (t.quoted()) {
              args.writeString(t.text(), StandardCharsets.UTF_8);
            } else {
              args.writeAtom(t.text());
            }
          }
          // Angus holds the whole reply: bound it by what maxMessages UIDs can take
          conn.sockets().limitReply(12L * max + conn.client().maxLineLength(), "UID SEARCH");
          long[] uids = conn.searchUids(f, "UID SEARCH", args);
          if (uids.length > max) {
            throw new LimitExceededException(
                "UID SEARCH "
                    + described
                    + " in \""
                    + folder
                    + "\": more matches than ImapClient.maxMessages",
                conn.endpoint(),
                max);
          }
          Arrays.sort(uids);
          List<MessageRef> refs = new ArrayList<>(uids.length);
          for (long uid : uids) {
            refs.add(new MessageRef(folder, validity, uid));
          }
          return List.copyOf(refs);
        });
  }

  /** Returns the summaries of {@code refs}, one FETCH per batch, in UID order per folder. */
  public List<MessageSummary> summaries(Collection<MessageRef> refs) throws InetkitException {
    RefsByFolder groups = RefsByFolder.of(refs);
    List<MessageSummary> result = new ArrayList<>();
    for (Map.Entry<String, List<Long>> e : groups.uids().entrySet()) {
      String folder = e.getKey();
      long validity = groups.validity().get(folder);
      conn.call(
          "UID FETCH summaries",
          () -> {
            IMAPFolder f = conn.selectChecked(folder, validity);
            for (String set : UidSets.batches(e.getValue())) {
              fetchSummaries(f, "UID FETCH " + set, folder, validity, result::add);
            }
            return null;
          });
    }
    return List.copyOf(result);
  }

  /** Streams the summaries of every message in {@code folder}, {@code pageSize} per FETCH. */
  public long forEachSummary(String folder, int pageSize, Consumer<MessageSummary> consumer)
      throws InetkitException {
    return conn.call(
        "FETCH summaries of " + folder,
        () -> {
          IMAPFolder f = conn.select(folder);
          long validity = f.getUIDValidity();
          int total = f.getMessageCount();
          long[] count = {0};
          for (int start = 1; start <= total; start += pageSize) {
            int end = Math.min(total, start + pageSize - 1);
            conn.sockets().startOperation(conn.client().timeouts().overall());
            fetchSummaries(
                f,
                "FETCH " + start + ":" + end,
                folder,
                validity,
                s -> {
                  consumer.accept(s);
                  count[0]++;
                });
          }
          return count[0];
        });
  }

  private void fetchSummaries(
      IMAPFolder f, String fetch, String folder, long validity, Consumer<MessageSummary> sink)
      throws MessagingException {
    // each response becomes a summary as it arrives: a page is never held whole
    conn.uidStream(
        f,
        fetch + " (" + SUMMARY_ITEMS + ")",
        r -> {
          if (r instanceof FetchResponse fr) {
            MessageSummary s = ImapResponses.summary(folder, validity, fr);
            if (s != null) {
              sink.accept(s);
            }
          }
        });
  }

  /** Streams the raw message to {@code out} in partial FETCHes; returns the byte count. */
  public long download(MessageRef ref, OutputStream out, ProgressListener progress)
      throws InetkitException {
    return conn.call(
        "UID FETCH " + ref.uid() + " BODY[]",
        () -> {
          IMAPFolder f = conn.selectChecked(ref.folder(), ref.uidValidity());
          return copyBody(f, ref.uid(), "", out, progress);
        });
  }

  /** Lists the message's leaf MIME parts from its BODYSTRUCTURE. */
  public List<MessagePart> parts(MessageRef ref) throws InetkitException {
    return conn.call(
        "UID FETCH " + ref.uid() + " BODYSTRUCTURE",
        () -> {
          IMAPFolder f = conn.selectChecked(ref.folder(), ref.uidValidity());
          BODYSTRUCTURE bs = null;
          for (Response r :
              conn.uidCommand(f, "UID FETCH " + ref.uid() + " (UID BODYSTRUCTURE)", null)) {
            if (r instanceof FetchResponse fr && ImapConnection.matches(fr, ref.uid())) {
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

  /** Saves {@code attachments} of the message into {@code directory}, decoded, one file each. */
  public List<Path> saveAttachments(MessageRef ref, List<MessagePart> attachments, Path directory)
      throws InetkitException {
    return conn.call(
        "save attachments of " + ref,
        () -> {
          Files.createDirectories(directory);
          IMAPFolder f = conn.selectChecked(ref.folder(), ref.uidValidity());
          List<Path> saved = new ArrayList<>();
          for (MessagePart part : attachments) {
            String safe = SafeFiles.sanitize(part.fileName(), "attachment-" + part.section());
            Path target = SafeFiles.uniqueTarget(directory, safe);
            SafeFiles.writeAtomically(
                target,
                out -> {
                  try (InputStream decoded =
                      MimeUtility.decode(
                          new BodyStream(conn, f, ref.uid(), part.section()), part.encoding())) {
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
  long copyBody(IMAPFolder f, long uid, String section, OutputStream out, ProgressListener progress)
      throws MessagingException, IOException {
    int chunk = conn.client().fetchSize();
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
      for (Response r : conn.uidCommand(f, "UID FETCH " + uid + " (" + items + ")", null)) {
        if (r instanceof FetchResponse fr && ImapConnection.matches(fr, uid)) {
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
          throw conn.gone(f.getFullName(), uid);
        }
        break;
      }
      if (tracker == null) {
        tracker =
            new ProgressTracker(
                "UID " + uid, size, progress, conn.client().eventListener(), conn.endpoint());
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

  private NotFoundException gone(MessageRef ref) {
    return conn.gone(ref.folder(), ref.uid());
  }
}
