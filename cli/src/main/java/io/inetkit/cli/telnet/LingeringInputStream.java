package io.inetkit.cli.telnet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Piped standard input that, once it ends, waits up to {@code linger} before reporting the end, so
 * the server's answer to the last line still arrives and the session can end with the server
 * closing it (as {@code nc -q} does). Used only when no terminal is attached.
 */
final class LingeringInputStream extends FilterInputStream {
  private final Duration linger;
  private boolean lingered;

  LingeringInputStream(InputStream in, Duration linger) {
    super(in);
    this.linger = linger;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      lingerOnce();
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      lingerOnce();
    }
    return n;
  }

  private void lingerOnce() throws IOException {
    if (lingered) {
      return;
    }
    lingered = true;
    try {
      Thread.sleep(linger.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the server");
    }
  }
}
