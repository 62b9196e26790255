package io.inetkit.mail.imap.internal;

import io.inetkit.core.InetkitException;
import io.inetkit.core.ProgressListener;
import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.Maildir;
import io.inetkit.mail.SyncResult;
import io.inetkit.mail.imap.UidValidityException;
import io.inetkit.mail.internal.MaildirSync;
import io.inetkit.mail.internal.SyncIds;
import io.inetkit.mail.internal.SyncJournal;
import io.inetkit.mail.internal.UidSets;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;

/** The IMAP side of Maildir sync: which UIDs to copy, their bodies, and deletes on the server. */
public final class ImapSync {
  private final ImapConnection conn;
  private final ImapReader reader;
  private final ImapChanges changes;

  /** Sync over {@code conn}, downloading with {@code reader} and deleting with {@code changes}. */
  public ImapSync(ImapConnection conn, ImapReader reader, ImapChanges changes) {
    this.conn = conn;
    this.reader = reader;
    this.changes = changes;
  }

  /** Copies the messages of {@code name} not yet in {@code maildir}; see ImapSession.syncTo. */
  public SyncResult syncTo(String name, Maildir maildir, AfterDownload after)
      throws InetkitException {
    return conn.call(
        "sync " + name + " to " + maildir,
        () -> {
          IMAPFolder f = conn.select(name);
          long validity = f.getUIDValidity();
          String user = conn.client().credentials().user();
          String id = SyncIds.of("imap", user, conn.endpoint(), name);
          try (SyncJournal journal =
              SyncJournal.open(maildir.root(), id, Long.toString(validity))) {
            if (!journal.validity().equals(Long.toString(validity))) {
              throw new UidValidityException(
                  name, Long.parseLong(journal.validity()), validity, conn.endpoint());
            }
            long from =
                after == AfterDownload.DELETE_FROM_SERVER ? 1 : journal.highestNumericKey() + 1;
            List<String> keys = new ArrayList<>();
            for (long uid : conn.searchUids(f, "UID SEARCH UID " + from + ":*", null)) {
              if (uid >= from) { // "n:*" also matches the last message when n is beyond it
                keys.add(Long.toString(uid));
              }
            }
            keys.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
            boolean uidplus = conn.hasCapability("UIDPLUS");
            // An incremental run asks only for UIDs above the last one synced; the folder's other
            // messages were copied by earlier runs and count as already synced, as with POP3.
            int older = from > 1 ? Math.max(0, f.getMessageCount() - keys.size()) : 0;
            SyncResult result =
                MaildirSync.run(maildir.root(), journal, keys, source(f, uidplus), after);
            return new SyncResult(
                result.downloaded(),
                result.alreadySynced() + older,
                result.deletedOnServer(),
                result.recovered(),
                result.bytes());
          }
        });
  }

  private MaildirSync.Source source(IMAPFolder f, boolean uidplus) {
    return new MaildirSync.Source() {
      @Override
      public long download(String key, OutputStream out) throws IOException {
        // each message is one operation under the overall deadline
        conn.sockets().startOperation(conn.client().timeouts().overall());
        try {
          return reader.copyBody(f, Long.parseLong(key), "", out, ProgressListener.NONE);
        } catch (MessagingException e) {
          throw conn.failure(e, "UID FETCH " + key);
        }
      }

      @Override
      public void markDeleted(List<String> deleted) throws IOException {
        try {
          for (String set : UidSets.batches(deleted.stream().map(Long::parseLong).toList())) {
            changes.deleteSet(f, set, uidplus);
          }
        } catch (MessagingException e) {
          throw conn.failure(e, "UID STORE \\Deleted");
        }
      }

      @Override
      public void commitDeletes() {
        // UID EXPUNGE already ran per batch
      }
    };
  }
}
