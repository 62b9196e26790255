package io.inetkit.cli.mail;

import io.inetkit.cli.Json;
import io.inetkit.cli.JsonOption;
import io.inetkit.mail.imap.FolderInfo;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.SpecialUse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inetkit mail folders list URL}: every folder, or only the subscribed ones. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    header = "List the folders (LIST), or with --subscribed the subscribed ones (LSUB).",
    description = "One folder per line: its name, then its special use (sent, trash, ...) if any.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit mail folders list imaps://alice@mx.example",
      "  inetkit mail folders list imaps://alice@mx.example --json",
      "JSON: [{\"name\",\"specialUse\",\"selectable\",\"subscribed\",\"attributes\":[..]}]"
    })
final class FolderList extends MailAction {
  @Mixin JsonOption json;

  @Parameters(index = "0", paramLabel = "URL", description = "imap[s]://user@host")
  String url;

  @Option(names = "--subscribed", description = "Only the subscribed folders.")
  boolean subscribedOnly;

  @Override
  public Integer call() throws Exception {
    List<FolderInfo> folders;
    Set<String> subscribed;
    try (ImapSession imap = imap(imapUrl(url)).open()) {
      folders = imap.folders();
      subscribed = new TreeSet<>(imap.subscribedFolders());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FolderInfo f : folders) {
      if (subscribedOnly && !subscribed.contains(f.name())) {
        continue;
      }
      String use =
          f.specialUse() == SpecialUse.NONE ? "" : f.specialUse().name().toLowerCase(Locale.ROOT);
      if (json.enabled()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", f.name());
        row.put("specialUse", use);
        row.put("selectable", f.selectable());
        row.put("subscribed", subscribed.contains(f.name()));
        row.put("attributes", new TreeSet<>(f.attributes()).stream().toList());
        rows.add(row);
      } else {
        output.out().println(use.isEmpty() ? f.name() : f.name() + "  (" + use + ")");
      }
    }
    if (json.enabled()) {
      Json.writeArray(output.out(), rows);
    }
    output.out().flush();
    return 0;
  }
}
