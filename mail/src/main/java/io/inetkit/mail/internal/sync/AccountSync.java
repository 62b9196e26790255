package io.inetkit.mail.internal.sync;

import io.inetkit.mail.AfterDownload;
import io.inetkit.mail.imap.AccountSyncOptions;
import io.inetkit.mail.imap.AccountSyncResult;
import io.inetkit.mail.imap.FolderSyncResult;
import io.inetkit.mail.internal.MailLimits;
import io.inetkit.mail.internal.MaildirFiles;
import io.inetkit.mail.internal.SafeFiles;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.angus.mail.imap.protocol.ListInfo;

/**
 * Syncs the folders of an account that the options select into a Maildir++ tree (see {@link
 * MaildirPlusPlus}), all on the session's one connection: one LIST, then {@link FolderSync} per
 * folder. The folders synced so far are listed in {@code .inetkit-sync/account-ID.folders}, so a
 * folder the server no longer lists is reported (and its Maildir kept). Not part of the public API.
 */
public final class AccountSync {
  private AccountSync() {}

  /** Runs the sync; {@code syncIds} names each folder's journal. */
  public static AccountSyncResult run(
      ImapSyncLink link, Path root, AccountSyncOptions options, Function<String, String> syncIds)
      throws IOException, MessagingException {
    return link.onConnection(
        p -> {
          link.sockets().startOperation(link.overall());
          link.sockets().limitReply(MailLimits.listReplyBytes(link.maxLine()), "LIST");
          ListInfo[] infos = p.list("", "*");
          List<ListInfo> selected = new ArrayList<>();
          Set<String> listed = new LinkedHashSet<>();
          for (ListInfo info : infos == null ? new ListInfo[0] : infos) {
            listed.add(info.name);
            if (info.canOpen && wanted(options, info.name, info.separator)) {
              selected.add(info);
            }
          }
          Path known = root.resolve(".inetkit-sync").resolve(syncIds.apply("") + ".folders");
          Set<String> before = read(known);
          List<FolderSyncResult> results = new ArrayList<>();
          List<String> fresh = new ArrayList<>();
          for (ListInfo info : selected) {
            Path dir = MaildirPlusPlus.directory(root, info.name, info.separator);
            if (!options.dryRun()) {
              MaildirFiles.create(dir);
              if (!dir.equals(root)) {
                Path marker = dir.resolve("maildirfolder"); // Maildir++: "this is a sub-folder"
                if (!Files.exists(marker)) {
                  Files.write(marker, new byte[0]);
                }
              }
            }
            if (!before.contains(info.name)) {
              fresh.add(info.name);
            }
            results.add(
                new FolderSync(
                        p,
                        link,
                        info.name,
                        dir,
                        syncIds.apply(info.name),
                        AfterDownload.KEEP_ON_SERVER,
                        options.expunged(),
                        options.dryRun())
                    .run());
          }
          List<String> deleted = new ArrayList<>();
          Set<String> after = new LinkedHashSet<>();
          for (String name : before) {
            if (!listed.contains(name)) {
              deleted.add(name);
            }
            after.add(name);
          }
          for (ListInfo info : selected) {
            after.add(info.name);
          }
          if (!options.dryRun() && !after.equals(before)) {
            MaildirFiles.createPrivateDirectories(known.getParent());
            SafeFiles.writeAtomically(
                known,
                out ->
                    out.write((String.join("\n", after) + "\n").getBytes(StandardCharsets.UTF_8)));
          }
          return new AccountSyncResult(results, fresh, deleted, options.dryRun());
        });
  }

  private static boolean wanted(AccountSyncOptions options, String folder, char delimiter) {
    boolean in = false;
    for (String pattern : options.include()) {
      in |= MaildirPlusPlus.matches(pattern, folder, delimiter);
    }
    for (String pattern : options.exclude()) {
      in &= !MaildirPlusPlus.matches(pattern, folder, delimiter);
    }
    return in;
  }

  private static Set<String> read(Path known) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    if (Files.isRegularFile(known)) {
      for (String line : Files.readAllLines(known, StandardCharsets.UTF_8)) {
        if (!line.isEmpty()) {
          names.add(line);
        }
      }
    }
    return names;
  }
}
