package io.inetkit.testkit.gopher;

import java.io.IOException;

/**
 * The reply to a {@code URL:} selector (type {@code h} items pointing at the web): a small HTML
 * page that redirects the browser to the URL, as Gopher servers conventionally send.
 */
final class UrlResponse {
  static final String PREFIX = "URL:";

  private UrlResponse() {}

  static void write(GopherExchange x, String selector) throws IOException {
    String url = escape(selector.substring(PREFIX.length()));
    x.write(
        "<html><head><meta http-equiv=\"refresh\" content=\"0;URL="
            + url
            + "\"></head><body>You are following an external link: <a href=\""
            + url
            + "\">"
            + url
            + "</a></body></html>\r\n");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
