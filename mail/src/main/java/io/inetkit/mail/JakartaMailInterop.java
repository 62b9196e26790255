package io.inetkit.mail;

import io.inetkit.mail.internal.MimeComposer;
import jakarta.mail.MessagingException;

/**
 * The escape hatch to Jakarta Mail, for code that must hand a {@code MimeMessage} to another
 * library. Everything else in inetkit keeps Jakarta Mail types out of its signatures.
 *
 * <pre>{@code
 * jakarta.mail.internet.MimeMessage mime = JakartaMailInterop.toMimeMessage(message);
 * }</pre>
 */
public final class JakartaMailInterop {
  private JakartaMailInterop() {}

  /**
   * {@return {@code message} as a Jakarta Mail {@code MimeMessage}, with the same headers and parts
   * inetkit would send (attachments still streamed when it is written)}
   *
   * @param message the message to convert
   * @throws IllegalStateException if Jakarta Mail refuses the message (not expected)
   */
  public static jakarta.mail.internet.MimeMessage toMimeMessage(MailMessage message) {
    try {
      return MimeComposer.compose(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("Jakarta Mail refused the message: " + e.getMessage(), e);
    }
  }
}
