package io.inetkit.cli.mail;

import io.inetkit.core.ImapUrl;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inetkit mail move URL --to FOLDER [--create]}. */
@Command(
    name = "move",
    mixinStandardHelpOptions = true,
    header = "Move messages to another folder.",
    description =
        "Uses UID MOVE, else COPY and a delete of exactly these UIDs. When the target folder does not exist (the server says NO [TRYCREATE]), --create creates it and moves again; without --create nothing is moved.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit mail move 'imaps://alice@mx.example/INBOX;UID=42' --to Archive",
      "  inetkit mail move imaps://alice@mx.example/INBOX --uid 3,4,5 --to Trash",
      "  inetkit mail move 'imaps://alice@mx.example/INBOX;UID=42' --to Archive/2026 --create"
    })
final class MailMove extends MailAction {
  @Mixin MessageSelection selection;

  @Option(
      names = "--to",
      paramLabel = "FOLDER",
      required = true,
      description = "The target folder.")
  String target;

  @Option(
      names = "--create",
      description =
          "Create the target folder when the server says it does not exist ([TRYCREATE]).")
  boolean create;

  @Override
  public Integer call() throws Exception {
    ImapUrl u = imapUrl(selection.url);
    try (ImapSession imap = imap(u).open()) {
      List<MessageRef> refs = refs(imap, u, selection.uids);
      int moved; // those that existed
      try {
        moved = imap.move(refs, target);
      } catch (ProtocolReplyException e) {
        if (!isTryCreate(e)) {
          throw e;
        }
        if (!create) {
          output
              .err()
              .println(
                  "inetkit: hint: folder "
                      + target
                      + " does not exist: add --create, or create it with"
                      + " 'inetkit mail folders create'");
          throw e;
        }
        imap.createFolder(target);
        output.note("created folder %s", target);
        moved = imap.move(refs, target);
      }
      output.note("moved %d message(s) to %s", moved, target);
    }
    return 0;
  }

  /** Returns whether the server refused because the target mailbox is missing (RFC 3501 7.1). */
  static boolean isTryCreate(ProtocolReplyException e) {
    return e.reply().text().toUpperCase(Locale.ROOT).contains("[TRYCREATE]");
  }
}
