package io.inetkit.cli.mail;

import io.inetkit.cli.Json;
import io.inetkit.cli.JsonOption;
import io.inetkit.core.ImapUrl;
import io.inetkit.core.InetkitUrl;
import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.Maildir;
import io.inetkit.mail.SyncResult;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.pop3.Pop3Session;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inetkit mail sync URL --maildir DIR}: copy new messages into a local Maildir. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    header = "Copy new messages into a local Maildir, safely and incrementally.",
    description =
        "Maildir layout tmp/new/cur with fsync and rename. Safe to interrupt: the next run loses nothing and downloads nothing twice. With --delete-after-download a message is deleted on the server only once its file is durable.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit mail sync imaps://alice@mx.example/INBOX --maildir ~/Mail/inbox",
      "  inetkit mail sync pop3s://alice@mx.example --maildir ./box --delete-after-download --json",
      "JSON: {\"downloaded\",\"alreadySynced\",\"deletedOnServer\",\"recovered\",\"bytes\",\"maildir\"}"
    })
final class MailSync extends MailAction {
  @Mixin MailboxLimitOption mailbox;

  @Mixin JsonOption json;

  @Parameters(
      index = "0",
      paramLabel = "URL",
      description = "imap[s]://user@host/FOLDER or pop3[s]://user@host")
  String url;

  @Option(
      names = "--maildir",
      paramLabel = "DIR",
      required = true,
      description = "The local Maildir (created if missing).")
  Path maildir;

  @Option(
      names = "--delete-after-download",
      description = "Delete each message on the server once it is safely stored.")
  boolean delete;

  @Override
  public Integer call() throws Exception {
    InetkitUrl parsed = readUrl(url);
    AfterDownload after = delete ? AfterDownload.DELETE_FROM_SERVER : AfterDownload.KEEP_ON_SERVER;
    SyncResult r;
    if (isPop3(parsed)) {
      try (Pop3Session pop3 = mailbox.apply(pop3(parsed)).open()) {
        r = pop3.syncTo(Maildir.open(maildir), after);
      }
    } else {
      ImapUrl u = ImapUrl.from(parsed);
      try (ImapSession imap = mailbox.apply(imap(u)).open()) {
        r = imap.syncTo(folder(u), Maildir.open(maildir), after);
      }
    }
    report(r);
    return 0;
  }

  void report(SyncResult r) {
    if (json.enabled()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("downloaded", r.downloaded());
      m.put("alreadySynced", r.alreadySynced());
      m.put("deletedOnServer", r.deletedOnServer());
      m.put("recovered", r.recovered());
      m.put("bytes", r.bytes());
      m.put("maildir", maildir.toAbsolutePath());
      output.out().println(Json.write(m));
    } else {
      output
          .out()
          .printf(
              "%d downloaded (%d bytes), %d already synced, %d deleted on the server%s%n",
              r.downloaded(),
              r.bytes(),
              r.alreadySynced(),
              r.deletedOnServer(),
              r.recovered() > 0 ? ", " + r.recovered() + " recovered from an interrupted run" : "");
    }
    output.out().flush();
  }
}
