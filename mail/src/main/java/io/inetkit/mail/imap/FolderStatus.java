package io.inetkit.mail.imap;

import java.util.Objects;

/**
 * A folder's counters from IMAP STATUS, read without selecting it.
 *
 * <pre>{@code
 * FolderStatus s = imap.status("INBOX");
 * System.out.println(s.unseen() + " unread of " + s.messages());
 * }</pre>
 *
 * @param folder the folder's full name
 * @param messages number of messages
 * @param unseen number of messages without {@code \Seen}
 * @param uidNext the UID the next message will get
 * @param uidValidity the UIDVALIDITY: UIDs are only comparable while it stays the same
 */
public record FolderStatus(
    String folder, long messages, long unseen, long uidNext, long uidValidity) {

  /**
   * Validates.
   *
   * @param folder the folder's full name
   * @param messages number of messages
   * @param unseen number of messages without {@code \Seen}
   * @param uidNext the UID the next message will get
   * @param uidValidity the UIDVALIDITY: UIDs are only comparable while it stays the same
   */
  public FolderStatus {
    Objects.requireNonNull(folder, "folder");
  }
}
