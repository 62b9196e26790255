package io.inetkit.mail;

/**
 * What one Maildir sync did.
 *
 * <pre>{@code
 * SyncResult r = imap.syncTo("INBOX", maildir, AfterDownload.KEEP_ON_SERVER);
 * System.out.printf("%d new, %d already here%n", r.downloaded(), r.alreadySynced());
 * }</pre>
 *
 * @param downloaded messages copied into the Maildir by this run
 * @param alreadySynced remote messages skipped because an earlier run copied them
 * @param deletedOnServer messages deleted on the server (only with {@link
 *     AfterDownload#DELETE_FROM_SERVER})
 * @param recovered copies an interrupted earlier run had made durable but not yet renamed into
 *     {@code new/}, finished by this run
 * @param bytes bytes downloaded by this run
 */
public record SyncResult(
    int downloaded, int alreadySynced, int deletedOnServer, int recovered, long bytes) {

  /**
   * Validates that every count is non-negative.
   *
   * @param downloaded messages copied into the Maildir by this run
   * @param alreadySynced remote messages skipped because an earlier run copied them
   * @param deletedOnServer messages deleted on the server (only with {@link
   *     AfterDownload#DELETE_FROM_SERVER})
   * @param recovered copies an interrupted earlier run had made durable but not yet renamed into
   *     {@code new/}, finished by this run
   * @param bytes bytes downloaded by this run
   */
  public SyncResult {
    if (downloaded < 0 || alreadySynced < 0 || deletedOnServer < 0 || recovered < 0 || bytes < 0) {
      throw new IllegalArgumentException("negative count in sync result");
    }
  }
}
