package io.inetkit.core;

/**
 * How a connection uses TLS.
 *
 * <p>Defaults are chosen per protocol and port by each client (for example STARTTLS_REQUIRED for
 * SMTP on 587, IMPLICIT on 465 and 993). Plain text is only ever used when a caller asks for {@link
 * #NONE} or, knowingly, {@link #STARTTLS_OPPORTUNISTIC}.
 *
 * <pre>{@code
 * TlsMode mode = InetkitUrl.parse("imaps://mail.example.org").tlsMode(); // IMPLICIT
 * if (mode.isStartTls()) {
 *   // connect in plain text, then upgrade before sending credentials
 * }
 * }</pre>
 */
public enum TlsMode {
  /** Plain text; no TLS at all. Credentials travel in the clear. */
  NONE,
  /**
   * Connect in plain text and upgrade with STARTTLS / STLS / AUTH TLS before anything else is sent;
   * if the server does not offer or refuses the upgrade, fail with {@link TlsException} without
   * sending credentials or payload. Never downgrades.
   */
  STARTTLS_REQUIRED,
  /**
   * Upgrade with STARTTLS when the server offers it, carry on in plain text when it does not. Open
   * to downgrade by anyone on the path: only for servers known to lack TLS.
   */
  STARTTLS_OPPORTUNISTIC,
  /** TLS from the first byte (SMTPS 465, IMAPS 993, POP3S 995, FTPS 990, gophers). */
  IMPLICIT;

  /** {@return whether this mode speaks TLS from the first byte} */
  public boolean isImplicit() {
    return this == IMPLICIT;
  }

  /** {@return whether this mode upgrades a plain connection with STARTTLS (or tries to)} */
  public boolean isStartTls() {
    return this == STARTTLS_REQUIRED || this == STARTTLS_OPPORTUNISTIC;
  }
}
