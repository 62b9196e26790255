package io.inetkit.cli.mail;

import io.inetkit.mail.Pop3Client;
import picocli.CommandLine.Option;

/**
 * {@code --max-messages N}: the largest mailbox a command accepts, so that what a server announces
 * never sizes memory (POP3: {@link Pop3Client#maxMessages()}).
 */
final class MailboxLimitOption {
  @Option(
      names = "--max-messages",
      paramLabel = "N",
      description = "POP3: refuse a mailbox whose STAT announces more than N messages (default "
          + Pop3Client.DEFAULT_MAX_MESSAGES + "; memory grows with N).")
  Integer maxMessages;

  /** Returns {@code client} with the limit applied, if one was given. */
  Pop3Client apply(Pop3Client client) {
    return maxMessages == null ? client : client.newBuilder().maxMessages(maxMessages).build();
  }
}
