package io.inetkit.cli.mail;

import io.inetkit.cli.ProgressOptions;
import io.inetkit.core.ImapUrl;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.LocalPaths;
import io.inetkit.core.Pop3Url;
import io.inetkit.core.ProgressListener;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.pop3.Pop3Session;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inetkit mail read URL}: the raw message to standard output or a file, attachments saved.
 */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    header = "Fetch one message to standard output or a file; save its attachments.",
    description =
        "The raw RFC 5322 message is streamed to standard output or -o FILE; with --attachments DIR its attachments are saved there (file names sanitised) and the message itself only with -o FILE. IMAP and POP3 alike (POP3, having no BODYSTRUCTURE, downloads the message for its attachments, and again for -o). POP3: give the message number in the URL or --uidl.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit mail read 'imaps://alice@mx.example/INBOX;UID=42'",
      "  inetkit mail read 'imaps://alice@mx.example/INBOX;UIDVALIDITY=7/;UID=42' -o msg.eml",
      "  inetkit mail read 'imaps://alice@mx.example/INBOX;UID=42' --attachments ./att -q",
      "  inetkit mail read pop3s://alice@mx.example/3 -o msg.eml",
      "  inetkit mail read pop3s://alice@mx.example/3 --attachments ./att",
      "Quote the URL: ';' ends a command in the shell."
    })
final class MailRead extends MailAction {
  @Mixin MailboxLimitOption mailbox;

  @Mixin ProgressOptions progressOptions;

  @Parameters(
      index = "0",
      paramLabel = "URL",
      description = "imap[s]://user@host/FOLDER/;UID=n or pop3[s]://user@host/N")
  String url;

  @Option(names = "--uidl", paramLabel = "UIDL", description = "POP3: the message with this UIDL.")
  String uidl;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the message to FILE.")
  Path outputFile;

  @Option(
      names = "--attachments",
      paramLabel = "DIR",
      description = "Save the attachments into DIR.")
  Path attachments;

  @Override
  public Integer call() throws Exception {
    InetkitUrl parsed = readUrl(url);
    if (isPop3(parsed)) {
      if (outputFile != null) { // the local side is checked before connecting
        String number =
            Pop3Url.from(parsed).messageNumber().stream()
                .mapToObj(Integer::toString)
                .findFirst()
                .orElse("message");
        outputFile =
            LocalPaths.downloadTarget(
                outputFile, (uidl != null ? uidl : number) + ".eml", "message.eml");
      }
      return readPop3(parsed);
    }
    ImapUrl u = ImapUrl.from(parsed);
    if (u.uid().isEmpty()) {
      throw usage("which message? add ;UID=n to the URL, e.g. imaps://host/INBOX;UID=42");
    }
    if (outputFile != null) { // a folder receives UID.eml, as ftp get -o FOLDER keeps the name
      outputFile =
          LocalPaths.downloadTarget(outputFile, u.uid().getAsLong() + ".eml", "message.eml");
    }
    ProgressListener progress = progressOptions.listener(output);
    try (ImapSession imap = mailbox.apply(imap(u)).open()) {
      MessageRef ref = refs(imap, u, List.of()).get(0);
      if (attachments != null) {
        Files.createDirectories(attachments);
        for (Path saved : imap.saveAttachments(ref, attachments)) {
          output.note("saved attachment %s", saved);
        }
      }
      if (outputFile != null) {
        saved(imap.download(ref, outputFile, progress));
      } else if (attachments == null) {
        OutputStream stdout = output.environment().stdout();
        imap.download(ref, stdout, progress);
        stdout.flush();
      }
    } finally {
      ProgressOptions.finish(progress);
    }
    return 0;
  }

  private int readPop3(InetkitUrl parsed) throws java.io.IOException {
    ProgressListener progress = progressOptions.listener(output);
    try (Pop3Session pop3 = mailbox.apply(pop3(parsed)).open()) {
      String id = uidl(pop3, parsed, uidl);
      if (attachments != null) {
        for (Path saved : pop3.saveAttachments(id, attachments)) {
          output.note("saved attachment %s", saved);
        }
      }
      if (outputFile != null) {
        // Pop3Session has no Path download with progress: the file is written atomically instead.
        saved(pop3.download(id, outputFile));
      } else if (attachments == null) {
        OutputStream stdout = output.environment().stdout();
        pop3.download(id, stdout, progress);
        stdout.flush();
      }
    } finally {
      ProgressOptions.finish(progress);
    }
    return 0;
  }

  private void saved(long bytes) {
    output.note("saved %s (%d bytes)", outputFile, bytes);
  }
}
