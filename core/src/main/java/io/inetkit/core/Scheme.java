package io.inetkit.core;

import io.inetkit.core.internal.Inputs;
import java.util.Locale;

/**
 * The URL schemes inetkit speaks, each with its default port and TLS mode.
 *
 * <pre>{@code
 * Scheme.of("imaps").defaultPort();   // 993
 * Scheme.SMTP.defaultTlsMode();       // STARTTLS_REQUIRED (submission on 587)
 * }</pre>
 */
public enum Scheme {
  /** SMTP submission; STARTTLS required unless told otherwise. */
  SMTP("smtp", 587, TlsMode.STARTTLS_REQUIRED),
  /** SMTP over implicit TLS (RFC 8314). */
  SMTPS("smtps", 465, TlsMode.IMPLICIT),
  /** IMAP4rev1; STARTTLS required unless told otherwise. */
  IMAP("imap", 143, TlsMode.STARTTLS_REQUIRED),
  /** IMAP over implicit TLS. */
  IMAPS("imaps", 993, TlsMode.IMPLICIT),
  /** POP3; STLS required unless told otherwise. */
  POP3("pop3", 110, TlsMode.STARTTLS_REQUIRED),
  /** POP3 over implicit TLS. */
  POP3S("pop3s", 995, TlsMode.IMPLICIT),
  /**
   * FTP. {@link #defaultTlsMode()} is {@link TlsMode#NONE}, what the scheme alone implies; the FTP
   * client decides for an {@code ftp://} URL by its one rule (inetkit-transfer's {@code
   * FtpClient.defaultTlsMode}: AUTH TLS required for a login with a password, plain for anonymous,
   * implicit on port 990).
   */
  FTP("ftp", 21, TlsMode.NONE),
  /** FTP over implicit TLS. */
  FTPS("ftps", 990, TlsMode.IMPLICIT),
  /** Telnet (plain text by nature). */
  TELNET("telnet", 23, TlsMode.NONE),
  /** Gopher (RFC 1436, URLs per RFC 4266). */
  GOPHER("gopher", 70, TlsMode.NONE),
  /** Gopher over TLS. */
  GOPHERS("gophers", 70, TlsMode.IMPLICIT);

  private final String id;
  private final int defaultPort;
  private final TlsMode defaultTlsMode;

  Scheme(String id, int defaultPort, TlsMode defaultTlsMode) {
    this.id = id;
    this.defaultPort = defaultPort;
    this.defaultTlsMode = defaultTlsMode;
  }

  /**
   * {@return the scheme named {@code name} (case-insensitive); {@code pop} and {@code pops} (RFC
   * 2384's name) are accepted for {@link #POP3} and {@link #POP3S}}
   *
   * @param name the scheme as written in a URL
   * @throws InvalidInputException for a scheme inetkit does not speak
   */
  public static Scheme of(String name) {
    Inputs.requireNonEmpty("scheme", name);
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("pop") || lower.equals("pops")) {
      return lower.equals("pop") ? POP3 : POP3S;
    }
    for (Scheme s : values()) {
      if (s.id.equals(lower)) {
        return s;
      }
    }
    throw new InvalidInputException("scheme", "unsupported URL scheme: " + Inputs.quote(name));
  }

  /** {@return the scheme as written in URLs, e.g. {@code "imaps"}} */
  public String id() {
    return id;
  }

  /** {@return the port used when a URL names none} */
  public int defaultPort() {
    return defaultPort;
  }

  /** {@return the TLS mode a URL of this scheme implies} */
  public TlsMode defaultTlsMode() {
    return defaultTlsMode;
  }

  @Override
  public String toString() {
    return id;
  }
}
