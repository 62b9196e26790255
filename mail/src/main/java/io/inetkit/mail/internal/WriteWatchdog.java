package io.inetkit.mail.internal;

import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Socket writes have no timeout in Java: a server that stops reading in the middle of a message
 * would block the sender for ever. While message data is written, this watchdog checks that the
 * byte count keeps moving; when it has not moved for the read timeout it closes the socket, the
 * blocked write fails, and the caller reports a timeout ({@link #fired()}). The overall time limit
 * (a server that reads one byte a second) is core's {@link io.inetkit.core.internal.Deadline},
 * which covers the whole operation, not only the data.
 *
 * <p>Every watchdog is a periodic check on one shared daemon thread: watching a message costs
 * scheduling a task, not starting a thread (which used to be a good part of the time of sending a
 * small message).
 */
final class WriteWatchdog implements AutoCloseable {
  /** A finished message cancels its check, which leaves nothing queued. */
  private static final ScheduledExecutorService CHECKS =
      io.inetkit.core.internal.DaemonScheduler.single("inetkit-smtp-write-watchdog");

  private final Socket socket;
  private final LongSupplier progress;
  private final long limitNanos;
  private final ScheduledFuture<?> task;
  private long last;
  private long since;
  private volatile boolean fired;
  private volatile boolean done;

  WriteWatchdog(Socket socket, Duration limit, LongSupplier progress) {
    this.socket = socket;
    this.progress = progress;
    this.limitNanos = limit.toNanos();
    this.last = progress.getAsLong();
    this.since = System.nanoTime();
    long tick = Math.max(20, Math.min(1000, limit.toMillis() / 4));
    this.task = CHECKS.scheduleWithFixedDelay(this::check, tick, tick, TimeUnit.MILLISECONDS);
  }

  /** Runs on the shared thread only, so {@code last} and {@code since} need no locking. */
  private void check() {
    if (done || fired) {
      return;
    }
    long now = progress.getAsLong();
    if (now != last) {
      last = now;
      since = System.nanoTime();
    }
    if (!done && System.nanoTime() - since >= limitNanos) { // close() may have run meanwhile
      fired = true; // later runs return at once; close() cancels the task
      io.inetkit.core.internal.Connector.closeQuietly(socket);
    }
  }

  /** Returns whether the watchdog closed the socket because the server stopped reading. */
  boolean fired() {
    return fired;
  }

  @Override
  public void close() {
    done = true;
    task.cancel(false);
  }
}
