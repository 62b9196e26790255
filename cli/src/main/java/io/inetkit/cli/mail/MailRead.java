package io.inetkit.cli.mail;

import io.inetkit.cli.TransferOptions;
import io.inetkit.core.ImapUrl;
import io.inetkit.core.ProgressListener;
import io.inetkit.mail.ImapSession;
import io.inetkit.mail.MessageRef;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inetkit mail read URL}: the raw message to standard output or a file, attachments saved. */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch one message (the raw RFC 5322 text, streamed) to standard output or -o FILE;",
      "with --attachments DIR also save its attachments there (file names sanitised)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit mail read 'imaps://alice@mail.example.org/INBOX;UID=42'",
      "  inetkit mail read 'imaps://alice@mail.example.org/INBOX;UIDVALIDITY=7/;UID=42' -o msg.eml",
      "  inetkit mail read 'imaps://alice@mail.example.org/INBOX;UID=42' --attachments ./att -q",
      "Quote the URL: ';' ends a command in the shell."
    })
final class MailRead extends MailAction {

  @Mixin TransferOptions transfer;

  @Parameters(index = "0", paramLabel = "URL", description = "imap[s]://user@host/FOLDER;UID=n")
  String url;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the message to FILE.")
  Path outputFile;

  @Option(names = "--attachments", paramLabel = "DIR", description = "Save the attachments into DIR.")
  Path attachments;

  @Override
  public Integer call() throws Exception {
    ImapUrl u = imapUrl(url);
    if (u.uid().isEmpty()) {
      throw usage("which message? add ;UID=n to the URL, e.g. imaps://host/INBOX;UID=42");
    }
    ProgressListener progress = transfer.progress(output);
    try (ImapSession imap = imap(u).open()) {
      MessageRef ref = refs(imap, u, List.of()).get(0);
      if (attachments != null) {
        Files.createDirectories(attachments);
        for (Path saved : imap.saveAttachments(ref, attachments)) {
          output.note("saved attachment %s", saved);
        }
      }
      if (outputFile != null) {
        long bytes = imap.download(ref, outputFile, progress);
        output.note("saved %s (%d bytes)", outputFile, bytes);
      } else if (attachments == null) {
        OutputStream stdout = output.environment().stdout();
        imap.download(ref, stdout, progress);
        stdout.flush();
      }
    } finally {
      TransferOptions.finish(progress);
    }
    return 0;
  }
}
