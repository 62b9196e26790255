package io.inetkit.cli.mail;

import io.inetkit.core.ImapUrl;
import io.inetkit.mail.Flag;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inetkit mail flag URL --add F --remove F}. */
@Command(
    name = "flag",
    mixinStandardHelpOptions = true,
    description = "Add or remove flags (seen, answered, flagged, deleted, draft).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit mail flag 'imaps://alice@mx.example/INBOX;UID=42' --add seen,flagged",
      "  inetkit mail flag imaps://alice@mx.example/INBOX --uid 7,8 --remove seen"
    })
final class MailFlag extends MailAction {
  @Mixin MessageSelection selection;

  @Option(
      names = "--add",
      paramLabel = "FLAG",
      split = ",",
      description = "Flags to add: ${COMPLETION-CANDIDATES}.")
  List<Flag> add;

  @Option(names = "--remove", paramLabel = "FLAG", split = ",", description = "Flags to remove.")
  List<Flag> remove;

  @Override
  public Integer call() throws Exception {
    if ((add == null || add.isEmpty()) && (remove == null || remove.isEmpty())) {
      throw usage("nothing to do: give --add FLAG and/or --remove FLAG");
    }
    ImapUrl u = imapUrl(selection.url);
    try (ImapSession imap = imap(u).open()) {
      List<MessageRef> refs = refs(imap, u, selection.uids);
      int updated = 0; // the messages that existed
      if (add != null && !add.isEmpty()) {
        updated = imap.addFlags(refs, add.toArray(Flag[]::new));
      }
      if (remove != null && !remove.isEmpty()) {
        updated = Math.max(updated, imap.removeFlags(refs, remove.toArray(Flag[]::new)));
      }
      output.note("updated %d message(s)", updated);
    }
    return 0;
  }
}
