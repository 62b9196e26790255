package io.inetkit.cli.mail;

import io.inetkit.mail.imap.ImapSession;
import java.io.IOException;
import picocli.CommandLine.Command;

/** {@code inetkit mail folders unsubscribe URL}. */
@Command(
    name = "unsubscribe",
    mixinStandardHelpOptions = true,
    header = "Unsubscribe from the folder the URL names (UNSUBSCRIBE).",
    footerHeading = "%nExamples:%n",
    footer = {"  inetkit mail folders unsubscribe imaps://alice@mx.example/Archive"})
final class FolderUnsubscribe extends FolderAction {
  @Override
  void apply(ImapSession imap, String folder) throws IOException {
    imap.unsubscribe(folder);
    output.note("unsubscribed from folder %s", folder);
  }
}
