/**
 * Reading mail over POP3 (RFC 1939): listing, headers, downloads, attachments, deletes committed by
 * QUIT, and durable sync into a Maildir.
 *
 * <p>{@link io.inetkit.mail.pop3.Pop3Client} is the immutable, thread-safe configuration; {@link
 * io.inetkit.mail.pop3.Pop3Session} is one connection, whose messages are {@link
 * io.inetkit.mail.pop3.Pop3Message}s named by their UIDL.
 *
 * <pre>{@code
 * try (Pop3Session pop3 = pop3Client.open()) {
 *   for (Pop3Message m : pop3.list()) {
 *     System.out.println(m.uidl() + " " + m.size());
 *   }
 * }
 * }</pre>
 */
package io.inetkit.mail.pop3;
