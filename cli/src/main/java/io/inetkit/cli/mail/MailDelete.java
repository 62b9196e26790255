package io.inetkit.cli.mail;

import io.inetkit.core.ImapUrl;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code inetkit mail delete URL}. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    header = "Delete messages.",
    description =
        "Sets \\Deleted, then UID EXPUNGE of exactly these UIDs where the server offers UIDPLUS.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit mail delete 'imaps://alice@mx.example/INBOX;UID=42'",
      "  inetkit mail delete imaps://alice@mx.example/Spam --uid 1,2,3"
    })
final class MailDelete extends MailAction {
  @Mixin MessageSelection selection;

  @Override
  public Integer call() throws Exception {
    ImapUrl u = imapUrl(selection.url);
    try (ImapSession imap = imap(u).open()) {
      List<MessageRef> refs = refs(imap, u, selection.uids);
      output.note("deleted %d message(s)", imap.delete(refs)); // those that existed
    }
    return 0;
  }
}
