package io.inetkit.cli.mail;

import io.inetkit.mail.imap.ImapSession;
import java.io.IOException;
import picocli.CommandLine.Command;

/** {@code inetkit mail folders delete URL}. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    header = "Delete the folder the URL names and the messages in it (DELETE).",
    footerHeading = "%nExamples:%n",
    footer = {"  inetkit mail folders delete imaps://alice@mx.example/Old"})
final class FolderDelete extends FolderAction {
  @Override
  void apply(ImapSession imap, String folder) throws IOException {
    imap.deleteFolder(folder);
    output.note("deleted folder %s", folder);
  }
}
