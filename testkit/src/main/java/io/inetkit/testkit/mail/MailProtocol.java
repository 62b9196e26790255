package io.inetkit.testkit.mail;

import io.inetkit.core.TlsMode;

/**
 * The listeners a {@link MailServer} can open: plain, implicit TLS and STARTTLS for each of SMTP,
 * IMAP and POP3.
 *
 * <pre>{@code
 * int port = server.port(MailProtocol.SMTP_STARTTLS);
 * TlsMode mode = MailProtocol.SMTP_STARTTLS.tlsMode(); // STARTTLS_REQUIRED
 * }</pre>
 */
public enum MailProtocol {
  /** SMTP in plain text (GreenMail itself). */
  SMTP("smtp", TlsMode.NONE),
  /** SMTP over implicit TLS (a testkit TLS front relaying to GreenMail). */
  SMTPS("smtps", TlsMode.IMPLICIT),
  /** SMTP that must be upgraded with STARTTLS before anything else (a testkit front). */
  SMTP_STARTTLS("smtp", TlsMode.STARTTLS_REQUIRED),
  /** IMAP in plain text (GreenMail itself). */
  IMAP("imap", TlsMode.NONE),
  /** IMAP over implicit TLS. */
  IMAPS("imaps", TlsMode.IMPLICIT),
  /** IMAP that must be upgraded with STARTTLS; advertises LOGINDISABLED before it. */
  IMAP_STARTTLS("imap", TlsMode.STARTTLS_REQUIRED),
  /** POP3 in plain text (GreenMail itself). */
  POP3("pop3", TlsMode.NONE),
  /** POP3 over implicit TLS. */
  POP3S("pop3s", TlsMode.IMPLICIT),
  /** POP3 that must be upgraded with STLS before anything else. */
  POP3_STARTTLS("pop3", TlsMode.STARTTLS_REQUIRED);

  private final String scheme;
  private final TlsMode tlsMode;

  MailProtocol(String scheme, TlsMode tlsMode) {
    this.scheme = scheme;
    this.tlsMode = tlsMode;
  }

  /** {@return the URL scheme: {@code smtp}, {@code smtps}, {@code imap}, {@code imaps}, …} */
  public String scheme() {
    return scheme;
  }

  /** {@return how a client must use TLS on this listener} */
  public TlsMode tlsMode() {
    return tlsMode;
  }

  /**
   * {@return the plain-text protocol this listener relays to: {@link #SMTP}, {@link #IMAP} or
   * {@link #POP3}}
   */
  public MailProtocol plain() {
    return switch (this) {
      case SMTP, SMTPS, SMTP_STARTTLS -> SMTP;
      case IMAP, IMAPS, IMAP_STARTTLS -> IMAP;
      case POP3, POP3S, POP3_STARTTLS -> POP3;
    };
  }
}
