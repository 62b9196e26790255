package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.internal.ProgressTracker;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Counts the bytes of one transfer as they pass: reports progress, enforces the size limit, paces
 * to the rate limit and, when asked, feeds a digest. Wraps the caller's streams so Commons Net's
 * copy loop (with its control keep-alive) does the copying.
 */
final class TransferMeter {
  private final ProgressTracker tracker;
  private final long maxBytes;
  private final long bytesPerSecond;
  private final Endpoint endpoint;
  private final String name;
  private final long start = System.nanoTime();
  private long paced;
  private MessageDigest digest;
  private Tick tick;

  /** Something to do as bytes move (the control keep-alive). */
  @FunctionalInterface
  interface Tick {
    void run() throws IOException;
  }

  /** Also calls {@code tick} after every chunk. */
  TransferMeter ticking(Tick tick) {
    this.tick = tick;
    return this;
  }

  TransferMeter(
      ProgressTracker tracker, long maxBytes, long bytesPerSecond, Endpoint endpoint, String name) {
    this.tracker = tracker;
    this.maxBytes = maxBytes;
    this.bytesPerSecond = bytesPerSecond;
    this.endpoint = endpoint;
    this.name = name;
  }

  /** Also feeds every byte to {@code digest}. */
  TransferMeter digesting(MessageDigest digest) {
    this.digest = digest;
    return this;
  }

  long done() {
    return tracker.done();
  }

  /** Counts on from {@code offset} bytes already present (an attempt that resumes there). */
  TransferMeter at(long offset) {
    tracker.startingAt(offset);
    return this;
  }

  private void count(byte[] b, int off, int n) throws IOException {
    if (n <= 0) {
      return;
    }
    if (tracker.done() + n > maxBytes) {
      throw new LimitExceededException(
          name + " is larger than the maximum file size from " + endpoint, endpoint, maxBytes);
    }
    if (digest != null) {
      digest.update(b, off, n);
    }
    tracker.add(n);
    pace(n);
    if (tick != null) {
      tick.run();
    }
  }

  private void pace(int n) throws InterruptedIOException {
    if (bytesPerSecond <= 0) {
      return;
    }
    paced += n;
    long due = start + (long) (paced * 1e9 / bytesPerSecond);
    long wait = due - System.nanoTime();
    if (wait > 1_000_000) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while pacing the transfer of " + name);
      }
    }
  }

  /** Returns {@code out} wrapped so that every written byte is counted. */
  OutputStream wrap(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        count(b, off, len);
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush(); // the caller's stream stays open; Path streams are closed by their owner
      }
    };
  }

  /** Returns {@code in} wrapped so that every read byte is counted. */
  InputStream wrap(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        count(b, off, n);
        return n;
      }

      @Override
      public void close() {
        // the caller's stream stays open
      }
    };
  }
}
