package io.inetkit.terminal.internal;

import java.io.ByteArrayOutputStream;

/**
 * Turns data into Telnet wire bytes (RFC 854): IAC (0xFF) doubled; outside binary mode a CR not
 * followed by LF becomes CR NUL and a LF not preceded by CR becomes CR LF. Commons Net's own output
 * stream sends a bare CR as CR LF, which is why inetkit encodes itself.
 */
public final class NvtEncoder {
  private NvtEncoder() {}

  /**
   * Returns the wire form of {@code data[off, off+len)}; a CR at the very end is sent as CR NUL.
   */
  public static byte[] encode(byte[] data, int off, int len, boolean binary) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(len + 16);
    int end = off + len;
    for (int i = off; i < end; i++) {
      int c = data[i] & 0xff;
      if (c == 0xff) {
        out.write(0xff);
        out.write(0xff);
      } else if (!binary && c == '\r') {
        out.write('\r');
        if (i + 1 < end && data[i + 1] == '\n') {
          out.write('\n');
          i++;
        } else {
          out.write(0);
        }
      } else if (!binary && c == '\n') {
        out.write('\r');
        out.write('\n');
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }
}
