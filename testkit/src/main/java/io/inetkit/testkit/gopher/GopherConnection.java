package io.inetkit.testkit.gopher;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Serves one connection: reads one request line (bounded), picks the reply and writes it, then
 * closes, as RFC 1436 servers do.
 */
final class GopherConnection implements Runnable {
  private final Socket socket;
  private final GopherCatalog catalog;
  private final String host;
  private final int port;
  private final int maxRequestLength;
  private final Consumer<String> requests;

  GopherConnection(
      Socket socket,
      GopherCatalog catalog,
      String host,
      int port,
      int maxRequestLength,
      Consumer<String> requests) {
    this.socket = socket;
    this.catalog = catalog;
    this.host = host;
    this.port = port;
    this.maxRequestLength = maxRequestLength;
    this.requests = requests;
  }

  @Override
  public void run() {
    try (Socket s = socket) {
      s.setSoTimeout(30_000);
      s.setTcpNoDelay(
          true); // the tail of a reply leaves at once, not after the client's delayed ACK
      OutputStream out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
      String line = readRequest(s.getInputStream());
      if (line == null) {
        new GopherExchange(null, out, catalog, host, port)
            .write(ItemLine.error("request line too long or missing"));
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
      } else {
        requests.accept(line);
        GopherRequest request = GopherRequest.parse(line);
        serve(new GopherExchange(request, out, catalog, host, port));
      }
      out.flush();
      s.shutdownOutput();
    } catch (IOException e) {
      // the client went away (or timed out): nothing to tell anyone
    }
  }

  private static void serve(GopherExchange x) throws IOException {
    GopherRequest r = x.request();
    String selector = r.selector();
    if (selector.startsWith(UrlResponse.PREFIX)) {
      UrlResponse.write(x, selector);
      return;
    }
    if (selector.equals(GopherCatalog.SEARCH_SELECTOR)) {
      SearchResponse.write(x, r.search());
      return;
    }
    Path p = x.catalog().resolve(selector);
    if (p == null) {
      ErrorResponse.write(x, "'" + selector + "' does not exist");
      return;
    }
    if (r.isItemAttributes()) {
      AttributesResponse.item(x, p);
    } else if (r.isDirectoryAttributes()) {
      if (Files.isDirectory(p)) {
        AttributesResponse.directory(x, p);
      } else {
        ErrorResponse.write(x, "'" + selector + "' is not a directory");
      }
    } else if (!r.view().isEmpty()) {
      serveView(x, p, r.view());
    } else if (Files.isDirectory(p)) {
      MenuResponse.write(x, p);
    } else {
      serveFile(x, p);
    }
  }

  private static void serveView(GopherExchange x, Path p, String mime) throws IOException {
    for (GopherCatalog.View v : x.catalog().views(p)) {
      if (v.mime().equalsIgnoreCase(mime)) {
        if (Files.isDirectory(v.file())) {
          MenuResponse.write(x, v.file());
        } else if (v.mime().equals("text/plain")) {
          TextResponse.write(x, v.file());
        } else {
          BinaryResponse.write(x, v.file());
        }
        return;
      }
    }
    ErrorResponse.write(x, "no view " + mime + " of '" + x.request().selector() + "'");
  }

  private static void serveFile(GopherExchange x, Path p) throws IOException {
    if (GopherCatalog.typeOf(p) == '0') {
      TextResponse.write(x, p);
    } else {
      BinaryResponse.write(x, p);
    }
  }

  /** Reads the request line up to LF; {@code null} if it is longer than allowed or missing. */
  private String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (line.size() >= maxRequestLength) {
        return null;
      }
      line.write(b);
    }
    if (b < 0 && line.size() == 0) {
      return null;
    }
    String s = line.toString(StandardCharsets.UTF_8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
