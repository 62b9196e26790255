package io.inetkit.testkit.gopher;

/** Formats one menu line: {@code type display TAB selector TAB host TAB port [TAB +] CRLF}. */
final class ItemLine {
  private ItemLine() {}

  /** The host RFC 1436 servers conventionally put on info and error lines. */
  static final String NO_HOST = "error.host";

  static String item(
      char type, String display, String selector, String host, int port, boolean plus) {
    return type
        + clean(display)
        + '\t'
        + clean(selector)
        + '\t'
        + host
        + '\t'
        + port
        + (plus ? "\t+" : "")
        + "\r\n";
  }

  static String info(String text) {
    return item('i', text, "", NO_HOST, 1, false);
  }

  static String error(String text) {
    return item('3', text, "", NO_HOST, 1, false);
  }

  /** Tabs and line ends would break the line apart; a served name never contains them. */
  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
  }
}
