package io.inetkit.mail.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes message content as SMTP DATA (RFC 5321 section 4.5.2): line ends normalised to CRLF,
 * a dot doubled at the start of a line, and {@link #finish()} adds the final {@code .} line.
 * Works through a 256 KiB buffer so gigabyte messages stream at socket speed; counts the bytes
 * it was given.
 */
public final class SmtpDataOutputStream extends OutputStream {
  private static final int BUFFER = 256 * 1024;

  private final OutputStream out;
  private final byte[] buf = new byte[BUFFER];
  private int n;
  private boolean lineStart = true;
  private boolean pendingCr;
  private volatile long count;

  /** Wraps the socket's output stream; {@link #close()} does not close it. */
  public SmtpDataOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    count = count + 1; // single writer thread; volatile for the write watchdog
    put((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    count = count + len;
    for (int i = off, end = off + len; i < end; i++) {
      put(b[i]);
    }
  }

  private void put(byte b) throws IOException {
    if (pendingCr) {
      pendingCr = false;
      emit((byte) '\r');
      emit((byte) '\n');
      lineStart = true;
      if (b == '\n') {
        return;
      }
    }
    if (b == '\r') {
      pendingCr = true;
      return;
    }
    if (b == '\n') {
      emit((byte) '\r');
      emit((byte) '\n');
      lineStart = true;
      return;
    }
    if (lineStart && b == '.') {
      emit((byte) '.');
    }
    lineStart = false;
    emit(b);
  }

  private void emit(byte b) throws IOException {
    if (n == buf.length) {
      out.write(buf, 0, n);
      n = 0;
    }
    buf[n++] = b;
  }

  /** Ends the last line if needed, writes the terminating {@code .} line and flushes. */
  public void finish() throws IOException {
    if (pendingCr || !lineStart) {
      pendingCr = false;
      emit((byte) '\r');
      emit((byte) '\n');
    }
    for (byte b : new byte[] {'.', '\r', '\n'}) {
      emit(b);
    }
    flush();
  }

  @Override
  public void flush() throws IOException {
    out.write(buf, 0, n);
    n = 0;
    out.flush();
  }

  /** Returns how many content bytes were written (before stuffing and normalising). */
  public long count() {
    return count;
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
