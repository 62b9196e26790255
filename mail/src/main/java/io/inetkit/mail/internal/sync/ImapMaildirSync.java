package io.inetkit.mail.internal.sync;

import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.SyncResult;
import io.inetkit.mail.imap.ExpungedMessages;
import io.inetkit.mail.imap.FolderSyncResult;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The entry point of a one-folder sync ({@code ImapSession.syncTo}). Not part of the public API.
 */
public final class ImapMaildirSync {
  private ImapMaildirSync() {}

  /**
   * Syncs {@code folder} into the Maildir at {@code root} on the session's connection, keeping
   * local copies of messages expunged on the server.
   */
  public static SyncResult folder(
      ImapSyncLink link,
      String folder,
      Path root,
      AfterDownload after,
      Function<String, String> syncIds)
      throws IOException, MessagingException {
    return link.onConnection(
        p -> {
          FolderSync sync =
              new FolderSync(
                  p,
                  link,
                  folder,
                  root,
                  syncIds.apply(folder),
                  after,
                  ExpungedMessages.KEEP_LOCAL,
                  false);
          FolderSyncResult r = sync.run();
          return new SyncResult(
              r.downloaded(), r.alreadySynced(), sync.deletedOnServer(), r.recovered(), r.bytes());
        });
  }
}
