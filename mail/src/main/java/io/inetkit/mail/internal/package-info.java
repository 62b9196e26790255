/**
 * Implementation of the mail module: the one boundary that translates Jakarta Mail exceptions
 * ({@link io.inetkit.mail.internal.MailExceptions}), Angus Mail session properties ({@link
 * io.inetkit.mail.internal.MailSessionProperties}), MIME composition and the SMTP conversation.
 * Not part of the public API; may change without notice.
 */
package io.inetkit.mail.internal;
