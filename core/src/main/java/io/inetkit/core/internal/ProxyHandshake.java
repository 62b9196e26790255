package io.inetkit.core.internal;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionException;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Proxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Asks a proxy for a tunnel to a server over an open connection to the proxy: SOCKS5 (RFC 1928)
 * with user name and password authentication (RFC 1929), or HTTP {@code CONNECT} with Basic
 * authentication. Reads exactly the proxy's reply and nothing of the server's bytes after it.
 * Failures are typed: a refusal is a {@link ConnectionException}, rejected credentials an {@link
 * AuthenticationException}, a reply that is not the protocol a {@link ProtocolViolationException}.
 * No message contains the credentials. Not part of the public API.
 */
final class ProxyHandshake {
  private ProxyHandshake() {}

  /** The longest HTTP status or header line accepted from a proxy. */
  static final int MAX_HTTP_LINE = 8192;

  /** The most header lines accepted in a proxy's CONNECT reply. */
  static final int MAX_HTTP_HEADERS = 100;

  /**
   * Runs the handshake for a tunnel to {@code target} (its name is resolved here first for {@link
   * Proxy.Type#SOCKS5}).
   */
  static void tunnel(InputStream in, OutputStream out, Proxy proxy, Endpoint target)
      throws IOException {
    switch (proxy.type()) {
      case SOCKS5, SOCKS5H -> socks5(in, out, proxy, target);
      case HTTP -> httpConnect(in, out, proxy, target);
    }
  }

  private static void socks5(InputStream in, OutputStream out, Proxy proxy, Endpoint target)
      throws IOException {
    Credentials credentials = proxy.credentials();
    byte[] address = socksAddress(proxy, target);
    out.write(credentials == null ? new byte[] {5, 1, 0} : new byte[] {5, 2, 0, 2});
    out.flush();
    int version = readByte(in, proxy, target, "SOCKS5 method selection");
    int method = readByte(in, proxy, target, "SOCKS5 method selection");
    if (version != 5) {
      throw violation(proxy, target, "answered the SOCKS5 greeting with version " + version);
    }
    if (method == 0xFF) {
      throw new AuthenticationException(
          "proxy "
              + proxy
              + (credentials == null
                  ? " requires authentication (no proxy credentials were given)"
                  : " accepts neither no authentication nor a user name and password")
              + " for "
              + target,
          target,
          null,
          null);
    }
    if (method == 2 && credentials != null) {
      authenticate(in, out, proxy, target, credentials);
    } else if (method != 0) {
      throw violation(
          proxy, target, "chose SOCKS5 authentication method " + method + ", not offered");
    }
    byte[] request = new byte[3 + address.length + 2];
    request[0] = 5;
    request[1] = 1; // CONNECT
    System.arraycopy(address, 0, request, 3, address.length);
    request[request.length - 2] = (byte) (target.port() >>> 8);
    request[request.length - 1] = (byte) target.port();
    out.write(request);
    out.flush();
    byte[] head = readFully(in, 4, proxy, target, "SOCKS5 CONNECT");
    if (head[0] != 5) {
      throw violation(proxy, target, "answered SOCKS5 CONNECT with version " + (head[0] & 0xff));
    }
    int reply = head[1] & 0xff;
    if (reply != 0) {
      throw new ConnectionException(
          "proxy " + proxy + " could not open a tunnel to " + target + ": " + socksReply(reply),
          target,
          null);
    }
    int length =
        switch (head[3]) {
          case 1 -> 4;
          case 4 -> 16;
          case 3 -> readByte(in, proxy, target, "SOCKS5 CONNECT");
          default ->
              throw violation(
                  proxy, target, "answered SOCKS5 CONNECT with address type " + (head[3] & 0xff));
        };
    readFully(in, length + 2, proxy, target, "SOCKS5 CONNECT"); // bound address and port
  }

  /** RFC 1929 user name and password sub-negotiation. */
  private static void authenticate(
      InputStream in, OutputStream out, Proxy proxy, Endpoint target, Credentials credentials)
      throws IOException {
    byte[] user = credentials.user().getBytes(StandardCharsets.UTF_8);
    char[] secret = credentials.secret();
    byte[] password = new String(secret).getBytes(StandardCharsets.UTF_8);
    Arrays.fill(secret, '\0');
    try {
      if (user.length > 255 || password.length > 255) {
        throw new InvalidInputException(
            "proxy credentials", "SOCKS5 user names and passwords are at most 255 bytes");
      }
      ByteArrayOutputStream msg = new ByteArrayOutputStream(3 + user.length + password.length);
      msg.write(1);
      msg.write(user.length);
      msg.writeBytes(user);
      msg.write(password.length);
      msg.writeBytes(password);
      byte[] bytes = msg.toByteArray();
      out.write(bytes);
      out.flush();
      Arrays.fill(bytes, (byte) 0);
    } finally {
      Arrays.fill(password, (byte) 0);
    }
    readByte(in, proxy, target, "SOCKS5 authentication"); // version: 1, some proxies say 5
    int status = readByte(in, proxy, target, "SOCKS5 authentication");
    if (status != 0) {
      throw new AuthenticationException(
          "proxy " + proxy + " rejected the user name and password (SOCKS5 status " + status + ")",
          target,
          null,
          null);
    }
  }

  /** ATYP and address of the CONNECT request: the name (socks5h) or the address resolved here. */
  private static byte[] socksAddress(Proxy proxy, Endpoint target) throws InetkitException {
    byte[] literal = literal(target.host());
    if (literal == null && proxy.type() == Proxy.Type.SOCKS5H) {
      byte[] name = target.host().getBytes(StandardCharsets.US_ASCII);
      if (name.length > 255) {
        throw new InvalidInputException("host", "SOCKS5 host names are at most 255 bytes");
      }
      byte[] a = new byte[2 + name.length];
      a[0] = 3;
      a[1] = (byte) name.length;
      System.arraycopy(name, 0, a, 2, name.length);
      return a;
    }
    byte[] ip = literal;
    if (ip == null) {
      try {
        ip = InetAddress.getByName(target.host()).getAddress();
      } catch (UnknownHostException e) {
        throw new ConnectionException(
            "connect via proxy "
                + proxy
                + ": unknown host "
                + target.host()
                + " (socks5:// resolves names locally; socks5h:// lets the proxy resolve them)",
            target,
            e);
      }
    }
    byte[] a = new byte[1 + ip.length];
    a[0] = (byte) (ip.length == 4 ? 1 : 4);
    System.arraycopy(ip, 0, a, 1, ip.length);
    return a;
  }

  private static byte[] literal(String host) {
    boolean v4 = host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    if (!v4 && host.indexOf(':') < 0) {
      return null;
    }
    try {
      InetAddress a = InetAddress.getByName(host); // a literal: no lookup
      return a instanceof Inet6Address || v4 ? a.getAddress() : null;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static String socksReply(int code) {
    return switch (code) {
      case 1 -> "general SOCKS server failure (1)";
      case 2 -> "connection not allowed by ruleset (2)";
      case 3 -> "network unreachable (3)";
      case 4 -> "host unreachable (4)";
      case 5 -> "connection refused (5)";
      case 6 -> "TTL expired (6)";
      case 7 -> "command not supported (7)";
      case 8 -> "address type not supported (8)";
      default -> "SOCKS5 reply " + code;
    };
  }

  private static void httpConnect(InputStream in, OutputStream out, Proxy proxy, Endpoint target)
      throws IOException {
    String authority =
        (target.isIpv6Literal() ? "[" + target.host() + "]" : target.host()) + ":" + target.port();
    StringBuilder request =
        new StringBuilder("CONNECT ")
            .append(authority)
            .append(" HTTP/1.1\r\nHost: ")
            .append(authority)
            .append("\r\nUser-Agent: inetkit\r\nProxy-Connection: Keep-Alive\r\n");
    Credentials credentials = proxy.credentials();
    if (credentials != null) {
      char[] secret = credentials.secret();
      byte[] pair =
          (credentials.user() + ":" + new String(secret)).getBytes(StandardCharsets.UTF_8);
      Arrays.fill(secret, '\0');
      request
          .append("Proxy-Authorization: Basic ")
          .append(Base64.getEncoder().encodeToString(pair))
          .append("\r\n");
      Arrays.fill(pair, (byte) 0);
    }
    request.append("\r\n");
    byte[] bytes = request.toString().getBytes(StandardCharsets.UTF_8);
    request.setLength(0);
    out.write(bytes);
    out.flush();
    Arrays.fill(bytes, (byte) 0);
    String status = readLine(in, proxy, target);
    int code = statusCode(status);
    if (code < 0) {
      throw violation(proxy, target, "answered CONNECT with " + quoteBounded(status));
    }
    for (int headers = 0; ; headers++) {
      if (headers > MAX_HTTP_HEADERS) {
        throw violation(proxy, target, "sent more than " + MAX_HTTP_HEADERS + " header lines");
      }
      if (readLine(in, proxy, target).isEmpty()) {
        break;
      }
    }
    if (code / 100 == 2) {
      return;
    }
    String said = quoteBounded(status);
    if (code == 407) {
      throw new AuthenticationException(
          "proxy "
              + proxy
              + (credentials == null
                  ? " requires authentication (no proxy credentials were given): "
                  : " rejected the user name and password: ")
              + said,
          target,
          null,
          null);
    }
    throw new ConnectionException(
        "proxy " + proxy + " refused the tunnel to " + target + ": " + said, target, null);
  }

  /** Returns the status code of an {@code HTTP/1.x NNN reason} line, or -1. */
  private static int statusCode(String line) {
    if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
      return -1;
    }
    String code = line.substring(9, 12);
    if (!code.chars().allMatch(c -> c >= '0' && c <= '9')
        || (line.length() > 12 && line.charAt(12) != ' ')) {
      return -1;
    }
    return Integer.parseInt(code);
  }

  private static String readLine(InputStream in, Proxy proxy, Endpoint target) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw closed(proxy, target, "HTTP CONNECT");
      }
      if (b == '\n') {
        break;
      }
      if (line.size() >= MAX_HTTP_LINE) {
        throw violation(proxy, target, "sent a reply line longer than " + MAX_HTTP_LINE + " bytes");
      }
      line.write(b);
    }
    String s = line.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private static String quoteBounded(String text) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < text.length() && i < 200; i++) {
      char c = text.charAt(i);
      sb.append(c < 0x20 || c > 0x7e ? '?' : c);
    }
    return sb.append(text.length() > 200 ? "...\"" : "\"").toString();
  }

  private static int readByte(InputStream in, Proxy proxy, Endpoint target, String step)
      throws IOException {
    int b = in.read();
    if (b < 0) {
      throw closed(proxy, target, step);
    }
    return b;
  }

  private static byte[] readFully(InputStream in, int n, Proxy proxy, Endpoint target, String step)
      throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw closed(proxy, target, step);
    }
    return b;
  }

  private static ConnectionException closed(Proxy proxy, Endpoint target, String step) {
    return new ConnectionException(
        "proxy " + proxy + " closed the connection during the " + step + " for " + target,
        target,
        null);
  }

  private static ProtocolViolationException violation(Proxy proxy, Endpoint target, String what) {
    return new ProtocolViolationException(
        "proxy "
            + proxy
            + " is not a "
            + kind(proxy)
            + " proxy, or misbehaved: it "
            + what
            + " (tunnel to "
            + target
            + ")",
        target,
        null);
  }

  private static String kind(Proxy proxy) {
    return proxy.type().isSocks() ? "SOCKS5" : "HTTP";
  }
}
