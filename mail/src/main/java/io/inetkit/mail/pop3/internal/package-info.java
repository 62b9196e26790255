/**
 * The POP3 side's Angus Mail adapter, under {@link io.inetkit.mail.pop3.Pop3Session}: the
 * connection ({@link io.inetkit.mail.pop3.internal.Pop3Connection}) and the streamed UIDL/LIST
 * listings. Failures are translated at the reading side's one boundary, {@link
 * io.inetkit.mail.internal.ReaderSession}. Not part of the public API; may change without notice.
 */
package io.inetkit.mail.pop3.internal;
