package io.inetkit.testkit.gopher;

import java.io.IOException;

/**
 * An error reply: an RFC 1436 menu with one type-3 item, or for Gopher+ requests a {@code --1}
 * header, the error code ({@code 1} item not available) with a contact, and the message.
 */
final class ErrorResponse {
  private ErrorResponse() {}

  static void write(GopherExchange x, String message) throws IOException {
    if (x.request() != null && x.request().isGopherPlus()) {
      x.write("--1\r\n");
      x.write("1 inetkit testkit <gopher@localhost>\r\n");
      x.write(message.replace("\r", " ").replace("\n", " ") + "\r\n");
    } else {
      x.write(ItemLine.error(message));
    }
    x.terminator();
  }
}
