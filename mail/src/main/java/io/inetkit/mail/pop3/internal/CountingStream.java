package io.inetkit.mail.pop3.internal;

import io.inetkit.core.internal.ProgressTracker;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts bytes and reports progress while passing them on. */
final class CountingStream extends FilterOutputStream {
  private final ProgressTracker tracker;
  private final byte[] buffer;
  private int pos;
  private long count;

  /** {@code expectedSize} (from LIST) only sizes the buffer: a small message needs no 64 KiB. */
  CountingStream(OutputStream out, ProgressTracker tracker, long expectedSize) {
    super(out);
    this.tracker = tracker;
    this.buffer = new byte[(int) Math.max(1024, Math.min(64 * 1024, expectedSize + 64))];
  }

  @Override
  public void write(int b) throws IOException {
    if (pos == buffer.length) {
      drain();
    }
    buffer[pos++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    drain();
    out.write(b, off, len);
    count += len;
    tracker.add(len);
  }

  private void drain() throws IOException {
    if (pos > 0) {
      out.write(buffer, 0, pos);
      count += pos;
      tracker.add(pos);
      pos = 0;
    }
  }

  @Override
  public void flush() throws IOException {
    drain();
    out.flush();
  }

  /** Returns the number of bytes passed on so far. */
  long count() {
    return count;
  }
}
