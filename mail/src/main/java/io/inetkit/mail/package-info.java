/**
 * Mail over SMTP, IMAP and POP3, and local Maildir sync.
 *
 * <p>Sending: {@link io.inetkit.mail.SmtpClient} (immutable configuration), {@link
 * io.inetkit.mail.SmtpSession} (one connection), the message model ({@link
 * io.inetkit.mail.MailMessage}, {@link io.inetkit.mail.MailAddress}, {@link
 * io.inetkit.mail.Attachment}, {@link io.inetkit.mail.PreparedMessage}) and the results ({@link
 * io.inetkit.mail.SendReceipt}, {@link io.inetkit.mail.SendOutcome}).
 *
 * <p>Reading: {@link io.inetkit.mail.ImapClient} / {@link io.inetkit.mail.ImapSession} (folders,
 * search, summaries, downloads, attachments, flags, move, append, {@link io.inetkit.mail.ImapWatch
 * IDLE watch}), {@link io.inetkit.mail.Pop3Client} / {@link io.inetkit.mail.Pop3Session}, and
 * durable sync into a {@link io.inetkit.mail.Maildir}.
 *
 * <pre>{@code
 * try (ImapSession imap = imapClient.open()) {
 *   for (MessageSummary m : imap.summaries(imap.search("INBOX", SearchCriteria.unseen()))) {
 *     System.out.println(m.ref().uid() + " " + m.subject());
 *   }
 * }
 * }</pre>
 *
 * <p>Jakarta Mail is an implementation detail; {@link io.inetkit.mail.JakartaMailInterop} is the
 * one way to reach it.
 */
package io.inetkit.mail;
