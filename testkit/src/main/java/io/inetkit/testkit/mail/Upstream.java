package io.inetkit.testkit.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** Socket plumbing shared by the fronts: server-side TLS upgrade, upstream connect, line reads. */
final class Upstream {
  private static final int MAX_LINE = 8192;

  private Upstream() {}

  /** Turns an accepted plain socket into the server side of a TLS connection (handshake done). */
  static SSLSocket serverTls(Socket plain, SSLContext context) throws IOException {
    SSLSocket tls =
        (SSLSocket) context.getSocketFactory().createSocket(plain, plain.getInputStream(), true);
    tls.setUseClientMode(false);
    tls.startHandshake();
    return tls;
  }

  /** Connects to GreenMail's plain listener at {@code address}. */
  static Socket connect(InetSocketAddress address) throws IOException {
    Socket s = new Socket();
    s.setReceiveBufferSize(Relay.BUFFER);
    s.setSendBufferSize(Relay.BUFFER);
    s.setTcpNoDelay(true);
    s.connect(address, 10_000);
    return s;
  }

  /**
   * Reads one line byte by byte (so nothing after it, such as a TLS ClientHello, is consumed),
   * without its line end; {@code null} at end of stream. Lines are cut at 8 KiB.
   */
  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (line.size() < MAX_LINE) {
        line.write(b);
      }
    }
    if (b < 0 && line.size() == 0) {
      return null;
    }
    String s = line.toString(StandardCharsets.UTF_8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
