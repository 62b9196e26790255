package io.inetkit.testkit.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** The proxy side of an HTTP {@code CONNECT} request, with Basic authentication. */
final class HttpConnectDialogue extends ProxyDialogue {
  private static final int MAX_LINE = 8192;

  HttpConnectDialogue(Socket client, ProxyServer.Rules rules) {
    super(client, rules);
  }

  @Override
  Socket negotiate() throws IOException {
    InputStream in = client.getInputStream();
    OutputStream out = client.getOutputStream();
    String request = readLine(in);
    if (rules.fault() == ProxyFault.GARBAGE) {
      send(out, "* OK this is no HTTP proxy\r\n");
      return null;
    }
    String authorization = null;
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Proxy-Authorization")) {
        authorization = line.substring(colon + 1).trim();
      }
    }
    String[] parts = request.split(" ");
    if (parts.length != 3 || !parts[0].equals("CONNECT") || !parts[2].startsWith("HTTP/1.")) {
      send(out, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
      return null;
    }
    if (requiresCredentials()) {
      String user = basicUser(authorization);
      if (user == null) {
        send(
            out,
            "HTTP/1.1 407 Proxy Authentication Required\r\n"
                + "Proxy-Authenticate: Basic realm=\"testkit\"\r\nContent-Length: 0\r\n\r\n");
        return null;
      }
      authenticated(user);
    }
    String authority = parts[1];
    int colon = authority.lastIndexOf(':');
    if (colon < 0) {
      send(out, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
      return null;
    }
    String host = authority.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = Integer.parseInt(authority.substring(colon + 1));
    if (rules.fault() == ProxyFault.REFUSE_TUNNEL) {
      send(out, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
      return null;
    }
    Socket upstream = connectTarget(host, port);
    if (upstream == null) {
      send(out, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
      return null;
    }
    send(out, "HTTP/1.1 200 Connection established\r\n\r\n");
    return upstream;
  }

  /** Returns the user of a valid {@code Basic} authorization, or null. */
  private String basicUser(String authorization) {
    if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
      return null;
    }
    String pair;
    try {
      pair =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = pair.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String user = pair.substring(0, colon);
    return accepts(user, pair.substring(colon + 1)) ? user : null;
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new java.io.EOFException("client closed");
      }
      if (line.size() > MAX_LINE) {
        throw new IOException("request line too long");
      }
      line.write(b);
    }
    String s = line.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
