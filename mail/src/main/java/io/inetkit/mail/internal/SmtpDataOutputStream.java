package io.inetkit.mail.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes message content as SMTP DATA (RFC 5321 section 4.5.2): line ends normalised to CRLF, a dot
 * doubled at the start of a line, and {@link #finish()} adds the final {@code .} line. It scans
 * what it is given and passes on whole runs of bytes that need no change (a CRLF-terminated line is
 * one run) to the connection's buffered stream, so a gigabyte streams at socket speed. Bytes
 * written one at a time (Jakarta Mail's text handler does that) are gathered in a small buffer
 * first. Counts the bytes it was given.
 */
public final class SmtpDataOutputStream extends OutputStream {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] DOT = {'.'};
  private static final byte[] END = {'.', '\r', '\n'};

  private final OutputStream out;
  private static final int SINGLES = 4096;

  private byte[] singles; // bytes written one at a time, not scanned yet
  private int singleCount;
  private boolean lineStart = true;
  private boolean pendingCr;
  private volatile long count;

  /** Wraps the connection's (buffered) output stream; {@link #close()} does not close it. */
  public SmtpDataOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    if (singles == null) {
      singles = new byte[SINGLES];
    } else if (singleCount == singles.length) {
      drainSingles();
    }
    singles[singleCount++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    drainSingles();
    scan(b, off, len);
  }

  private void drainSingles() throws IOException {
    if (singleCount > 0) {
      int n = singleCount;
      singleCount = 0;
      scan(singles, 0, n);
    }
  }

  private void scan(byte[] b, int off, int len) throws IOException {
    count = count + len; // single writer thread; volatile for the write watchdog
    int end = off + len;
    int run = off; // start of the bytes that go out unchanged
    int i = off;
    if (pendingCr && i < end) { // a CR ended the previous chunk
      pendingCr = false;
      out.write(CRLF);
      lineStart = true;
      if (b[i] == '\n') {
        i++;
        run = i;
      }
    }
    boolean atLineStart = lineStart; // a local, so the scan loop runs from registers
    while (i < end) {
      byte c = b[i];
      if (c > '.') { // most bytes: not CR, LF or a dot
        atLineStart = false;
        i++;
        continue;
      }
      if (c == '\r') {
        if (i + 1 < end && b[i + 1] == '\n') {
          i += 2; // CRLF: stays in the run
          atLineStart = true;
          continue;
        }
        out.write(b, run, i - run);
        i++;
        run = i;
        if (i == end) {
          pendingCr = true; // the next chunk says whether an LF follows
        } else {
          out.write(CRLF); // a bare CR ends a line
          atLineStart = true;
        }
        continue;
      }
      if (c == '\n') { // a bare LF
        out.write(b, run, i - run);
        out.write(CRLF);
        i++;
        run = i;
        atLineStart = true;
        continue;
      }
      if (atLineStart && c == '.') {
        out.write(b, run, i - run);
        out.write(DOT); // the dot itself starts the next run
        run = i;
      }
      atLineStart = false;
      i++;
    }
    lineStart = atLineStart;
    out.write(b, run, end - run);
  }

  /**
   * Ends the last line if needed and writes the terminating {@code .} line, without flushing: the
   * caller flushes, alone or together with the next message's pipelined envelope.
   */
  public void finish() throws IOException {
    drainSingles();
    if (pendingCr || !lineStart) {
      pendingCr = false;
      out.write(CRLF);
    }
    out.write(END);
  }

  /**
   * Does nothing: Jakarta Mail flushes at the end of a message, and passing that on would send the
   * message and its final dot in two packets. Data goes out as the connection's buffer fills and at
   * {@link #finish()}.
   */
  @Override
  public void flush() {
    // see above
  }

  /** Returns how many content bytes were written (before stuffing and normalising). */
  public long count() {
    return count;
  }

  /** Does nothing: the connection stays open; {@link #finish()} ends the data. */
  @Override
  public void close() {
    // see above
  }
}
