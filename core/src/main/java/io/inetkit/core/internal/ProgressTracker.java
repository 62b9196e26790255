package io.inetkit.core.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.ProgressListener;
import io.inetkit.core.TransferProgress;
import java.time.Duration;

/**
 * Counts the bytes of one transfer and reports them to a {@link ProgressListener} and an {@link
 * EventListener}, at most ten times a second plus once at the end. Not part of the public API.
 *
 * <pre>{@code
 * ProgressTracker tracker = new ProgressTracker(name, size, listener, events, endpoint);
 * for (int n; (n = in.read(buf)) > 0; ) {
 *   out.write(buf, 0, n);
 *   tracker.add(n);
 * }
 * TransferProgress done = tracker.finish();
 * }</pre>
 */
public final class ProgressTracker {
  private static final long INTERVAL_NANOS = 100_000_000L;

  private final String name;
  private final long total;
  private final ProgressListener listener;
  private final EventListener events;
  private final Endpoint endpoint;
  private final long start = System.nanoTime();
  private long done;
  private long lastReport = start;

  /** Starts tracking and fires {@link EventListener#transferStart}. */
  public ProgressTracker(
      String name, long total, ProgressListener listener, EventListener events, Endpoint endpoint) {
    this.name = name;
    this.total = total;
    this.listener = listener == null ? ProgressListener.NONE : listener;
    this.events = events == null ? EventListener.NONE : events;
    this.endpoint = endpoint;
    this.events.transferStart(endpoint, name, total);
  }

  /** Starts at {@code offset} bytes already present (a resumed transfer). */
  public ProgressTracker startingAt(long offset) {
    done = offset;
    return this;
  }

  /** Adds {@code n} bytes and reports if a tenth of a second has passed. */
  public void add(long n) {
    done += n;
    long now = System.nanoTime();
    if (now - lastReport >= INTERVAL_NANOS) {
      lastReport = now;
      TransferProgress p = snapshot(now);
      listener.progress(p);
      events.transferProgress(endpoint, p);
    }
  }

  /** Returns the bytes counted so far. */
  public long done() {
    return done;
  }

  /** Reports the final state and fires {@link EventListener#transferEnd}. */
  public TransferProgress finish() {
    TransferProgress p = snapshot(System.nanoTime());
    listener.progress(p);
    events.transferEnd(endpoint, p);
    return p;
  }

  private TransferProgress snapshot(long now) {
    return new TransferProgress(name, done, total, Duration.ofNanos(now - start));
  }
}
