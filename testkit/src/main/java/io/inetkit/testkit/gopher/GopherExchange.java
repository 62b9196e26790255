package io.inetkit.testkit.gopher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One request and the stream its reply goes to, plus the host and port that menu lines must point
 * back to (the plain or the TLS listener, whichever the request came in on).
 */
final class GopherExchange {
  private final GopherRequest request;
  private final OutputStream out;
  private final GopherCatalog catalog;
  private final String host;
  private final int port;

  GopherExchange(
      GopherRequest request, OutputStream out, GopherCatalog catalog, String host, int port) {
    this.request = request;
    this.out = out;
    this.catalog = catalog;
    this.host = host;
    this.port = port;
  }

  GopherRequest request() {
    return request;
  }

  OutputStream out() {
    return out;
  }

  GopherCatalog catalog() {
    return catalog;
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  /** Writes text as UTF-8. */
  void write(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes the Gopher+ header for dot-terminated data ({@code +-1}) if the client asked for
   * Gopher+.
   */
  void plusHeaderDotTerminated() throws IOException {
    if (request.isGopherPlus()) {
      write("+-1\r\n");
    }
  }

  /** Writes the Gopher+ header for data of a known length ({@code +N}) if asked for Gopher+. */
  void plusHeaderLength(long length) throws IOException {
    if (request.isGopherPlus()) {
      write("+" + length + "\r\n");
    }
  }

  /** Writes the menu line of a local file or folder. */
  void itemLine(java.nio.file.Path p) throws IOException {
    write(
        ItemLine.item(
            GopherCatalog.typeOf(p),
            p.getFileName().toString(),
            catalog.selectorOf(p),
            host,
            port,
            true));
  }

  /** Writes the lone {@code .} line that ends menus and text. */
  void terminator() throws IOException {
    write(".\r\n");
  }
}
