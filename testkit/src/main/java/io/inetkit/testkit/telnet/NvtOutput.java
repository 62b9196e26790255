package io.inetkit.testkit.telnet;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The sending half of the Telnet NVT: doubles {@code IAC} in data, sends a bare CR as {@code CR
 * NUL} and a bare LF as {@code CR LF} unless binary mode is on, and writes commands. Buffered (256
 * KiB); every public-facing write ends with a flush by the caller.
 */
final class NvtOutput {
  private final OutputStream out;
  private volatile boolean binary;
  private boolean pendingCr;

  NvtOutput(OutputStream raw) {
    this.out = new BufferedOutputStream(raw, 256 * 1024);
  }

  /** Switches text translation off (server WILL BINARY agreed) or on. */
  void binary(boolean on) {
    this.binary = on;
  }

  /**
   * Writes terminal text as UTF-8: line ends become CR LF even in binary mode, as a terminal
   * driver's output would.
   */
  synchronized void text(String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    encode(b, 0, b.length, true);
  }

  /** Writes file data: NVT text translation unless binary mode is on; IAC always doubled. */
  synchronized void data(byte[] b, int off, int len) throws IOException {
    encode(b, off, len, !binary);
  }

  /**
   * Escapes and writes; a CR at the end waits for the next byte or flush. Runs of bytes that need
   * no escaping are written as one block, so large data costs one scan and one copy.
   */
  private void encode(byte[] b, int off, int len, boolean translate) throws IOException {
    int end = off + len;
    int run = off; // start of the bytes not yet written
    for (int i = off; i < end; i++) {
      int c = b[i] & 0xff;
      if (pendingCr) { // the CR just before was written, so no run is pending here
        pendingCr = false;
        if (c == '\n') {
          continue; // CR LF stays CR LF; the LF goes out with the run
        }
        out.write(0); // RFC 854: a CR not followed by LF is sent as CR NUL
      }
      if (c == NvtInput.IAC) {
        out.write(b, run, i + 1 - run); // the IAC itself, then its double
        out.write(NvtInput.IAC);
        run = i + 1;
      } else if (translate && c == '\r') {
        out.write(b, run, i + 1 - run);
        run = i + 1;
        pendingCr = true;
      } else if (translate && c == '\n') {
        out.write(b, run, i - run);
        out.write('\r');
        run = i; // the LF goes out with the next run
      }
    }
    out.write(b, run, end - run);
  }

  /** Writes bytes already in wire form (no escaping): for output known to need none. */
  synchronized void raw(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  /** Writes {@code IAC verb option}. */
  synchronized void negotiate(int verb, int option) throws IOException {
    out.write(new byte[] {(byte) NvtInput.IAC, (byte) verb, (byte) option});
    out.flush();
  }

  /** Writes {@code IAC SB payload IAC SE}, doubling IAC inside the payload. */
  synchronized void subnegotiate(byte... payload) throws IOException {
    out.write(NvtInput.IAC);
    out.write(NvtInput.SB);
    for (byte p : payload) {
      if ((p & 0xff) == NvtInput.IAC) {
        out.write(NvtInput.IAC);
      }
      out.write(p);
    }
    out.write(NvtInput.IAC);
    out.write(NvtInput.SE);
    out.flush();
  }

  synchronized void flush() throws IOException {
    if (pendingCr) {
      pendingCr = false;
      out.write(0);
    }
    out.flush();
  }
}
