package io.inetkit.mail.imap;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ImapSession#syncAccount} did (or, in a dry run, would do).
 *
 * <pre>{@code
 * AccountSyncResult r = imap.syncAccount(Maildir.open(Path.of("Mail")), AccountSyncOptions.defaults());
 * r.newFolders().forEach(f -> System.out.println("new folder " + f));
 * r.deletedOnServer().forEach(f -> System.out.println("gone on the server, kept here: " + f));
 * }</pre>
 *
 * @param folders one result per folder synced, in the server's LIST order
 * @param newFolders folders synced for the first time by this run
 * @param deletedOnServer folders an earlier run synced that the server no longer lists; their local
 *     Maildirs are kept
 * @param dryRun whether nothing was changed (see {@link AccountSyncOptions#dryRun()})
 */
public record AccountSyncResult(
    List<FolderSyncResult> folders,
    List<String> newFolders,
    List<String> deletedOnServer,
    boolean dryRun) {

  /**
   * Copies the lists.
   *
   * @param folders one result per folder synced, in the server's LIST order
   * @param newFolders folders synced for the first time by this run
   * @param deletedOnServer folders an earlier run synced that the server no longer lists; their
   *     local Maildirs are kept
   * @param dryRun whether nothing was changed (see {@link AccountSyncOptions#dryRun()})
   */
  public AccountSyncResult {
    folders = List.copyOf(Objects.requireNonNull(folders, "folders"));
    newFolders = List.copyOf(Objects.requireNonNull(newFolders, "newFolders"));
    deletedOnServer = List.copyOf(Objects.requireNonNull(deletedOnServer, "deletedOnServer"));
  }

  /** {@return the messages downloaded across all folders} */
  public int downloaded() {
    return folders.stream().mapToInt(FolderSyncResult::downloaded).sum();
  }

  /** {@return the bytes downloaded across all folders} */
  public long bytes() {
    return folders.stream().mapToLong(FolderSyncResult::bytes).sum();
  }
}
