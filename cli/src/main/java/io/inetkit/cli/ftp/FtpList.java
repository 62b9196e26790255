package io.inetkit.cli.ftp;

import io.inetkit.cli.Json;
import io.inetkit.cli.JsonOption;
import io.inetkit.core.FtpUrl;
import io.inetkit.transfer.ftp.FtpEntry;
import io.inetkit.transfer.ftp.FtpSession;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code inetkit ftp ls URL}: one entry per line (type, size, modified, name), or JSON. */
@Command(
    name = "ls",
    mixinStandardHelpOptions = true,
    description = "List a folder: type (d, -, l, ?), size, modified (UTC), name.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit ftp ls ftp://ftp.example/pub/",
      "  inetkit ftp ls ftps://alice@ftp.example/ --json",
      "JSON: [{\"name\",\"type\":\"file|directory|symbolic_link|unknown\",\"size\",\"modified\",\"permissions\"}]"
    })
final class FtpList extends FtpAction {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @Mixin JsonOption json;

  @Parameters(index = "0", paramLabel = "URL", description = "The folder to list.")
  String url;

  @Override
  public Integer call() throws Exception {
    FtpUrl u = ftpUrl(url);
    List<FtpEntry> entries;
    try (FtpSession ftp = client(u).build().open()) {
      entries = ftp.list(display(u.path()));
    }
    PrintWriter out = output.out();
    if (json.enabled()) {
      Json.writeArray(out, entries.stream().map(FtpList::toJson).toList());
      return 0;
    }
    for (FtpEntry e : entries) {
      // Columns padded by hand, as "%s %12s  %-16s  %s%n" would: a Formatter's first use loads
      // the locale data and regular expressions, a large part of a short listing's run (issue 18).
      String size = e.size() < 0 ? "-" : Long.toString(e.size());
      String time = e.modifiedTime().map(TIME::format).orElse("-");
      out.println(
          switch (e.type()) {
                case FILE -> "-";
                case DIRECTORY -> "d";
                case SYMBOLIC_LINK -> "l";
                default -> "?";
              }
              + " "
              + " ".repeat(Math.max(0, 12 - size.length()))
              + size
              + "  "
              + time
              + " ".repeat(Math.max(0, 16 - time.length()))
              + "  "
              + e.name()
              + (e.isDirectory() ? "/" : ""));
    }
    out.flush();
    return 0;
  }

  static Map<String, Object> toJson(FtpEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", e.name());
    m.put("type", e.type());
    m.put("size", e.size());
    m.put("modified", e.modifiedTime());
    m.put("permissions", e.permissions());
    return m;
  }
}
