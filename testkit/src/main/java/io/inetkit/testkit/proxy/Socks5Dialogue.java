package io.inetkit.testkit.proxy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The proxy side of a SOCKS5 handshake (RFC 1928, RFC 1929), CONNECT only. */
final class Socks5Dialogue extends ProxyDialogue {
  private static final byte[] GARBAGE =
      "220 this is no SOCKS proxy\r\n".getBytes(StandardCharsets.US_ASCII);

  Socks5Dialogue(Socket client, ProxyServer.Rules rules) {
    super(client, rules);
  }

  @Override
  Socket negotiate() throws IOException {
    DataInputStream in = new DataInputStream(client.getInputStream());
    OutputStream out = client.getOutputStream();
    int version = in.readUnsignedByte();
    if (rules.fault() == ProxyFault.GARBAGE) {
      out.write(GARBAGE);
      out.flush();
      return null;
    }
    if (version != 5) {
      return null;
    }
    byte[] methods = new byte[in.readUnsignedByte()];
    in.readFully(methods);
    int wanted = requiresCredentials() ? 2 : 0;
    if (!contains(methods, wanted)) {
      out.write(new byte[] {5, (byte) 0xFF});
      out.flush();
      return null;
    }
    out.write(new byte[] {5, (byte) wanted});
    out.flush();
    if (wanted == 2) {
      in.readUnsignedByte(); // sub-negotiation version 1
      String user = readString(in);
      String password = readString(in);
      boolean ok = accepts(user, password);
      out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
      out.flush();
      if (!ok) {
        return null;
      }
      authenticated(user);
    }
    byte[] head = new byte[4];
    in.readFully(head);
    String host =
        switch (head[3]) {
          case 1 -> literal(in, 4);
          case 4 -> literal(in, 16);
          case 3 -> readString(in);
          default -> null;
        };
    int port = in.readUnsignedShort();
    if (host == null || head[1] != 1) {
      reply(out, 8);
      return null;
    }
    if (rules.fault() == ProxyFault.REFUSE_TUNNEL) {
      reply(out, 5);
      return null;
    }
    Socket upstream = connectTarget(host, port);
    if (upstream == null) {
      reply(out, 5);
      return null;
    }
    reply(out, 0);
    return upstream;
  }

  private static void reply(OutputStream out, int code) throws IOException {
    out.write(new byte[] {5, (byte) code, 0, 1, 127, 0, 0, 1, 0, 0});
    out.flush();
  }

  private static boolean contains(byte[] methods, int method) {
    for (byte m : methods) {
      if (m == method) {
        return true;
      }
    }
    return false;
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readUnsignedByte()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static String literal(DataInputStream in, int length) throws IOException {
    byte[] b = new byte[length];
    in.readFully(b);
    return InetAddress.getByAddress(b).getHostAddress();
  }
}
