package io.inetkit.transfer.gopher.internal;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.internal.ProgressTracker;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Streams raw item bytes through a 256 KiB buffer: until the server closes (RFC 1436 binary items,
 * Gopher+ {@code +-2}) or exactly a announced length (Gopher+ {@code +N}).
 */
public final class GopherBinaryCopy {
  /** The copy buffer size. */
  public static final int BUFFER = 256 * 1024;

  /** A reply this short that is an error item is an error, not the item's bytes. */
  private static final int ERROR_PEEK = 4096;

  private GopherBinaryCopy() {}

  /**
   * Copies until the server closes. A plain reply that is entirely one error item (what servers
   * send for a missing selector) is thrown as {@link io.inetkit.core.NotFoundException}.
   */
  public static long untilClose(
      GopherReply reply, OutputStream out, ProgressTracker tracker, boolean checkError, String what)
      throws IOException {
    byte[] buf = new byte[BUFFER];
    int head = 0;
    int n = 0;
    if (checkError) {
      while (head < ERROR_PEEK && (n = reply.read(buf, head, ERROR_PEEK - head)) > 0) {
        head += n;
      }
      if (n < 0 && looksLikeError(buf, head)) {
        byte[] first = firstLine(buf, head);
        throw GopherMenuParser.errorReply(
            what, reply.endpoint(), GopherMenuParser.errorText(first));
      }
      out.write(buf, 0, head);
      tracker.add(head);
      if (n < 0) {
        return head;
      }
    }
    long total = head;
    while ((n = reply.read(buf, 0, buf.length)) > 0) {
      out.write(buf, 0, n);
      total += n;
      tracker.add(n);
    }
    return total;
  }

  /** Copies exactly {@code length} bytes; fewer is a {@link ConnectionClosedException}. */
  public static long exactly(
      GopherReply reply, OutputStream out, ProgressTracker tracker, long length, String what)
      throws IOException {
    byte[] buf = new byte[BUFFER];
    long left = length;
    while (left > 0) {
      int n = reply.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new ConnectionClosedException(
            what + ": server closed after " + (length - left) + " of " + length + " bytes",
            reply.endpoint(),
            null);
      }
      out.write(buf, 0, n);
      tracker.add(n);
      left -= n;
    }
    return length;
  }

  private static boolean looksLikeError(byte[] buf, int len) {
    return GopherMenuParser.isErrorLine(firstLine(buf, len));
  }

  private static byte[] firstLine(byte[] buf, int len) {
    int end = 0;
    while (end < len && buf[end] != '\n') {
      end++;
    }
    int stop = end > 0 && buf[end - 1] == '\r' ? end - 1 : end;
    return java.util.Arrays.copyOf(buf, stop);
  }
}
