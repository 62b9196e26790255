/**
 * The IMAP side's Angus Mail adapter, under {@link io.inetkit.mail.imap.ImapSession}: the
 * connection and command layer ({@link io.inetkit.mail.imap.internal.ImapConnection}), folders,
 * reading (search, summaries, bodies in partial FETCHes), changes, APPEND, Maildir sync and the
 * watched folder of an {@link io.inetkit.mail.imap.ImapWatch}. Failures are translated at the
 * reading side's one boundary, {@link io.inetkit.mail.internal.ReaderSession}. Not part of the
 * public API; may change without notice.
 */
package io.inetkit.mail.imap.internal;
