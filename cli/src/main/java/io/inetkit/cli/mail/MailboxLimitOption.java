package io.inetkit.cli.mail;

import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.pop3.Pop3Client;
import picocli.CommandLine.Option;

/**
 * {@code --max-messages N}: the largest mailbox or folder a command accepts, so that what a server
 * announces never sizes memory ({@link Pop3Client#maxMessages()}, {@link
 * ImapClient#maxMessages()}).
 */
final class MailboxLimitOption {
  @Option(
      names = "--max-messages",
      paramLabel = "N",
      description =
          "Refuse a POP3 mailbox whose STAT announces more than N messages (default "
              + Pop3Client.DEFAULT_MAX_MESSAGES
              + "), an IMAP folder whose EXISTS does, or an IMAP"
              + " search matching more (default "
              + ImapClient.DEFAULT_MAX_MESSAGES
              + "); memory grows with N.")
  Integer maxMessages;

  /** Returns {@code client} with the limit applied, if one was given. */
  Pop3Client apply(Pop3Client client) {
    return maxMessages == null ? client : client.newBuilder().maxMessages(maxMessages).build();
  }

  /** Returns {@code client} with the limit applied, if one was given. */
  ImapClient apply(ImapClient client) {
    return maxMessages == null ? client : client.newBuilder().maxMessages(maxMessages).build();
  }
}
