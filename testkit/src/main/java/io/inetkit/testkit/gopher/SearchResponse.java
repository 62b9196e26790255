package io.inetkit.testkit.gopher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The type-7 search: a menu of every visible file or folder whose name contains the words. */
final class SearchResponse {
  /** At most this many hits are listed. */
  static final int MAX_HITS = 1000;

  private SearchResponse() {}

  static void write(GopherExchange x, String words) throws IOException {
    if (words == null || words.isBlank()) {
      ErrorResponse.write(x, "search needs words after a TAB");
      return;
    }
    List<Path> hits = x.catalog().search(words, MAX_HITS);
    x.plusHeaderDotTerminated();
    x.write(ItemLine.info(hits.size() + " match(es) for " + words.trim()));
    for (Path p : hits) {
      x.itemLine(p);
    }
    x.terminator();
  }
}
