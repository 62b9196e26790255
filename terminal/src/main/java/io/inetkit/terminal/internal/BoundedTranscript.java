package io.inetkit.terminal.internal;

import io.inetkit.terminal.TranscriptEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The most recent {@code limit} characters of a session, as entries; older text is dropped from
 * the front. Thread-safe (the terminal bridge sends and receives on two threads).
 */
public final class BoundedTranscript {
  private final int limit;
  private final Deque<TranscriptEntry> entries = new ArrayDeque<>();
  private long size;

  /** Creates a transcript keeping at most {@code limit} characters (0 keeps nothing). */
  public BoundedTranscript(int limit) {
    this.limit = limit;
  }

  /** Appends text, merging with the last entry when it went the same way. */
  public synchronized void add(TranscriptEntry.Direction direction, String text) {
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
        entries.addFirst(new TranscriptEntry(first.direction(), first.text().substring((int) excess)));
        size -= excess;
      } else {
        size -= first.text().length();
      }
    }
  }

  /** Replaces every received occurrence of {@code secret} with {@code mask}. */
  public synchronized void mask(String secret, String mask) {
    Deque<TranscriptEntry> masked = new ArrayDeque<>();
    size = 0;
    for (TranscriptEntry e : entries) {
      String text =
          e.direction() == TranscriptEntry.Direction.RECEIVED ? e.text().replace(secret, mask) : e.text();
      masked.addLast(new TranscriptEntry(e.direction(), text));
      size += text.length();
    }
    entries.clear();
    entries.addAll(masked);
  }

  /** Returns a copy of the entries, oldest first. */
  public synchronized List<TranscriptEntry> entries() {
    return new ArrayList<>(entries);
  }
}
