package io.inetkit.testkit.gopher;

/**
 * One parsed request line: {@code selector[TAB search][TAB gopher+ part]}.
 *
 * @param selector the selector, as sent
 * @param search the search words after the first TAB, or {@code null}
 * @param plus the Gopher+ part ({@code +}, {@code +text/plain}, {@code !}, {@code $}), or {@code
 *     null} for a plain RFC 1436 request
 */
record GopherRequest(String selector, String search, String plus) {

  /** Parses a request line without its CRLF. */
  static GopherRequest parse(String line) {
    String[] fields = line.split("\t", -1);
    String selector = fields[0];
    if (fields.length == 1) {
      return new GopherRequest(selector, null, null);
    }
    if (fields.length == 2) {
      String second = fields[1];
      boolean isPlus =
          !second.isEmpty()
              && (second.charAt(0) == '+' || second.charAt(0) == '!' || second.charAt(0) == '$');
      return isPlus
          ? new GopherRequest(selector, null, second)
          : new GopherRequest(selector, second, null);
    }
    return new GopherRequest(selector, fields[1], fields[2]);
  }

  /** {@return whether the client asked for a Gopher+ reply (any of {@code + ! $})} */
  boolean isGopherPlus() {
    return plus != null;
  }

  /** {@return whether this is a Gopher+ item attribute request ({@code !})} */
  boolean isItemAttributes() {
    return plus != null && plus.startsWith("!");
  }

  /** {@return whether this is a Gopher+ directory attribute request ({@code $})} */
  boolean isDirectoryAttributes() {
    return plus != null && plus.startsWith("$");
  }

  /** {@return the view asked for ({@code text/plain} from {@code +text/plain En_US}), or ""} */
  String view() {
    if (plus == null || !plus.startsWith("+")) {
      return "";
    }
    String v = plus.substring(1).trim();
    int space = v.indexOf(' ');
    return space < 0 ? v : v.substring(0, space);
  }
}
