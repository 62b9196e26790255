package io.inetkit.mail.internal;

/**
 * The bounds {@link GuardedInputStream} enforces on what a server sends. Not part of the public
 * API.
 *
 * @param maxLine longest line outside literals, in bytes
 * @param maxLiteral largest IMAP literal, in bytes
 * @param literals whether the protocol has literals (IMAP) or only lines (POP3)
 */
public record MailLimits(long maxLine, long maxLiteral, boolean literals) {

  /** Limits for IMAP: literals up to {@code maxLiteral} bytes. */
  public static MailLimits imap(long maxLine, long maxLiteral) {
    return new MailLimits(maxLine, maxLiteral, true);
  }

  /** Limits for POP3: lines only. */
  public static MailLimits pop3(long maxLine) {
    return new MailLimits(maxLine, 0, false);
  }
}
