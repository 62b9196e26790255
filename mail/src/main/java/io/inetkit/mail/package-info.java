/**
 * Composing and sending mail: {@link io.inetkit.mail.SmtpClient} (immutable configuration),
 * {@link io.inetkit.mail.SmtpSession} (one connection), the message model ({@link
 * io.inetkit.mail.MailMessage}, {@link io.inetkit.mail.MailAddress}, {@link
 * io.inetkit.mail.Attachment}, {@link io.inetkit.mail.PreparedMessage}) and the results ({@link
 * io.inetkit.mail.SendReceipt}, {@link io.inetkit.mail.SendOutcome}). Jakarta Mail is an
 * implementation detail; {@link io.inetkit.mail.JakartaMailInterop} is the one way to reach it.
 */
package io.inetkit.mail;
