package io.inetkit.cli.mail;

import io.inetkit.core.ImapUrl;
import io.inetkit.mail.ImapSession;
import io.inetkit.mail.MessageRef;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inetkit mail move URL --to FOLDER}. */
@Command(
    name = "move",
    mixinStandardHelpOptions = true,
    header = "Move messages to another folder.",
    description = "Uses UID MOVE, else COPY and a delete of exactly these UIDs.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit mail move 'imaps://alice@mx.example/INBOX;UID=42' --to Archive",
      "  inetkit mail move imaps://alice@mx.example/INBOX --uid 3,4,5 --to Trash"
    })
final class MailMove extends MailAction {
  @Mixin MessageSelection selection;

  @Option(names = "--to", paramLabel = "FOLDER", required = true, description = "The target folder.")
  String target;

  @Override
  public Integer call() throws Exception {
    ImapUrl u = imapUrl(selection.url);
    try (ImapSession imap = imap(u).open()) {
      List<MessageRef> refs = refs(imap, u, selection.uids);
      output.note("moved %d message(s) to %s", imap.move(refs, target), target); // those that existed
    }
    return 0;
  }
}
