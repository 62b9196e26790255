package io.inetkit.mail.imap.internal;

import io.inetkit.core.InetkitException;
import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.Maildir;
import io.inetkit.mail.SyncResult;
import io.inetkit.mail.imap.AccountSyncOptions;
import io.inetkit.mail.imap.AccountSyncResult;
import io.inetkit.mail.internal.SyncIds;
import io.inetkit.mail.internal.sync.AccountSync;
import io.inetkit.mail.internal.sync.ImapMaildirSync;
import io.inetkit.mail.internal.sync.ImapSyncLink;

/**
 * The IMAP side of Maildir sync: hands the session's one connection to the batched sync engine
 * ({@code mail.internal.sync}), for one folder or the whole account.
 */
public final class ImapSync {
  private final ImapConnection conn;

  /** Sync over {@code conn}. */
  public ImapSync(ImapConnection conn) {
    this.conn = conn;
  }

  /** Copies the messages of {@code name} not yet in {@code maildir}; see ImapSession.syncTo. */
  public SyncResult syncTo(String name, Maildir maildir, AfterDownload after)
      throws InetkitException {
    return conn.call(
        "sync " + name + " to " + maildir,
        () -> {
          conn.closeSelected(); // the sync runs on the connection the selected folder held
          return ImapMaildirSync.folder(link(), name, maildir.root(), after, this::syncId);
        });
  }

  /** Syncs the folders {@code options} selects; see ImapSession.syncAccount. */
  public AccountSyncResult syncAccount(Maildir maildir, AccountSyncOptions options)
      throws InetkitException {
    return conn.call(
        "sync account to " + maildir,
        () -> {
          conn.closeSelected();
          return AccountSync.run(link(), maildir.root(), options, this::syncId);
        });
  }

  private ImapSyncLink link() {
    return new ImapSyncLink(
        conn.store(),
        conn.sockets(),
        conn.endpoint(),
        conn.client().credentials().user(),
        conn.client().fetchSize(),
        conn.client().maxLineLength(),
        conn.client().timeouts().overall());
  }

  private String syncId(String folder) {
    return SyncIds.of("imap", conn.client().credentials().user(), conn.endpoint(), folder);
  }
}
