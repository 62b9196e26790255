package io.inetkit.cli.mail;

import io.inetkit.cli.CommandGroup;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code inetkit mail}: send over SMTP ({@link io.inetkit.mail.smtp.SmtpClient}); list, read, sync,
 * watch and change messages over IMAP ({@link io.inetkit.mail.imap.ImapClient}) and POP3 ({@link
 * io.inetkit.mail.pop3.Pop3Client}).
 *
 * <pre>{@code
 * inetkit mail list imaps://alice@mail.example.org/INBOX --unseen --json
 * inetkit mail read 'imaps://alice@mail.example.org/INBOX;UID=42' -o msg.eml
 * }</pre>
 */
@Command(
    name = "mail",
    mixinStandardHelpOptions = true,
    header = "Send mail over SMTP; list, read, sync, watch and change it over IMAP and POP3.",
    description =
        "smtp://, imap:// and pop3:// require STARTTLS; smtps://, imaps:// and pop3s:// are implicit TLS; --tls none is for plain-text test servers. POP3 URLs work with list, read, sync and capabilities.",
    footerHeading = "%nURLs (RFC 5092):%n",
    footer = {
      "  smtp://alice@mx.example                        submission on 587, login as alice",
      "  imaps://alice@mx.example/INBOX                 a folder (default INBOX)",
      "  'imaps://alice@mx.example/INBOX/;UID=42'       one message (INBOX;UID=42 works too)",
      "  'imaps://alice@mx.example/INBOX;UIDVALIDITY=7/;UID=42'   ... checked against UIDVALIDITY",
      "  pop3s://alice@mx.example/3                     POP3 message number 3",
      "Quote URLs with ';' in the shell.",
      "%nExamples:",
      "  echo 'Build 42 is green' | inetkit mail send --server smtp://ci@mx.example \\",
      "      --from ci@example.org --to team@example.org --subject 'CI'",
      "  inetkit mail list imaps://alice@mx.example/INBOX --unseen",
      "  inetkit mail read 'imaps://alice@mx.example/INBOX;UID=42' -o msg.eml",
      "  inetkit mail sync pop3s://alice@mx.example --maildir ./box",
      "  inetkit mail send --help            examples and options of one action"
    })
public final class MailCommand extends CommandGroup {
  /** A group of the actions below, in the order help lists them. */
  public MailCommand() {
    super(
        List.of(
            MailSend.class,
            MailList.class,
            MailRead.class,
            MailSync.class,
            MailWatch.class,
            MailMove.class,
            MailFolders.class,
            MailFlag.class,
            MailDelete.class,
            MailCapabilities.class));
  }
}
