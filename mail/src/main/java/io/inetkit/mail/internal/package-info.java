/**
 * Implementation of the mail module: the one boundary that translates Jakarta Mail exceptions
 * ({@link io.inetkit.mail.internal.MailExceptions}), Angus Mail session properties ({@link
 * io.inetkit.mail.internal.MailSessionProperties}), MIME composition and the SMTP conversation; on
 * the reading side the guarded sockets under Angus's IMAP and POP3 stores, Maildir files and the
 * sync journal. Not part of the public API; may change without notice.
 */
package io.inetkit.mail.internal;
