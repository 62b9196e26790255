package io.inetkit.cli.mail;

import io.inetkit.mail.imap.ImapSession;
import java.io.IOException;
import picocli.CommandLine.Command;

/** {@code inetkit mail folders create URL}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    header = "Create the folder the URL names (CREATE).",
    footerHeading = "%nExamples:%n",
    footer = {"  inetkit mail folders create imaps://alice@mx.example/Archive"})
final class FolderCreate extends FolderAction {
  @Override
  void apply(ImapSession imap, String folder) throws IOException {
    imap.createFolder(folder);
    output.note("created folder %s", folder);
  }
}
