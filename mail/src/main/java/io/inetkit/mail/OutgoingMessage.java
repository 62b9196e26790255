package io.inetkit.mail;

import java.util.List;

/**
 * Something an {@link io.inetkit.mail.smtp.SmtpSession} can send: a {@link MailMessage} composed
 * with the builder, or a {@link PreparedMessage} (an RFC 5322 file sent as it is). Both say who the
 * envelope is from and to whom it goes.
 *
 * <pre>{@code
 * List<OutgoingMessage> batch = List.of(message, PreparedMessage.of(Path.of("saved.eml")));
 * List<SendOutcome> outcomes = smtp.sendAll(batch);
 * }</pre>
 */
public sealed interface OutgoingMessage permits MailMessage, PreparedMessage {
  /** {@return the envelope sender ({@code MAIL FROM})} */
  MailAddress envelopeFrom();

  /** {@return the envelope recipients ({@code RCPT TO}), without duplicates} */
  List<MailAddress> envelopeRecipients();
}
