/**
 * Mail over SMTP, IMAP and POP3, and local Maildir sync.
 *
 * <p>Composing and sending mail: {@link io.inetkit.mail.SmtpClient} (immutable configuration),
 * {@link io.inetkit.mail.SmtpSession} (one connection), the message model ({@link
 * io.inetkit.mail.MailMessage}, {@link io.inetkit.mail.MailAddress}, {@link
 * io.inetkit.mail.Attachment}, {@link io.inetkit.mail.PreparedMessage}) and the results ({@link
 * io.inetkit.mail.SendReceipt}, {@link io.inetkit.mail.SendOutcome}). Jakarta Mail is an
 * implementation detail; {@link io.inetkit.mail.JakartaMailInterop} is the one way to reach it.
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
