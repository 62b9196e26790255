package io.inetkit.testkit.telnet;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A byte-level Telnet client for tests: sends exactly what it is told, reads raw wire bytes. */
final class RawTelnet implements AutoCloseable {
  static final int IAC = NvtInput.IAC;
  static final int DONT = NvtInput.DONT;
  static final int DO = NvtInput.DO;
  static final int WONT = NvtInput.WONT;
  static final int WILL = NvtInput.WILL;
  static final int SB = NvtInput.SB;
  static final int SE = NvtInput.SE;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawTelnet(TelnetServer server) throws IOException {
    socket = new Socket(server.host(), server.port());
    socket.setSoTimeout(5000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  /** Reads raw bytes until {@code marker} (ISO-8859-1) has arrived; returns them all. */
  String readUntil(String marker) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException(
            "EOF before " + marker + "; got " + got.toString(StandardCharsets.ISO_8859_1));
      }
      got.write(b);
      String s = got.toString(StandardCharsets.ISO_8859_1);
      if (s.endsWith(marker)) {
        return s;
      }
    }
  }

  /** Reads exactly {@code n} raw bytes. */
  byte[] readN(int n) throws IOException {
    return in.readNBytes(n);
  }

  /** Reads until end of stream; returns what came. */
  String readToEnd() throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  void send(int... bytes) throws IOException {
    for (int b : bytes) {
      out.write(b);
    }
    out.flush();
  }

  void send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  static String iac(int... bytes) {
    StringBuilder sb = new StringBuilder();
    sb.append((char) IAC);
    for (int b : bytes) {
      sb.append((char) b);
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
