package io.inetkit.mail.imap;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a sync did to one folder (or, in a dry run, would do): part of an {@link AccountSyncResult}.
 *
 * <pre>{@code
 * for (FolderSyncResult f : imap.syncAccount(maildir, AccountSyncOptions.defaults()).folders()) {
 *   System.out.printf("%s: %d new, %d flag changes%n", f.folder(), f.downloaded(), f.flagsUpdated());
 * }
 * }</pre>
 *
 * @param folder the IMAP folder name
 * @param maildir the local Maildir (Maildir++ sub-folder) it is synced to
 * @param downloaded messages copied into the Maildir (in a dry run: that would be)
 * @param alreadySynced messages an earlier run copied
 * @param flagsUpdated local files whose flags (the Maildir info suffix) were changed to match the
 *     server
 * @param expungedOnServer messages found expunged on the server since the last run
 * @param deletedLocally local copies deleted because their message was expunged on the server (only
 *     with {@link ExpungedMessages#DELETE_LOCAL})
 * @param recovered copies an interrupted earlier run had made durable, finished by this run
 * @param bytes bytes downloaded (in a dry run: the sizes the server announced)
 */
public record FolderSyncResult(
    String folder,
    Path maildir,
    int downloaded,
    int alreadySynced,
    int flagsUpdated,
    int expungedOnServer,
    int deletedLocally,
    int recovered,
    long bytes) {

  /**
   * Validates the values.
   *
   * @param folder the IMAP folder name
   * @param maildir the local Maildir (Maildir++ sub-folder) it is synced to
   * @param downloaded messages copied into the Maildir (in a dry run: that would be)
   * @param alreadySynced messages an earlier run copied
   * @param flagsUpdated local files whose flags (the Maildir info suffix) were changed to match the
   *     server
   * @param expungedOnServer messages found expunged on the server since the last run
   * @param deletedLocally local copies deleted because their message was expunged on the server
   *     (only with {@link ExpungedMessages#DELETE_LOCAL})
   * @param recovered copies an interrupted earlier run had made durable, finished by this run
   * @param bytes bytes downloaded (in a dry run: the sizes the server announced)
   */
  public FolderSyncResult {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(maildir, "maildir");
    if (downloaded < 0
        || alreadySynced < 0
        || flagsUpdated < 0
        || expungedOnServer < 0
        || deletedLocally < 0
        || recovered < 0
        || bytes < 0) {
      throw new IllegalArgumentException("negative count in folder sync result");
    }
  }

  /** {@return whether this run changed (or would change) nothing locally} */
  public boolean unchanged() {
    return downloaded == 0 && flagsUpdated == 0 && expungedOnServer == 0 && deletedLocally == 0;
  }
}
