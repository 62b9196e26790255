/**
 * Implementation of the mail module: the one boundary that translates Jakarta Mail exceptions
 * ({@link io.inetkit.mail.internal.MailExceptions}, reached on the reading side through {@link
 * io.inetkit.mail.internal.ReaderSession}, which also holds the login IMAP and POP3 share), Angus
 * Mail session properties ({@link io.inetkit.mail.internal.MailSessionProperties}), MIME
 * composition and the SMTP conversation; on the reading side the guarded sockets under Angus's IMAP
 * and POP3 stores, {@link io.inetkit.mail.Maildir} files and the sync journal. The IMAP and POP3
 * adapters themselves live in {@code io.inetkit.mail.imap.internal} and {@code
 * io.inetkit.mail.pop3.internal}. Not part of the public API; may change without notice.
 */
package io.inetkit.mail.internal;
