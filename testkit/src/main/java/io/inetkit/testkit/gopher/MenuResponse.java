package io.inetkit.testkit.gopher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder as a menu: its {@code gophermap} if it has one, otherwise an info line, a type-7 search
 * item (root only) and one Gopher+ item per visible entry.
 *
 * <p>{@code gophermap} lines with a TAB are items ({@code Tdisplay TAB selector [TAB host [TAB
 * port]]}, host and port defaulting to this server); lines without a TAB become info lines; lines
 * starting with {@code #} are comments.
 */
final class MenuResponse {
  private MenuResponse() {}

  static void write(GopherExchange x, Path dir) throws IOException {
    x.plusHeaderDotTerminated();
    Path map = dir.resolve(GopherCatalog.GOPHERMAP);
    if (Files.isRegularFile(map)) {
      writeMap(x, map);
    } else {
      String selector = x.catalog().selectorOf(dir);
      x.write(ItemLine.info("Index of " + (selector.isEmpty() ? "/" : selector)));
      if (dir.equals(x.catalog().root())) {
        x.write(
            ItemLine.item(
                '7', "Search file names", GopherCatalog.SEARCH_SELECTOR, x.host(), x.port(), true));
      }
      for (Path p : x.catalog().list(dir)) {
        x.itemLine(p);
      }
    }
    x.terminator();
  }

  private static void writeMap(GopherExchange x, Path map) throws IOException {
    for (String line : Files.readAllLines(map, StandardCharsets.UTF_8)) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.indexOf('\t') < 0) {
        x.write(ItemLine.info(line));
        continue;
      }
      String[] f = line.split("\t", -1);
      String head = f[0];
      char type = head.isEmpty() ? 'i' : head.charAt(0);
      String display = head.isEmpty() ? "" : head.substring(1);
      String selector = f[1];
      String host = f.length > 2 && !f[2].isEmpty() ? f[2] : x.host();
      String port = f.length > 3 && !f[3].isEmpty() ? f[3] : Integer.toString(x.port());
      String plus = f.length > 4 ? "\t" + f[4] : "";
      x.write(type + display + "\t" + selector + "\t" + host + "\t" + port + plus + "\r\n");
    }
  }
}
