/**
 * Reading mail over IMAP4rev1 (RFC 3501): folders, search, summaries, downloads, attachments,
 * flags, copy and move, append, IDLE watches and durable sync into a Maildir.
 *
 * <p>{@link io.inetkit.mail.imap.ImapClient} is the immutable, thread-safe configuration; {@link
 * io.inetkit.mail.imap.ImapSession} is one connection. Messages are named by a {@link
 * io.inetkit.mail.imap.MessageRef} (folder, UIDVALIDITY, UID), found with {@link
 * io.inetkit.mail.imap.SearchCriteria} and described by a {@link
 * io.inetkit.mail.imap.MessageSummary}; {@link io.inetkit.mail.imap.ImapWatch} reports new and
 * removed messages as {@link io.inetkit.mail.imap.WatchEvent}s.
 *
 * <pre>{@code
 * try (ImapSession imap = imapClient.open()) {
 *   for (MessageSummary m : imap.summaries(imap.search("INBOX", SearchCriteria.unseen()))) {
 *     System.out.println(m.ref().uid() + " " + m.subject());
 *   }
 * }
 * }</pre>
 */
package io.inetkit.mail.imap;
