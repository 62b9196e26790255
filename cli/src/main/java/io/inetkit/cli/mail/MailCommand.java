package io.inetkit.cli.mail;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code inetkit mail}: list, read, sync, watch and change messages over IMAP through {@link
 * io.inetkit.mail.ImapClient}.
 *
 * <pre>{@code
 * inetkit mail list imaps://alice@mail.example.org/INBOX --unseen --json
 * inetkit mail read 'imaps://alice@mail.example.org/INBOX;UID=42' -o msg.eml
 * }</pre>
 */
@Command(
    name = "mail",
    mixinStandardHelpOptions = true,
    description = "Mail over IMAP (imap:// STARTTLS, imaps:// implicit TLS).",
    subcommands = {
      MailList.class,
      MailRead.class,
      MailSync.class,
      MailWatch.class,
      MailMove.class,
      MailFlag.class,
      MailDelete.class,
      MailCapabilities.class
    },
    footerHeading = "%nURLs (RFC 5092):%n",
    footer = {
      "  imaps://alice@mail.example.org/INBOX                   a folder (default INBOX)",
      "  'imaps://alice@mail.example.org/INBOX/;UID=42'         one message (quote the ';';",
      "                                                         INBOX;UID=42 works too)",
      "  'imaps://alice@host/INBOX;UIDVALIDITY=7/;UID=42'       ... checked against UIDVALIDITY"
    })
public final class MailCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
