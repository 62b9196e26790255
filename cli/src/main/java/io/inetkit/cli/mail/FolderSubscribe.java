package io.inetkit.cli.mail;

import io.inetkit.mail.imap.ImapSession;
import java.io.IOException;
import picocli.CommandLine.Command;

/** {@code inetkit mail folders subscribe URL}. */
@Command(
    name = "subscribe",
    mixinStandardHelpOptions = true,
    header = "Subscribe to the folder the URL names (SUBSCRIBE).",
    footerHeading = "%nExamples:%n",
    footer = {"  inetkit mail folders subscribe imaps://alice@mx.example/Archive"})
final class FolderSubscribe extends FolderAction {
  @Override
  void apply(ImapSession imap, String folder) throws IOException {
    imap.subscribe(folder);
    output.note("subscribed to folder %s", folder);
  }
}
