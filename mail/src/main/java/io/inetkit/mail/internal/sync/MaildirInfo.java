package io.inetkit.mail.internal.sync;

import jakarta.mail.Flags;

/**
 * The flags of a Maildir file name's info suffix ({@code NAME:2,FRS}): IMAP's system flags map to
 * the letters D (draft), F (flagged), R (answered), S (seen) and T (deleted); other letters a mail
 * reader set are kept. Not part of the public API.
 */
final class MaildirInfo {
  private static final String SYSTEM = "DFRST";

  private MaildirInfo() {}

  /** Returns the letters for IMAP {@code flags}, in ASCII order. */
  static String letters(Flags flags) {
    StringBuilder sb = new StringBuilder();
    if (flags.contains(Flags.Flag.DRAFT)) {
      sb.append('D');
    }
    if (flags.contains(Flags.Flag.FLAGGED)) {
      sb.append('F');
    }
    if (flags.contains(Flags.Flag.ANSWERED)) {
      sb.append('R');
    }
    if (flags.contains(Flags.Flag.SEEN)) {
      sb.append('S');
    }
    if (flags.contains(Flags.Flag.DELETED)) {
      sb.append('T');
    }
    return sb.toString();
  }

  /** Returns the base name (before {@code :2,}) of a file name in {@code new/} or {@code cur/}. */
  static String base(String fileName) {
    int colon = fileName.indexOf(':');
    return colon < 0 ? fileName : fileName.substring(0, colon);
  }

  /** Returns the letters of a file name's info, or "" without one. */
  static String info(String fileName) {
    int at = fileName.indexOf(":2,");
    return at < 0 ? "" : fileName.substring(at + 3);
  }

  /**
   * Returns the file name in {@code cur/} that carries the system flags {@code system} (from {@link
   * #letters}) and keeps the non-system letters of {@code current}'s info.
   */
  static String withFlags(String current, String system) {
    String kept =
        info(current)
            .chars()
            .filter(c -> SYSTEM.indexOf(c) < 0)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    char[] all = (system + kept).toCharArray();
    java.util.Arrays.sort(all);
    return base(current) + ":2," + new String(all);
  }
}
