/**
 * Mail servers for tests. The embedded SMTP/IMAP/POP3 server ({@link
 * io.inetkit.testkit.mail.MailServer}): GreenMail on loopback with testkit's implicit-TLS and
 * STARTTLS fronts, verified against a {@link io.inetkit.testkit.tls.TestPki}. And Debian's real
 * servers, for interop tests and benchmarks (root only): {@link io.inetkit.testkit.mail.Dovecot}
 * and {@link io.inetkit.testkit.mail.Postfix}, put together by {@link
 * io.inetkit.testkit.mail.RealMail}; each runs as its own instance on 127.0.0.1 free ports with
 * configuration, state and logs in a temp folder, a CA and certificate made for the run ({@link
 * io.inetkit.testkit.tls.RealServerPki}) and throwaway system accounts ({@link
 * io.inetkit.testkit.host.SystemAccounts}), and is stopped and removed by {@code close()}.
 */
package io.inetkit.testkit.mail;
