package io.inetkit.testkit.gopher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Gopher+ attribute replies: {@code selector TAB !} gives the blocks of one item, {@code selector
 * TAB $} the blocks of every item in a folder. Each item's blocks are {@code +INFO} (its menu
 * line), {@code +ADMIN} (admin and modification date), {@code +VIEWS} (MIME type and size of each
 * view) and, when a {@code .<name>.abstract} sidecar exists, {@code +ABSTRACT}.
 */
final class AttributesResponse {
  static final String ADMIN = "inetkit testkit <gopher@localhost>";

  private static final DateTimeFormatter MOD_DATE =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private AttributesResponse() {}

  static void item(GopherExchange x, Path p) throws IOException {
    x.write("+-1\r\n");
    blocks(x, p);
    x.terminator();
  }

  static void directory(GopherExchange x, Path dir) throws IOException {
    x.write("+-1\r\n");
    for (Path p : x.catalog().list(dir)) {
      blocks(x, p);
    }
    x.terminator();
  }

  private static void blocks(GopherExchange x, Path p) throws IOException {
    x.write("+INFO: ");
    x.itemLine(p);
    x.write("+ADMIN:\r\n");
    x.write(" Admin: " + ADMIN + "\r\n");
    x.write(" Mod-Date: <" + MOD_DATE.format(Files.getLastModifiedTime(p).toInstant()) + ">\r\n");
    x.write("+VIEWS:\r\n");
    for (GopherCatalog.View v : x.catalog().views(p)) {
      long size = Files.isDirectory(v.file()) ? 0 : Files.size(v.file());
      x.write(" " + v.mime() + ": <" + Math.max(1, (size + 1023) / 1024) + "k>\r\n");
    }
    Path abs = x.catalog().abstractOf(p);
    if (abs != null) {
      x.write("+ABSTRACT:\r\n");
      List<String> lines = Files.readAllLines(abs, StandardCharsets.UTF_8);
      for (String line : lines) {
        x.write(" " + line + "\r\n");
      }
    }
  }
}
