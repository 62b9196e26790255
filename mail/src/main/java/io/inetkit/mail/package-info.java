/**
 * Mail over SMTP, IMAP and POP3, and local Maildir sync.
 *
 * <pre>{@code
 * ImapClient imap = ImapClient.builder().endpoint("imap.example.org", 993)
 *     .credentials(Credentials.fromEnvironment("alice", "IMAP_PASSWORD")).build();
 * try (ImapSession s = imap.open()) {
 *   for (MessageSummary m : s.summaries("INBOX", s.search("INBOX", SearchCriteria.unseen()))) {
 *     System.out.println(m.uid() + " " + m.subject());
 *   }
 * }
 * }</pre>
 */
package io.inetkit.mail;
