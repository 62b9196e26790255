package io.inetkit.terminal.internal;

/**
 * Received bytes not yet consumed by an expect, viewed as characters one per byte (ISO-8859-1) so
 * that regexes match bytes exactly and positions map back to bytes for decoding. Capacity is fixed
 * at construction: the limit plus one read's worth, so memory stays bounded.
 */
public final class ExpectBuffer implements CharSequence {
  private final byte[] buf;
  private int len;

  /** Creates a buffer holding at most {@code capacity} bytes. */
  public ExpectBuffer(int capacity) {
    this.buf = new byte[capacity];
  }

  /** Returns the backing array, for reading into at {@link #length()}. */
  public byte[] array() {
    return buf;
  }

  /** Returns the free room after the stored bytes. */
  public int room() {
    return buf.length - len;
  }

  /** Marks {@code n} more bytes, read into {@link #array()} at {@link #length()}, as stored. */
  public void added(int n) {
    len += n;
  }

  /** Removes the first {@code n} bytes. */
  public void consume(int n) {
    System.arraycopy(buf, n, buf, 0, len - n);
    len -= n;
  }

  /** Copies up to {@code max} bytes out and consumes them; returns how many. */
  public int drainTo(byte[] dst, int off, int max) {
    int n = Math.min(max, len);
    System.arraycopy(buf, 0, dst, off, n);
    consume(n);
    return n;
  }

  @Override
  public int length() {
    return len;
  }

  @Override
  public char charAt(int index) {
    if (index >= len) {
      throw new IndexOutOfBoundsException(index);
    }
    return (char) (buf[index] & 0xff);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().subSequence(start, end);
  }

  @Override
  public String toString() {
    return new String(buf, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
