package io.inetkit.mail.internal;

import java.net.Socket;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Socket writes have no timeout in Java: a server that stops reading in the middle of a
 * message would block the sender for ever. While message data is written, this watchdog checks
 * that the byte count keeps moving; when it has not moved for the read timeout it closes the
 * socket, the blocked write fails, and the caller reports a timeout ({@link #fired()}). It also
 * enforces the overall per-operation timeout, so a server that reads one byte a second cannot
 * hold the sender for longer than that.
 */
final class WriteWatchdog implements AutoCloseable {
  private final Thread thread;
  private volatile boolean fired;
  private volatile String reason = "";
  private volatile Duration timeout;
  private volatile boolean done;

  WriteWatchdog(Socket socket, Duration limit, Duration overall, LongSupplier progress) {
    long limitNanos = limit.toNanos();
    long deadline = System.nanoTime() + overall.toNanos();
    long tick = Math.max(20, Math.min(1000, limit.toMillis() / 4));
    this.thread =
        new Thread(
            () -> {
              long last = progress.getAsLong();
              long since = System.nanoTime();
              while (!done) {
                try {
                  Thread.sleep(tick);
                } catch (InterruptedException e) {
                  return;
                }
                long now = progress.getAsLong();
                if (now != last) {
                  last = now;
                  since = System.nanoTime();
                }
                boolean stalled = System.nanoTime() - since >= limitNanos;
                boolean overdue = System.nanoTime() - deadline >= 0;
                if (!done && (stalled || overdue)) {
                  reason = stalled ? "the server stopped reading" : "the overall timeout expired";
                  timeout = stalled ? limit : overall;
                  fired = true;
                  io.inetkit.core.internal.Connector.closeQuietly(socket);
                  return;
                }
              }
            },
            "inetkit-smtp-write-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  /** Returns why the watchdog closed the socket. */
  String reason() {
    return reason;
  }

  /** Returns the limit that expired. */
  Duration timeout() {
    return timeout;
  }

  /** Returns whether the watchdog closed the socket. */
  boolean fired() {
    return fired;
  }

  @Override
  public void close() {
    done = true;
    thread.interrupt();
  }
}
