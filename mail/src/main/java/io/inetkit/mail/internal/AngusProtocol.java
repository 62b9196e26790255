package io.inetkit.mail.internal;

import io.inetkit.core.Reply;
import io.inetkit.core.TlsMode;

/**
 * The three mail protocols as Angus Mail names them, with the two things that differ between them
 * at the internal boundary: the provider name ({@code smtp}/{@code smtps}, …) and the shape of a
 * server's negative reply.
 */
public enum AngusProtocol {
  /** SMTP: numeric replies, {@code smtp}/{@code smtps}. */
  SMTP("smtp", "smtps"),
  /** IMAP: {@code NO}/{@code BAD} replies, {@code imap}/{@code imaps}. */
  IMAP("imap", "imaps"),
  /** POP3: {@code -ERR} replies, {@code pop3}/{@code pop3s}. */
  POP3("pop3", "pop3s");

  private final String plain;
  private final String implicitTls;

  AngusProtocol(String plain, String implicitTls) {
    this.plain = plain;
    this.implicitTls = implicitTls;
  }

  /**
   * Returns the Angus provider name for {@code mode}: the {@code …s} provider for implicit TLS, the
   * plain one otherwise. Property names are {@code mail.<provider>.*}.
   */
  public String provider(TlsMode mode) {
    return mode.isImplicit() ? implicitTls : plain;
  }

  /**
   * Parses a negative server reply out of an exception message: {@code "535 5.7.8 Bad"} for SMTP,
   * the text after an optional {@code NO}/{@code BAD} for IMAP, after {@code -ERR} for POP3.
   */
  public Reply negativeReply(String message) {
    String text = message == null ? "" : message.strip();
    switch (this) {
      case SMTP -> {
        if (text.length() >= 3 && text.substring(0, 3).chars().allMatch(Character::isDigit)) {
          int code = Integer.parseInt(text.substring(0, 3));
          if (code >= 400 && code <= 599) {
            return Reply.numeric(code, text.substring(3).strip());
          }
        }
        return new Reply("5xx", text, Reply.Kind.PERMANENT_NEGATIVE);
      }
      case IMAP -> {
        String status = text.startsWith("BAD ") ? "BAD" : "NO";
        String rest = text.startsWith(status + " ") ? text.substring(status.length() + 1) : text;
        return new Reply(status, rest, Reply.Kind.PERMANENT_NEGATIVE);
      }
      default -> {
        String rest = text.startsWith("-ERR") ? text.substring(4).strip() : text;
        return new Reply("-ERR", rest, Reply.Kind.PERMANENT_NEGATIVE);
      }
    }
  }
}
