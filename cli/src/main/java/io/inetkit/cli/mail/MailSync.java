package io.inetkit.cli.mail;

import io.inetkit.cli.Json;
import io.inetkit.cli.JsonOption;
import io.inetkit.core.ImapUrl;
import io.inetkit.core.InetkitUrl;
import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.Maildir;
import io.inetkit.mail.SyncResult;
import io.inetkit.mail.imap.AccountSyncOptions;
import io.inetkit.mail.imap.AccountSyncResult;
import io.inetkit.mail.imap.ExpungedMessages;
import io.inetkit.mail.imap.FolderSyncResult;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.pop3.Pop3Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
      "  inetkit mail sync imaps://alice@mx.example --all --exclude Trash --maildir ~/Mail",
      "  inetkit mail sync imaps://alice@mx.example --all --dry-run --maildir ~/Mail",
      "  inetkit mail sync pop3s://alice@mx.example --maildir ./box --delete-after-download --json",
      "JSON: {\"downloaded\",\"alreadySynced\",\"deletedOnServer\",\"recovered\",\"bytes\",\"maildir\"}",
      "JSON with --all: {\"dryRun\",\"newFolders\",\"deletedOnServer\",\"folders\":[{\"folder\",\"maildir\",\"downloaded\",",
      "  \"alreadySynced\",\"flagsUpdated\",\"expungedOnServer\",\"deletedLocally\",\"recovered\",\"bytes\"}]}"
    })
final class MailSync extends MailAction {
  @Mixin MailboxLimitOption mailbox;

  @Mixin JsonOption json;

  @Parameters(
      index = "0",
      paramLabel = "URL",
      description =
          "imap[s]://user@host/FOLDER, imap[s]://user@host with --all, or pop3[s]://user@host")
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

  @Option(
      names = "--all",
      description =
          "Sync every folder of the IMAP account into a Maildir++ tree (INBOX in DIR, folder A/B in DIR/.A.B), flags and expunges included.")
  boolean all;

  @Option(
      names = "--include",
      paramLabel = "PATTERN",
      description =
          "With --all: sync only folders matching PATTERN (* any, %% any but the delimiter; repeatable).")
  List<String> include = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "PATTERN",
      description = "With --all: skip folders matching PATTERN (repeatable).")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = "--dry-run",
      description = "With --all: print what would change; download and write nothing.")
  boolean dryRun;

  @Option(
      names = "--delete-local-expunged",
      description =
          "With --all: delete the local copy of a message expunged on the server (kept by default).")
  boolean deleteLocalExpunged;

  @Override
  public Integer call() throws Exception {
    InetkitUrl parsed = readUrl(url);
    if (all) {
      return syncAccount(parsed);
    }
    if (dryRun || deleteLocalExpunged || !include.isEmpty() || !exclude.isEmpty()) {
      throw usage("--include, --exclude, --dry-run and --delete-local-expunged need --all");
    }
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

  private int syncAccount(InetkitUrl parsed) throws Exception {
    if (isPop3(parsed) || delete) {
      throw usage(
          "--all syncs an IMAP account; it cannot be combined with pop3 URLs or --delete-after-download");
    }
    AccountSyncOptions.Builder options =
        AccountSyncOptions.builder()
            .dryRun(dryRun)
            .expunged(
                deleteLocalExpunged ? ExpungedMessages.DELETE_LOCAL : ExpungedMessages.KEEP_LOCAL);
    include.forEach(options::include);
    exclude.forEach(options::exclude);
    ImapUrl u = ImapUrl.from(parsed);
    AccountSyncResult r;
    try (ImapSession imap = mailbox.apply(imap(u)).open()) {
      r = imap.syncAccount(Maildir.open(maildir), options.build());
    }
    if (json.enabled()) {
      List<Object> folders = new ArrayList<>();
      for (FolderSyncResult f : r.folders()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folder", f.folder());
        m.put("maildir", f.maildir());
        m.put("downloaded", f.downloaded());
        m.put("alreadySynced", f.alreadySynced());
        m.put("flagsUpdated", f.flagsUpdated());
        m.put("expungedOnServer", f.expungedOnServer());
        m.put("deletedLocally", f.deletedLocally());
        m.put("recovered", f.recovered());
        m.put("bytes", f.bytes());
        folders.add(m);
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("dryRun", r.dryRun());
      m.put("newFolders", r.newFolders());
      m.put("deletedOnServer", r.deletedOnServer());
      m.put("folders", folders);
      output.out().println(Json.write(m));
    } else {
      String would = r.dryRun() ? "would be " : "";
      for (FolderSyncResult f : r.folders()) {
        output
            .out()
            .printf(
                "%s: %d %sdownloaded (%d bytes), %d %sre-flagged, %d expunged on the server%s, %d already synced%n",
                f.folder(),
                f.downloaded(),
                would,
                f.bytes(),
                f.flagsUpdated(),
                would,
                f.expungedOnServer(),
                f.deletedLocally() > 0
                    ? " (" + f.deletedLocally() + " " + would + "deleted here)"
                    : "",
                f.alreadySynced());
      }
      for (String f : r.newFolders()) {
        output.out().printf("new folder: %s%n", f);
      }
      for (String f : r.deletedOnServer()) {
        output.out().printf("deleted on the server (local copy kept): %s%n", f);
      }
    }
    output.out().flush();
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
