package io.inetkit.terminal.internal;

import io.inetkit.terminal.TranscriptEntry;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The most recent {@code limit} characters of a session, as entries; older text is dropped from the
 * front. Received bytes are kept as bytes (their last {@code limit}) and decoded only when text
 * goes the other way or the transcript is read: a stream of large reads then costs a copy per read,
 * not a string, and a character split between two reads decodes whole. Thread-safe (the terminal
 * bridge sends and receives on two threads).
 */
public final class BoundedTranscript {
  private final int limit;
  private final Charset charset;
  private final Deque<TranscriptEntry> entries = new ArrayDeque<>();
  private final ByteTail received;
  private long size;

  /**
   * Creates a transcript keeping at most {@code limit} characters (0 keeps nothing), decoding
   * received bytes with {@code charset}.
   */
  public BoundedTranscript(int limit, Charset charset) {
    this.limit = limit;
    this.charset = charset;
    this.received = new ByteTail(limit);
  }

  /** Appends received bytes {@code b[off..off+len)}. */
  public synchronized void received(byte[] b, int off, int len) {
    if (limit > 0) {
      received.append(b, off, len);
    }
  }

  /** Appends text, merging with the last entry when it went the same way. */
  public synchronized void add(TranscriptEntry.Direction direction, String text) {
    flushReceived();
    append(direction, text);
  }

  private void flushReceived() {
    if (!received.isEmpty()) {
      append(TranscriptEntry.Direction.RECEIVED, received.take(charset));
    }
  }

  private void append(TranscriptEntry.Direction direction, String text) {
    if (limit == 0 || text.isEmpty()) {
      return;
    }
    if (text.length() > limit) {
      text = text.substring(text.length() - limit);
    }
    TranscriptEntry last = entries.peekLast();
    if (last != null && last.direction() == direction && last.text().length() < 8192) {
      entries.pollLast();
      size -= last.text().length();
      text = last.text() + text;
    }
    entries.addLast(new TranscriptEntry(direction, text));
    size += text.length();
    while (size > limit) {
      TranscriptEntry first = entries.pollFirst();
      long excess = size - limit;
      if (first.text().length() > excess) {
        entries.addFirst(
            new TranscriptEntry(first.direction(), first.text().substring((int) excess)));
        size -= excess;
      } else {
        size -= first.text().length();
      }
    }
  }

  /** Replaces every received occurrence of {@code secret} with {@code mask}. */
  public synchronized void mask(String secret, String mask) {
    flushReceived();
    Deque<TranscriptEntry> masked = new ArrayDeque<>();
    size = 0;
    for (TranscriptEntry e : entries) {
      String text =
          e.direction() == TranscriptEntry.Direction.RECEIVED
              ? e.text().replace(secret, mask)
              : e.text();
      masked.addLast(new TranscriptEntry(e.direction(), text));
      size += text.length();
    }
    entries.clear();
    entries.addAll(masked);
  }

  /** Returns a copy of the entries, oldest first. */
  public synchronized List<TranscriptEntry> entries() {
    flushReceived();
    return new ArrayList<>(entries);
  }
}
