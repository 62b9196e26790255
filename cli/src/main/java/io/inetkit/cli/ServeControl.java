package io.inetkit.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.inetkit.testkit.InetkitServers;
import io.inetkit.testkit.ftp.FtpUser;
import io.inetkit.testkit.mail.ReceivedMail;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code inetkit serve}'s HTTP control endpoint, on 127.0.0.1 only (JDK's {@code
 * com.sun.net.httpserver}), for test suites in any language:
 *
 * <pre>
 * GET    /servers               the same JSON as serve --json
 * GET    /messages[?to=ADDRESS] received mail copies as JSON (decoded text, html, attachments, raw)
 * DELETE /messages              purge every mailbox (users stay)
 * POST   /users                 body NAME:PASSWORD: add a user on every protocol (FTP read-write)
 * POST   /reset                 mail, FTP homes, files folder and Telnet/Gopher records emptied
 * </pre>
 */
final class ServeControl implements AutoCloseable {
  private static final int MAX_BODY = 4096;

  private final InetkitServers servers;
  private final HttpServer http;

  private ServeControl(InetkitServers servers, HttpServer http) {
    this.servers = servers;
    this.http = http;
  }

  /** Starts the endpoint on 127.0.0.1:{@code port} (0: a free port). */
  static ServeControl start(InetkitServers servers, int port) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    ServeControl control = new ServeControl(servers, http);
    http.createContext("/", control::handle);
    http.start();
    return control;
  }

  /** {@return {@code http://127.0.0.1:PORT/}} */
  String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
  }

  @Override
  public void close() {
    http.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        route(exchange);
      } catch (IllegalArgumentException | IllegalStateException e) {
        send(exchange, 400, error(e.getMessage()));
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    switch (route) {
      case "GET /servers", "GET /" -> send(exchange, 200, ServeCommand.json(servers, url()));
      case "GET /messages" -> send(exchange, 200, Json.write(messages(recipient(exchange))) + "\n");
      case "DELETE /messages" -> {
        servers.mail().purge();
        send(exchange, 204, "");
      }
      case "POST /users" -> send(exchange, 201, Json.write(addUser(body(exchange))) + "\n");
      case "POST /reset" -> {
        servers.reset();
        send(exchange, 204, "");
      }
      default ->
          send(
              exchange,
              404,
              error(
                  "no such endpoint: "
                      + route
                      + " (GET /servers, GET /messages, DELETE /messages, POST /users, POST /reset)"));
    }
  }

  private static String recipient(HttpExchange exchange) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("to=")) {
          return URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8);
        }
      }
    }
    return null;
  }

  private List<Map<String, Object>> messages(String to) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ReceivedMail m : to == null ? servers.mail().received() : servers.mail().receivedBy(to)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("recipient", m.recipient());
      entry.put("from", m.from());
      entry.put("subject", m.subject());
      entry.put("size", m.size());
      entry.put("text", m.text());
      entry.put("html", m.html());
      List<Map<String, Object>> attachments = new ArrayList<>();
      for (ReceivedMail.Attachment a : m.attachments()) {
        Map<String, Object> att = new LinkedHashMap<>();
        att.put("fileName", a.fileName());
        att.put("contentType", a.contentType());
        att.put("size", a.content().length);
        attachments.add(att);
      }
      entry.put("attachments", attachments);
      entry.put("raw", m.rawText());
      list.add(entry);
    }
    return list;
  }

  private Map<String, Object> addUser(String nameColonPassword) {
    FtpUser user = ServeCommand.UserConverter.parse(nameColonPassword.strip());
    servers.user(user);
    Map<String, Object> added = new LinkedHashMap<>();
    added.put("name", user.name());
    added.put("email", InetkitServers.email(user.name()));
    added.put("ftpAccess", "read-write");
    return added;
  }

  private static String body(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw new IllegalArgumentException("request body over " + MAX_BODY + " bytes");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String error(String message) {
    return Json.write(Map.of("error", message)) + "\n";
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
