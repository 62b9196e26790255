package io.inetkit.mail.imap;

/**
 * What an account sync does with the local copy of a message that was expunged on the server.
 *
 * <pre>{@code
 * AccountSyncOptions.builder().expunged(ExpungedMessages.DELETE_LOCAL).build();
 * }</pre>
 */
public enum ExpungedMessages {
  /** Keep the local copy (the default): a sync never loses mail you have. */
  KEEP_LOCAL,
  /** Delete the local copy, as a mirror would. */
  DELETE_LOCAL
}
