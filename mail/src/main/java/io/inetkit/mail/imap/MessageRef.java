package io.inetkit.mail.imap;

import io.inetkit.core.InvalidInputException;
import io.inetkit.core.internal.Inputs;

/**
 * A message on an IMAP server, addressed by UID, never by sequence number: the folder, the folder's
 * UIDVALIDITY when the UID was obtained, and the UID. Every session method that takes a ref first
 * checks the UIDVALIDITY and throws {@link UidValidityException} if it changed, so a stored ref can
 * never silently name another message.
 *
 * <pre>{@code
 * MessageRef ref = imap.search("INBOX", SearchCriteria.unseen()).get(0);
 * imap.download(ref, Path.of("message.eml"));
 * }</pre>
 *
 * @param folder the folder's full name
 * @param uidValidity the folder's UIDVALIDITY (positive)
 * @param uid the message's UID (positive)
 */
public record MessageRef(String folder, long uidValidity, long uid) {

  /**
   * Validates: folder without CR/LF/NUL, positive numbers.
   *
   * @param folder the folder's full name
   * @param uidValidity the folder's UIDVALIDITY (positive)
   * @param uid the message's UID (positive)
   */
  public MessageRef {
    Inputs.requireNonEmpty("folder", folder);
    if (uidValidity <= 0 || uid <= 0 || uid > 0xFFFF_FFFFL || uidValidity > 0xFFFF_FFFFL) {
      throw new InvalidInputException("uid", "UID and UIDVALIDITY must be 1 to 2^32-1");
    }
  }

  /** Returns {@code folder;UIDVALIDITY=v/;UID=u}, after RFC 5092. */
  @Override
  public String toString() {
    return folder + ";UIDVALIDITY=" + uidValidity + "/;UID=" + uid;
  }
}
