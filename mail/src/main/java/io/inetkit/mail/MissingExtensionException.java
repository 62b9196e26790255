package io.inetkit.mail;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;

/**
 * The message needs an SMTP extension the server did not offer in its EHLO reply, for example
 * {@code SMTPUTF8} for an internationalised address. Nothing of the message was sent.
 *
 * <pre>{@code
 * catch (MissingExtensionException e) {
 *   System.err.println(e.extension() + " not offered by " + e.endpoint());
 * }
 * }</pre>
 */
public class MissingExtensionException extends InetkitException {
  private static final long serialVersionUID = 1L;

  private final String extension;

  /**
   * @param extension the missing EHLO keyword
   * @param why what needed it
   * @param endpoint the server
   */
  public MissingExtensionException(String extension, String why, Endpoint endpoint) {
    super(why + ", but the server does not offer " + extension, endpoint, null);
    this.extension = extension;
  }

  /** Returns the EHLO keyword that was missing. */
  public String extension() {
    return extension;
  }
}
