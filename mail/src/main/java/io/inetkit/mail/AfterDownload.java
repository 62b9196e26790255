package io.inetkit.mail;

/**
 * What a Maildir sync does with a message on the server once its local copy is durable.
 *
 * <pre>{@code
 * pop3.syncTo(Maildir.open(Path.of("Mail/inbox")), AfterDownload.DELETE_FROM_SERVER);
 * }</pre>
 */
public enum AfterDownload {
  /** Leave the message on the server; the sync state remembers it was copied. */
  KEEP_ON_SERVER,
  /**
   * Delete the message on the server, but only after its file is fsynced and renamed into the
   * Maildir: a crash at any moment loses no message.
   */
  DELETE_FROM_SERVER
}
