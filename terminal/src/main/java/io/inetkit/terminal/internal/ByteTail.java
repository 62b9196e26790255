package io.inetkit.terminal.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The last {@code capacity} bytes appended, kept in a ring that grows on demand up to the capacity:
 * appending copies, never allocates once the ring is grown, so a stream of large reads costs no
 * garbage. Not thread-safe.
 */
final class ByteTail {
  private static final int INITIAL = 4096;

  private final int capacity;
  private byte[] ring = new byte[0];
  private int start;
  private int count;
  private boolean dropped;

  /** Creates a tail keeping at most {@code capacity} bytes. */
  ByteTail(int capacity) {
    this.capacity = capacity;
  }

  /** Returns whether nothing is kept. */
  boolean isEmpty() {
    return count == 0;
  }

  /** Appends {@code b[off..off+len)}, dropping the oldest bytes beyond the capacity. */
  void append(byte[] b, int off, int len) {
    if (len == 0) {
      return;
    }
    if (len >= capacity) {
      grow(capacity);
      System.arraycopy(b, off + len - capacity, ring, 0, capacity);
      dropped |= count > 0 || len > capacity;
      start = 0;
      count = capacity;
      return;
    }
    grow(Math.min(capacity, count + len));
    int end = (start + count) % ring.length;
    int first = Math.min(len, ring.length - end);
    System.arraycopy(b, off, ring, end, first);
    System.arraycopy(b, off + first, ring, 0, len - first);
    count += len;
    if (count > ring.length) {
      start = (start + count - ring.length) % ring.length;
      count = ring.length;
      dropped = true;
    }
  }

  /**
   * Returns what is kept, decoded, and empties the tail. If older bytes were dropped and the text
   * is UTF-8, a character cut at the front is skipped rather than shown as U+FFFD.
   */
  String take(Charset charset) {
    byte[] bytes = new byte[count];
    int first = Math.min(count, ring.length - start);
    System.arraycopy(ring, start, bytes, 0, first);
    System.arraycopy(ring, 0, bytes, first, count - first);
    int from = 0;
    if (dropped && charset.equals(StandardCharsets.UTF_8)) {
      while (from < Math.min(3, bytes.length) && (bytes[from] & 0xc0) == 0x80) {
        from++; // a continuation byte: its lead byte was dropped
      }
    }
    start = 0;
    count = 0;
    dropped = false;
    return new String(bytes, from, bytes.length - from, charset);
  }

  private void grow(int needed) {
    if (ring.length >= needed) {
      return;
    }
    int size = (int) Math.min(capacity, Math.max(needed, Math.max(INITIAL, 2L * ring.length)));
    byte[] bigger = new byte[size];
    int first = Math.min(count, ring.length - start);
    System.arraycopy(ring, start, bigger, 0, first);
    System.arraycopy(ring, 0, bigger, first, count - first);
    ring = bigger;
    start = 0;
  }
}
