package io.inetkit.mail.internal;

/**
 * The bounds {@link GuardedInputStream} enforces on what a server sends. Not part of the public
 * API.
 *
 * @param maxLine longest line outside literals, in bytes
 * @param maxLiteral largest IMAP literal, in bytes
 * @param literals whether the protocol has literals (IMAP) or only lines (POP3)
 * @param maxMessages the largest folder an IMAP server may announce ({@code * N EXISTS})
 */
public record MailLimits(long maxLine, long maxLiteral, boolean literals, long maxMessages) {

  /** Limits for IMAP: literals up to {@code maxLiteral} bytes, the default folder size. */
  public static MailLimits imap(long maxLine, long maxLiteral) {
    return imap(maxLine, maxLiteral, io.inetkit.mail.imap.ImapClient.DEFAULT_MAX_MESSAGES);
  }

  /**
   * Limits for IMAP: literals up to {@code maxLiteral} bytes, folders up to {@code maxMessages}.
   */
  public static MailLimits imap(long maxLine, long maxLiteral, long maxMessages) {
    return new MailLimits(maxLine, maxLiteral, true, maxMessages);
  }

  /** Limits for POP3: lines only (POP3's STAT is checked by the session). */
  public static MailLimits pop3(long maxLine) {
    return new MailLimits(maxLine, 0, false, Long.MAX_VALUE);
  }

  /**
   * Returns the most bytes the server may send from the greeting to the end of the login
   * (capability lists, untagged lines included), which Angus Mail holds reply by reply: four of the
   * longest lines accepted. Legitimate logins send a few KiB.
   */
  public static long loginReplyBytes(long maxLine) {
    return 4 * maxLine;
  }

  /**
   * Returns the most bytes an IMAP folder listing (LIST, LSUB) may take, which Angus Mail holds
   * whole: sixteen of the longest lines accepted (16 MiB by default, some 150,000 folders).
   */
  public static long listReplyBytes(long maxLine) {
    return 16 * maxLine;
  }
}
