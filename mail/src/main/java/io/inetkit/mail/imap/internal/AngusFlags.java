package io.inetkit.mail.imap;

import io.inetkit.mail.Flag;

/** Maps inetkit's {@link Flag} to Jakarta Mail's system flags. */
final class AngusFlags {
  private AngusFlags() {}

  static jakarta.mail.Flags.Flag of(Flag flag) {
    return switch (flag) {
      case SEEN -> jakarta.mail.Flags.Flag.SEEN;
      case ANSWERED -> jakarta.mail.Flags.Flag.ANSWERED;
      case FLAGGED -> jakarta.mail.Flags.Flag.FLAGGED;
      case DELETED -> jakarta.mail.Flags.Flag.DELETED;
      case DRAFT -> jakarta.mail.Flags.Flag.DRAFT;
    };
  }
}
