/**
 * Mail values shared by SMTP, IMAP and POP3: the message model, attachments, flags and local
 * Maildir sync.
 *
 * <p>The protocols live in their own packages: {@link io.inetkit.mail.smtp} sends, {@link
 * io.inetkit.mail.imap} and {@link io.inetkit.mail.pop3} read. This package holds what they share:
 * the immutable message model ({@link io.inetkit.mail.MailMessage}, {@link
 * io.inetkit.mail.MailAddress}, {@link io.inetkit.mail.Attachment}, {@link
 * io.inetkit.mail.PreparedMessage}, {@link io.inetkit.mail.MessagePart}), message {@link
 * io.inetkit.mail.Flag flags}, and durable sync into a {@link io.inetkit.mail.Maildir} with its
 * {@link io.inetkit.mail.SyncResult result}.
 *
 * <pre>{@code
 * MailMessage message = MailMessage.builder()
 *     .from("alice@example.org")
 *     .to("bob@example.org")
 *     .subject("Report")
 *     .text("See attached.")
 *     .attach(Path.of("report.pdf"))
 *     .build();
 * }</pre>
 *
 * <p>Jakarta Mail is an implementation detail; {@link io.inetkit.mail.JakartaMailInterop} is the
 * one way to reach it.
 */
package io.inetkit.mail;
