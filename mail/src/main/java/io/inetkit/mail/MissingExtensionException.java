package io.inetkit.mail;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;

/**
 * The task needs an extension the server did not offer: an SMTP extension missing from the EHLO
 * reply, for example {@code SMTPUTF8} for an internationalised address (nothing of the message was
 * sent), or an IMAP capability such as {@code IDLE} for a watch in {@link
 * io.inetkit.mail.imap.WatchOptions.Mode#IDLE} mode.
 *
 * <pre>{@code
 * catch (MissingExtensionException e) {
 *   System.err.println(e.extension() + " not offered by " + e.endpoint());
 * }
 * }</pre>
 */
public class MissingExtensionException extends InetkitException {
  private static final long serialVersionUID = 1L;

  /** The EHLO keyword or IMAP capability the server does not offer. */
  private final String extension;

  /**
   * @param extension the missing EHLO keyword or IMAP capability
   * @param why what needed it
   * @param endpoint the server
   */
  public MissingExtensionException(String extension, String why, Endpoint endpoint) {
    super(why + ", but the server does not offer " + extension, endpoint, null);
    this.extension = extension;
  }

  /** {@return the EHLO keyword or IMAP capability that was missing} */
  public String extension() {
    return extension;
  }
}
