package io.inetkit.core.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.LimitExceededException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads protocol lines ending in CRLF or a bare LF from a stream, never holding more than {@code
 * maxLineLength} bytes of one line: an endless line from a hostile server fails with {@link
 * LimitExceededException} as soon as it crosses the limit. Reads through its own buffer, so the
 * underlying stream must not be read directly while this reader is in use; use {@link #read(byte[],
 * int, int)} for raw bytes after the lines. Not part of the public API.
 *
 * <pre>{@code
 * BoundedLineReader reader = new BoundedLineReader(socket.getInputStream(), 8192, endpoint);
 * String greeting = reader.readLine(); // null when the server closed without a word
 * }</pre>
 */
public final class BoundedLineReader {
  private final InputStream in;
  private final int maxLineLength;
  private final Endpoint endpoint;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int limit;
  private boolean lastLineEnded = true;

  /**
   * @param in the stream to read
   * @param maxLineLength the longest line accepted, without its terminator
   * @param endpoint the peer, for error messages
   */
  public BoundedLineReader(InputStream in, int maxLineLength, Endpoint endpoint) {
    this.in = in;
    this.maxLineLength = maxLineLength;
    this.endpoint = endpoint;
  }

  /**
   * Returns the next line's bytes without its terminator, or {@code null} at end of stream with
   * nothing read. A final line without terminator is returned as a line.
   */
  public byte[] readLineBytes() throws IOException {
    ByteArrayOutputStream line = null;
    while (true) {
      if (pos == limit && !fill()) {
        if (line != null && line.size() > maxLineLength) {
          throw new LimitExceededException(
              "line too long from " + endpoint, endpoint, maxLineLength);
        }
        if (line != null) {
          lastLineEnded = false;
        }
        return line == null ? null : line.toByteArray();
      }
      int start = pos;
      while (pos < limit && buf[pos] != '\n') {
        pos++;
      }
      boolean found = pos < limit;
      int len = pos - start;
      if (line == null) {
        line = new ByteArrayOutputStream(Math.min(len + 16, 1024));
      }
      if (line.size() + len > maxLineLength + 1) {
        throw new LimitExceededException("line too long from " + endpoint, endpoint, maxLineLength);
      }
      line.write(buf, start, len);
      if (found) {
        pos++; // the LF
        lastLineEnded = true;
        byte[] bytes = line.toByteArray();
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
          n--;
        }
        if (n > maxLineLength) {
          throw new LimitExceededException(
              "line too long from " + endpoint, endpoint, maxLineLength);
        }
        return n == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, n);
      }
    }
  }

  /**
   * Returns whether the line {@link #readLineBytes} returned last ended with its terminator (false
   * for a final line the stream cut off); true before any line.
   */
  public boolean lastLineEnded() {
    return lastLineEnded;
  }

  /** Returns the next line decoded as ISO-8859-1 (byte for char), or {@code null} at the end. */
  public String readLine() throws IOException {
    byte[] bytes = readLineBytes();
    return bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** Reads raw bytes, first from what is buffered; returns -1 at end of stream. */
  public int read(byte[] b, int off, int len) throws IOException {
    if (pos == limit) {
      if (len >= buf.length) {
        return in.read(b, off, len);
      }
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    return n;
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}
