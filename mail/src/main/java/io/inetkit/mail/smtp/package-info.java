/**
 * Sending mail over SMTP (RFC 5321) with STARTTLS or implicit TLS, AUTH, PIPELINING, SMTPUTF8 and
 * delivery status notifications.
 *
 * <p>{@link io.inetkit.mail.smtp.SmtpClient} is the immutable, thread-safe configuration; {@link
 * io.inetkit.mail.smtp.SmtpSession} is one connection. A send returns a {@link
 * io.inetkit.mail.smtp.SendReceipt} (accepted, not delivered) listing every {@link
 * io.inetkit.mail.smtp.RecipientReply}; a batch returns one {@link
 * io.inetkit.mail.smtp.SendOutcome} per message. The messages themselves are the shared values of
 * {@link io.inetkit.mail}.
 *
 * <pre>{@code
 * SmtpClient smtp = SmtpClient.builder()
 *     .endpoint("mail.example.org", 587)
 *     .credentials(Credentials.of("alice", password))
 *     .build();
 * SendReceipt receipt = smtp.send(message);
 * }</pre>
 */
package io.inetkit.mail.smtp;
