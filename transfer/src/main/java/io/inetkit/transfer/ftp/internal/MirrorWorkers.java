package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.InetkitException;
import io.inetkit.transfer.ftp.FtpFeatures;
import io.inetkit.transfer.ftp.MirrorResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The connections a mirror moves files over: the session's own (which also walks the tree) and up
 * to {@code parallelism - 1} more, each opened by its own thread when there are files for it and
 * closed (QUIT) when the mirror ends. All run under the session's overall deadline, whose watchdog
 * closes every one of them when it passes.
 *
 * <p>The first failure, on any connection, ends the mirror: files not yet started are dropped,
 * transfers in progress on the other connections are cut off (an interrupted download leaves only
 * its {@code .inetkit-part} file, never a partial file under the real name), every thread is joined
 * and every extra connection closed before that failure is thrown. A connection that cannot be
 * opened (a server that allows fewer connections per user) only means fewer workers: the files go
 * to the others and to the session's connection.
 */
final class MirrorWorkers {
  /** How many files wait for a worker at most; past that the walking connection moves one. */
  private static final int QUEUE_PER_WORKER = 64;

  /** The objects that work on one connection. */
  record Side(FtpConnection connection, Transfers transfers, FtpCommands commands) {
    static Side on(FtpConnection c) {
      return new Side(c, new Transfers(c), new FtpCommands(c, new FolderListing(c)));
    }
  }

  /** One file to move; returns the bytes moved. */
  @FunctionalInterface
  interface FileTask {
    long run(Side side) throws IOException;
  }

  /** The walk of the tree, on the calling thread and the session's connection. */
  @FunctionalInterface
  interface Walk {
    void run() throws InetkitException;
  }

  private record Task(int index, String relative, FileTask work) {}

  private final Side main;
  private final FtpConnector connector;
  private final FtpFeatures features;
  private final int extra;
  private final BlockingQueue<Task> queue;
  private final List<Thread> threads = new ArrayList<>();
  private final List<FtpConnection> connections = new ArrayList<>(); // guarded by itself
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final ConcurrentSkipListMap<Integer, String> transferred = new ConcurrentSkipListMap<>();
  private final AtomicLong bytes = new AtomicLong();
  private volatile boolean walked;
  private volatile boolean stopped;
  private int submitted;

  MirrorWorkers(Side main, FtpConnector connector, FtpFeatures features, int parallelism) {
    this.main = main;
    this.connector = connector;
    this.features = features;
    // one TLS context for all would mix up the sessions data connections must resume
    this.extra = connector.separateTlsContexts ? parallelism - 1 : 0;
    this.queue = new ArrayBlockingQueue<>(Math.max(1, extra * QUEUE_PER_WORKER));
  }

  /**
   * Runs {@code walk}, which {@link #submit submits} files, then moves the files still waiting on
   * the session's connection too, waits for every worker and returns the result (files in the order
   * the walk found them), or throws the first failure.
   */
  MirrorResult run(Walk walk, List<String> skipped) throws InetkitException {
    try {
      walk.run();
      walked = true;
      Task t;
      while (!stopped && (t = queue.poll()) != null) {
        runTask(t, main);
      }
    } catch (InetkitException | RuntimeException | Error e) {
      fail(e, null);
    } finally {
      walked = true;
      joinWorkers();
    }
    throwFailure();
    return new MirrorResult(new ArrayList<>(transferred.values()), skipped, bytes.get());
  }

  /**
   * Hands one file to a worker: starts another worker while there are fewer than allowed, and moves
   * the file on the session's connection when every worker has enough waiting (or there are none).
   */
  void submit(String relative, FileTask work) throws InetkitException {
    throwFailure();
    Task task = new Task(submitted++, relative, work);
    if (threads.size() < extra) {
      startWorker();
    }
    if (extra == 0 || !queue.offer(task)) {
      runTask(task, main);
    }
  }

  private void runTask(Task t, Side side) throws InetkitException {
    try {
      bytes.addAndGet(t.work().run(side));
      transferred.put(t.index(), t.relative());
    } catch (IOException e) {
      throw side.connection().translate(e, "mirror " + t.relative());
    }
  }

  private void startWorker() {
    Thread thread =
        new Thread(
            this::work, "inetkit-ftp-mirror-" + (threads.size() + 1) + " " + connector.endpoint);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  /** One worker: opens its connection, moves files until there are none left, closes it. */
  private void work() {
    FtpConnection c;
    try {
      c = FtpConnection.another(connector, features);
    } catch (InetkitException notOpened) {
      return; // fewer workers; the others and the session's connection move the files
    }
    synchronized (connections) {
      connections.add(c);
    }
    try {
      Side side = Side.on(c);
      while (!stopped) {
        Task t = queue.poll(10, TimeUnit.MILLISECONDS);
        if (t != null) {
          runTask(t, side);
        } else if (walked) {
          return;
        }
      }
    } catch (InetkitException | RuntimeException | Error e) {
      fail(e, c); // a listener's exception too: never a mirror that silently lacks a file
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      c.close();
    }
  }

  /**
   * Records {@code e} when it is the first failure, stops every worker and cuts off the transfers
   * of the others ({@code own}, the connection that failed, closes itself).
   */
  private void fail(Throwable e, FtpConnection own) {
    if (!failure.compareAndSet(null, e)) {
      return; // a consequence of stopping, or a second failure: the first one is reported
    }
    stopped = true;
    queue.clear();
    synchronized (connections) {
      for (FtpConnection c : connections) {
        if (c != own) {
          c.abort();
        }
      }
    }
  }

  /** Throws the first failure, if there was one. */
  private void throwFailure() throws InetkitException {
    Throwable first = failure.get();
    if (first instanceof InetkitException e) {
      throw e;
    }
    if (first instanceof RuntimeException e) {
      throw e;
    }
    if (first instanceof Error e) {
      throw e;
    }
  }

  private void joinWorkers() {
    boolean interrupted = false;
    for (Thread t : threads) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
          stopped = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
