package io.inetkit.cli.mail;

import io.inetkit.mail.imap.ImapSession;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code inetkit mail folders rename URL --to NAME}. */
@Command(
    name = "rename",
    mixinStandardHelpOptions = true,
    header = "Rename the folder the URL names (RENAME).",
    footerHeading = "%nExamples:%n",
    footer = {"  inetkit mail folders rename imaps://alice@mx.example/Archive --to Archive-2026"})
final class FolderRename extends FolderAction {
  @Option(names = "--to", paramLabel = "NAME", required = true, description = "The new name.")
  String target;

  @Override
  void apply(ImapSession imap, String folder) throws IOException {
    imap.renameFolder(folder, target);
    output.note("renamed folder %s to %s", folder, target);
  }
}
