package io.inetkit.mail.internal.sync;

import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.imap.ExpungedMessages;
import io.inetkit.mail.imap.FolderSyncResult;
import io.inetkit.mail.imap.UidValidityException;
import io.inetkit.mail.internal.SyncJournal;
import io.inetkit.mail.internal.UidSets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.ResyncData;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.MailboxInfo;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * Syncs one IMAP folder into one Maildir on the session's connection:
 *
 * <ol>
 *   <li>SELECT (with CONDSTORE when offered; QRESYNC is ENABLEd first when offered);
 *   <li>new messages: one {@code UID FETCH last+1:* (UID RFC822.SIZE FLAGS)} (skipped when UIDNEXT
 *       says there are none), then bodies in batches of up to {@link #BATCH_COUNT} messages and
 *       {@link #BATCH_BYTES} announced bytes per {@code UID FETCH (UID FLAGS BODY.PEEK[])}, each
 *       response streamed to its file; a message larger than the fetch size in partial FETCHes;
 *   <li>flags and expunges of the messages synced before: with a stored HIGHESTMODSEQ, nothing when
 *       it is unchanged, else {@code UID FETCH 1:last (UID FLAGS) (CHANGEDSINCE m [VANISHED])};
 *       without CONDSTORE, {@code UID FETCH 1:last (UID FLAGS)}, whose missing UIDs were expunged.
 * </ol>
 *
 * Not part of the public API.
 */
final class FolderSync {
  /** The most messages per body FETCH. */
  static final int BATCH_COUNT = 200;

  /** The most announced bytes per body FETCH (bodies are streamed, so this bounds a retry). */
  static final long BATCH_BYTES = 32L * 1024 * 1024;

  private record Remote(long uid, long size, String letters) {}

  private final IMAPProtocol p;
  private final ImapSyncLink link;
  private final String folder;
  private final Path root;
  private final String syncId;
  private final AfterDownload after;
  private final ExpungedMessages expunged;
  private final boolean dryRun;

  private int downloaded;
  private long bytes;
  private int flagsUpdated;
  private int expungedOnServer;
  private int deletedLocally;

  FolderSync(
      IMAPProtocol p,
      ImapSyncLink link,
      String folder,
      Path root,
      String syncId,
      AfterDownload after,
      ExpungedMessages expunged,
      boolean dryRun) {
    this.p = p;
    this.link = link;
    this.folder = folder;
    this.root = root;
    this.syncId = syncId;
    this.after = after;
    this.expunged = expunged;
    this.dryRun = dryRun;
  }

  FolderSyncResult run() throws IOException, ProtocolException {
    boolean qresync = p.hasCapability("QRESYNC");
    boolean condstore = qresync || p.hasCapability("CONDSTORE");
    if (qresync && !p.isEnabled("QRESYNC")) {
      try {
        p.enable("QRESYNC");
      } catch (ProtocolException e) {
        qresync = false; // e.g. a folder is selected already: CHANGEDSINCE alone still works
      }
    }
    qresync = qresync && p.isEnabled("QRESYNC");
    MailboxInfo box =
        condstore && !qresync ? p.select(folder, ResyncData.CONDSTORE) : p.select(folder);
    String validity = Long.toString(box.uidvalidity);
    SyncJournal journal =
        dryRun
            ? SyncJournal.read(root, syncId).orElse(null)
            : SyncJournal.open(root, syncId, validity);
    try {
      if (journal != null && !journal.validity().equals(validity)) {
        throw new UidValidityException(
            folder, Long.parseLong(journal.validity()), box.uidvalidity, link.endpoint());
      }
      if (!dryRun) {
        io.inetkit.mail.internal.StaleTmpFiles.clean(root, java.time.Instant.now());
      }
      long last = journal == null ? 0 : journal.highestNumericKey();
      boolean unchanged =
          condstore
              && journal != null
              && journal.modSeq() > 0
              && box.highestmodseq == journal.modSeq();
      List<String> liveBefore = journal == null || unchanged ? List.of() : journal.liveKeys();
      long from = after == AfterDownload.DELETE_FROM_SERVER ? 1 : last + 1;
      List<Remote> fresh = new ArrayList<>();
      List<Long> onServer = new ArrayList<>();
      if (after == AfterDownload.DELETE_FROM_SERVER || box.uidnext <= 0 || box.uidnext > from) {
        listFrom(from, journal, fresh, onServer);
      }
      download(journal, fresh);
      if (after == AfterDownload.DELETE_FROM_SERVER) {
        deleteOnServer(journal, onServer);
      } else if (journal != null && last > 0) {
        changes(journal, last, liveBefore, box, condstore, qresync, fresh.size());
      }
      if (!dryRun && condstore && box.highestmodseq > 0) {
        journal.recordModSeq(box.highestmodseq);
      }
      int already = Math.max(0, box.total - downloaded);
      return new FolderSyncResult(
          folder,
          root,
          downloaded,
          already,
          flagsUpdated,
          expungedOnServer,
          deletedLocally,
          journal == null ? 0 : journal.recovered(),
          bytes);
    } finally {
      if (journal != null) {
        journal.close();
      }
    }
  }

  /** Lists the messages with UID {@code from} and above that the journal does not hold. */
  private void listFrom(long from, SyncJournal journal, List<Remote> fresh, List<Long> onServer)
      throws IOException, ProtocolException {
    link.sockets().startOperation(link.overall());
    SyncWire.stream(
        p,
        "UID FETCH " + from + ":* (UID RFC822.SIZE FLAGS)",
        Set.of(),
        r -> {
          if (r instanceof FetchResponse fr) {
            UID uid = fr.getItem(UID.class);
            RFC822SIZE size = fr.getItem(RFC822SIZE.class);
            if (uid == null || uid.uid < from) {
              return; // "n:*" also matches the last message when n is beyond it
            }
            onServer.add(uid.uid);
            if (journal == null || !journal.contains(Long.toString(uid.uid))) {
              FLAGS flags = fr.getItem(FLAGS.class);
              fresh.add(
                  new Remote(
                      uid.uid,
                      size == null ? -1 : size.size,
                      flags == null ? "" : MaildirInfo.letters(flags)));
            }
          }
        });
    fresh.sort((a, b) -> Long.compare(a.uid(), b.uid()));
  }

  private void download(SyncJournal journal, List<Remote> fresh)
      throws IOException, ProtocolException {
    if (dryRun) {
      for (Remote m : fresh) {
        downloaded++;
        bytes += Math.max(0, m.size());
      }
      return;
    }
    PendingFiles pending = new PendingFiles(root);
    try {
      List<Remote> batch = new ArrayList<>();
      long batchBytes = 0;
      for (Remote m : fresh) {
        if (m.size() < 0 || m.size() > link.fetchSize()) {
          fetchLarge(pending, m);
          downloaded += pending.commit(journal);
          continue;
        }
        if (batch.size() == BATCH_COUNT || batchBytes + m.size() > BATCH_BYTES) {
          fetchBatch(pending, batch);
          downloaded += pending.commit(journal);
          batch.clear();
          batchBytes = 0;
        }
        batch.add(m);
        batchBytes += m.size();
      }
      fetchBatch(pending, batch);
      downloaded += pending.commit(journal);
    } catch (IOException | ProtocolException | RuntimeException e) {
      try {
        downloaded += pending.commit(journal); // keep what arrived whole
      } catch (IOException | RuntimeException again) {
        pending.discard();
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  private void fetchBatch(PendingFiles pending, List<Remote> batch)
      throws IOException, ProtocolException {
    if (batch.isEmpty()) {
      return;
    }
    Map<Long, String> letters = new HashMap<>();
    List<Long> uids = new ArrayList<>();
    for (Remote m : batch) {
      letters.put(m.uid(), m.letters());
      uids.add(m.uid());
    }
    for (String set : UidSets.batches(uids)) {
      link.sockets().startOperation(link.overall());
      SyncWire.stream(
          p,
          "UID FETCH " + set + " (UID FLAGS BODY.PEEK[])",
          Set.of(),
          r -> {
            if (r instanceof FetchResponse fr) {
              UID uid = fr.getItem(UID.class);
              BODY body = fr.getItem(BODY.class);
              if (uid == null || body == null || !letters.containsKey(uid.uid)) {
                return; // an unsolicited FETCH (a flag change elsewhere): not ours
              }
              ByteArray data = body.getByteArray();
              FLAGS flags = fr.getItem(FLAGS.class);
              String listed = letters.remove(uid.uid);
              String l = flags == null ? listed : MaildirInfo.letters(flags);
              bytes +=
                  pending.write(
                      Long.toString(uid.uid),
                      l,
                      out -> {
                        out.write(data.getBytes(), data.getStart(), data.getCount());
                        return data.getCount();
                      });
            }
          });
    }
  }

  /** Fetches one message in partial FETCHes of the fetch size, streamed to its file. */
  private void fetchLarge(PendingFiles pending, Remote m) throws IOException, ProtocolException {
    int chunk = link.fetchSize();
    long[] got = new long[1];
    boolean[] found = new boolean[1];
    try {
      bytes +=
          pending.write(
              Long.toString(m.uid()),
              m.letters(),
              out -> {
                while (true) {
                  link.sockets().startOperation(link.overall());
                  long before = got[0];
                  try {
                    SyncWire.stream(
                        p,
                        "UID FETCH " + m.uid() + " (UID BODY.PEEK[]<" + got[0] + "." + chunk + ">)",
                        Set.of(),
                        r -> {
                          if (r instanceof FetchResponse fr) {
                            UID uid = fr.getItem(UID.class);
                            BODY body = fr.getItem(BODY.class);
                            if (uid != null && uid.uid == m.uid() && body != null) {
                              ByteArray data = body.getByteArray();
                              out.write(data.getBytes(), data.getStart(), data.getCount());
                              got[0] += data.getCount();
                              found[0] = true;
                            }
                          }
                        });
                  } catch (ProtocolException e) {
                    throw new WrappedProtocolException(e);
                  }
                  if (!found[0]) {
                    throw new GoneException();
                  }
                  if (got[0] - before < chunk) {
                    return got[0];
                  }
                }
              });
    } catch (WrappedProtocolException e) {
      throw e.protocol;
    } catch (GoneException e) {
      // expunged since the listing: nothing to copy
    }
  }

  /** Carries a ProtocolException through a body writer (which may throw only IOException). */
  private static final class WrappedProtocolException extends IOException {
    private static final long serialVersionUID = 1L;
    final transient ProtocolException protocol;

    WrappedProtocolException(ProtocolException protocol) {
      super(protocol);
      this.protocol = protocol;
    }
  }

  /** A message expunged between the listing and its download. */
  private static final class GoneException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** Deletes on the server every listed message whose copy is durable (DELETE_FROM_SERVER). */
  private void deleteOnServer(SyncJournal journal, List<Long> onServer)
      throws IOException, ProtocolException {
    if (dryRun || journal == null) {
      return;
    }
    List<Long> durable = new ArrayList<>();
    for (long uid : onServer) {
      if (journal.contains(Long.toString(uid))) {
        durable.add(uid);
      }
    }
    boolean uidplus = p.hasCapability("UIDPLUS");
    for (String set : UidSets.batches(durable)) {
      link.sockets().startOperation(link.overall());
      SyncWire.stream(p, "UID STORE " + set + " +FLAGS.SILENT (\\Deleted)", Set.of(), r -> {});
      if (uidplus) {
        SyncWire.stream(p, "UID EXPUNGE " + set, Set.of(), r -> {});
      }
    }
    deletedOnServer = durable.size();
  }

  private int deletedOnServer;

  /** Returns how many messages DELETE_FROM_SERVER deleted on the server. */
  int deletedOnServer() {
    return deletedOnServer;
  }

  /** Brings the flags of the messages up to {@code last} in step and finds the expunged ones. */
  private void changes(
      SyncJournal journal,
      long last,
      List<String> liveBefore,
      MailboxInfo box,
      boolean condstore,
      boolean qresync,
      int freshCount)
      throws IOException, ProtocolException {
    boolean incremental = condstore && journal.modSeq() > 0;
    if (incremental && box.highestmodseq == journal.modSeq()) {
      return; // nothing changed in the folder: no flag, no expunge, no new message
    }
    LocalFiles files = new LocalFiles(root);
    Set<String> seen = new HashSet<>();
    Set<String> vanished = new HashSet<>();
    VanishedUids reported = new VanishedUids();
    String command =
        incremental
            ? "UID FETCH 1:"
                + last
                + " (UID FLAGS) (CHANGEDSINCE "
                + journal.modSeq()
                + (qresync ? " VANISHED)" : ")")
            : "UID FETCH 1:" + last + " (UID FLAGS)";
    link.sockets().startOperation(link.overall());
    SyncWire.stream(
        p,
        command,
        Set.of("VANISHED"),
        r -> {
          if (r instanceof FetchResponse fr) {
            UID uid = fr.getItem(UID.class);
            FLAGS flags = fr.getItem(FLAGS.class);
            if (uid == null || uid.uid > last) {
              return;
            }
            String key = Long.toString(uid.uid);
            seen.add(key);
            String name = journal.fileName(key);
            if (flags != null && name != null && !journal.isGone(key)) {
              if (files.applyFlags(name, MaildirInfo.letters(flags), dryRun)) {
                flagsUpdated++;
              }
            }
          } else if (r instanceof IMAPResponse ir && ir.keyEquals("VANISHED")) {
            reported.add(ir);
          }
        });
    if (!reported.isEmpty()) {
      for (String key : liveBefore) {
        if (reported.contains(Long.parseLong(key))) {
          vanished.add(key);
        }
      }
    }
    if (!incremental) {
      for (String key : liveBefore) {
        if (!seen.contains(key)) {
          vanished.add(key);
        }
      }
    } else if (!qresync && box.total != liveBefore.size() + freshCount) {
      // CONDSTORE without QRESYNC does not report expunges: the count says whether to look
      link.sockets().startOperation(link.overall());
      Set<String> present = new HashSet<>();
      SyncWire.stream(
          p,
          "UID SEARCH UID 1:" + last,
          Set.of("SEARCH"),
          r -> {
            if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
              long uid;
              while ((uid = ir.readLong()) > 0) {
                present.add(Long.toString(uid));
              }
            }
          });
      for (String key : liveBefore) {
        if (!present.contains(key)) {
          vanished.add(key);
        }
      }
    }
    files.sync();
    expunged(journal, files, vanished);
  }

  private void expunged(SyncJournal journal, LocalFiles files, Set<String> vanished)
      throws IOException {
    List<String> keys = new ArrayList<>();
    for (String key : vanished) {
      if (journal.contains(key) && !journal.isGone(key)) {
        keys.add(key);
      }
    }
    expungedOnServer = keys.size();
    if (keys.isEmpty() || dryRun) {
      deletedLocally = expunged == ExpungedMessages.DELETE_LOCAL ? keys.size() : 0;
      return;
    }
    if (expunged == ExpungedMessages.DELETE_LOCAL) {
      for (String key : keys) {
        if (files.delete(journal.fileName(key))) {
          deletedLocally++;
        }
      }
      files.sync(); // the deletions are durable before the journal forgets the messages
    }
    journal.recordExpunged(keys, expunged == ExpungedMessages.DELETE_LOCAL);
  }
}
