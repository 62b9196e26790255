package io.inetkit.mail.imap;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;

/**
 * A folder's UIDVALIDITY changed since a UID was obtained: the server renumbered its messages, so
 * the UID may now name a different message. Nothing was done with it. Search again (or, for a
 * Maildir sync, start a new sync state) to get fresh UIDs.
 *
 * <pre>{@code
 * try {
 *   imap.download(savedRef, target);
 * } catch (UidValidityException e) {
 *   // the folder was rebuilt on the server: look the message up again
 * }
 * }</pre>
 */
public final class UidValidityException extends InetkitException {
  private static final long serialVersionUID = 1L;

  /** The folder's full name. */
  private final String folder;

  /** The UIDVALIDITY the UIDs belong to. */
  private final long expected;

  /** The folder's UIDVALIDITY now. */
  private final long actual;

  /**
   * @param folder the folder
   * @param expected the UIDVALIDITY the UID belongs to
   * @param actual the folder's UIDVALIDITY now
   * @param endpoint the server
   */
  public UidValidityException(String folder, long expected, long actual, Endpoint endpoint) {
    super(
        "UIDVALIDITY of folder \""
            + folder
            + "\" changed from "
            + expected
            + " to "
            + actual
            + ": its UIDs were renumbered, the UID is not used",
        endpoint,
        null);
    this.folder = folder;
    this.expected = expected;
    this.actual = actual;
  }

  /** {@return the folder} */
  public String folder() {
    return folder;
  }

  /** {@return the UIDVALIDITY the UID belonged to} */
  public long expected() {
    return expected;
  }

  /** {@return the folder's UIDVALIDITY now} */
  public long actual() {
    return actual;
  }
}
