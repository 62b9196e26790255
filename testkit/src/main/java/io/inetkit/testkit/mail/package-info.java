/**
 * An embedded SMTP/IMAP/POP3 server for tests ({@link io.inetkit.testkit.mail.MailServer}):
 * GreenMail on loopback with testkit's implicit-TLS and STARTTLS fronts, verified against a {@link
 * io.inetkit.testkit.tls.TestPki}.
 */
package io.inetkit.testkit.mail;
