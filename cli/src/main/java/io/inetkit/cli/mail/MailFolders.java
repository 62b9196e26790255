package io.inetkit.cli.mail;

import io.inetkit.cli.CommandGroup;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code inetkit mail folders}: list, create, rename, delete and (un)subscribe IMAP folders, the
 * folder named by the URL's path as everywhere in {@code inetkit mail}.
 *
 * <pre>{@code
 * inetkit mail folders list imaps://alice@mx.example --json
 * inetkit mail folders create imaps://alice@mx.example/Archive
 * }</pre>
 */
@Command(
    name = "folders",
    mixinStandardHelpOptions = true,
    header = "List, create, rename, delete and subscribe IMAP folders.",
    description =
        "The folder is the URL's path (imaps://alice@mx.example/Archive); names with a hierarchy use the server's delimiter (Work/2026).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit mail folders list imaps://alice@mx.example",
      "  inetkit mail folders create imaps://alice@mx.example/Archive",
      "  inetkit mail folders rename imaps://alice@mx.example/Archive --to Archive-2026",
      "  inetkit mail folders delete imaps://alice@mx.example/Old",
      "  inetkit mail folders subscribe imaps://alice@mx.example/Archive"
    })
final class MailFolders extends CommandGroup {
  /** A group of the actions below, in the order help lists them. */
  public MailFolders() {
    super(
        List.of(
            FolderList.class,
            FolderCreate.class,
            FolderRename.class,
            FolderDelete.class,
            FolderSubscribe.class,
            FolderUnsubscribe.class));
  }
}
