/**
 * inetkit mail: SMTP sending, IMAP and POP3 reading, the immutable message model and Maildir sync.
 *
 * <p>A modular application writes {@code requires io.inetkit.mail;}; this module brings {@code
 * io.inetkit.core}, SLF4J's API and Jakarta Mail (Angus Mail) onto the module path.
 */
module io.inetkit.mail {
  requires transitive io.inetkit.core;
  requires transitive jakarta.mail; // JakartaMailInterop.toMimeMessage returns a MimeMessage
  requires jakarta.activation;
  requires org.eclipse.angus.mail;
  requires org.slf4j;

  exports io.inetkit.mail;
  exports io.inetkit.mail.smtp;
  exports io.inetkit.mail.imap;
  exports io.inetkit.mail.pop3;
}
