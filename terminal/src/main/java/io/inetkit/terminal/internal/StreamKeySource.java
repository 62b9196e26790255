package io.inetkit.terminal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Keystrokes from a plain {@link InputStream}, which cannot be read with a timeout: a daemon thread
 * reads it into a small queue (it blocks, and so bounds memory, when the queue is full).
 */
public final class StreamKeySource implements KeySource {
  private static final int END = -1;
  private final BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(4096);
  private volatile IOException failure;

  /** Starts reading {@code in} on a daemon thread. */
  public StreamKeySource(InputStream in) {
    Thread t =
        new Thread(
            () -> {
              try {
                int b;
                while ((b = in.read()) >= 0) {
                  queue.put(b);
                }
              } catch (IOException e) {
                failure = e;
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                queue.offer(END);
              }
            },
            "telnet-keyboard");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public int read(long timeoutMillis) throws IOException {
    try {
      Integer b = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
      if (b == null) {
        return TIMEOUT;
      }
      if (b == END) {
        queue.offer(END); // stay at end for later reads
        if (failure != null) {
          throw failure;
        }
        return EOF;
      }
      return b;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EOF;
    }
  }
}
