package io.inetkit.mail.imap;

import io.inetkit.core.InetkitException;
import io.inetkit.mail.MissingExtensionException;
import io.inetkit.mail.imap.internal.WatchedFolder;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one folder on a connection (and thread) of its own and reports new and expunged messages
 * ({@link ImapClient#watch}). Uses IMAP IDLE when offered, re-issued before the server's 29-minute
 * limit, else polls; after a dropped connection it reconnects with exponential backoff and reports
 * what arrived meanwhile. {@link #close()} stops it cleanly.
 *
 * <p>Unlike Angus Mail's {@code IdleManager.watch()}, {@link ImapClient#watch} returns only once
 * the folder is selected and the baseline (highest UID) recorded, and new messages are found by UID
 * SEARCH above that baseline, so a message arriving before IDLE is established is still reported,
 * exactly once.
 *
 * <p>When the folder's UIDVALIDITY differs after a reconnection (the server rebuilt it), the watch
 * reports {@link WatchEvent.Kind#UIDVALIDITY_CHANGED} carrying a {@link UidValidityException}
 * (earlier refs are void), then every message the folder now holds as {@link
 * WatchEvent.Kind#NEW_MESSAGES} with fresh refs.
 *
 * <pre>{@code
 * try (ImapWatch watch = client.watch("INBOX", WatchOptions.defaults(), event -> {
 *   for (MessageRef ref : event.messages()) System.out.println("new mail: " + ref.uid());
 * })) {
 *   Thread.sleep(Duration.ofHours(8).toMillis());
 * }
 * }</pre>
 *
 * <p>The listener runs on the watch's thread; it must not block for long and must not use the
 * watch's connection (open another session to fetch the messages).
 */
public final class ImapWatch implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ImapWatch.class);

  private final ImapClient client;
  private final String folder;
  private final WatchOptions options;
  private final Consumer<WatchEvent> listener;
  private final Thread thread;
  private final ScheduledExecutorService timer;
  private final CountDownLatch started = new CountDownLatch(1);
  private final AtomicInteger idleCycles = new AtomicInteger();
  private volatile boolean stopping;
  private volatile InetkitException startFailure;
  private volatile WatchedFolder current;
  private long validity;
  private long lastUid = -1;

  private ImapWatch(
      ImapClient client, String folder, WatchOptions options, Consumer<WatchEvent> listener) {
    this.client = client;
    this.folder = folder;
    this.options = options;
    this.listener = listener;
    this.thread = new Thread(this::run, "inetkit-imap-watch-" + folder);
    this.thread.setDaemon(true);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "inetkit-imap-watch-timer");
              t.setDaemon(true);
              return t;
            });
  }

  static ImapWatch start(
      ImapClient client, String folder, WatchOptions options, Consumer<WatchEvent> listener)
      throws InetkitException {
    java.util.Objects.requireNonNull(options, "options");
    java.util.Objects.requireNonNull(listener, "listener");
    ImapWatch watch = new ImapWatch(client, folder, options, listener);
    watch.thread.start();
    try {
      watch.started.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      watch.close();
      throw new InetkitException(
          "interrupted while starting to watch " + folder, client.endpoint(), e);
    }
    if (watch.startFailure != null) {
      watch.close();
      throw watch.startFailure;
    }
    return watch;
  }

  private void run() {
    Duration backoff = options.initialBackoff();
    boolean first = true;
    while (!stopping) {
      try (ImapSession session = client.open()) {
        WatchedFolder f = WatchedFolder.select(session.connection(), folder, "watch " + folder);
        long v = f.uidValidity();
        if (first) {
          validity = v;
          lastUid = f.uidNext() - 1;
          if (lastUid < 0) {
            lastUid = highestUid(f);
          }
        } else {
          if (v != validity) {
            UidValidityException changed =
                new UidValidityException(folder, validity, v, client.endpoint());
            validity = v;
            lastUid = 0; // every message now in the folder is new to the listener
            emit(new WatchEvent(WatchEvent.Kind.UIDVALIDITY_CHANGED, List.of(), 0, changed));
          }
          emit(new WatchEvent(WatchEvent.Kind.RECONNECTED, List.of(), 0, null));
        }
        f.onExpunged(n -> emit(new WatchEvent(WatchEvent.Kind.EXPUNGED, List.of(), n, null)));
        boolean offersIdle = session.hasCapability("IDLE");
        if (options.mode() == WatchOptions.Mode.IDLE && !offersIdle) {
          throw new MissingExtensionException(
              "IDLE", "the watch was asked to IDLE", client.endpoint());
        }
        boolean idle = options.mode() != WatchOptions.Mode.POLL && offersIdle;
        current = f;
        if (first) {
          first = false;
          started.countDown();
        }
        backoff = options.initialBackoff();
        // The first IDLE of a connection is short: a message that arrived between the baseline
        // UID SEARCH and the IDLE command is not announced by every server once IDLE starts
        // (GreenMail is one), so the next SEARCH must come soon, not after reIdleAfter.
        Duration nextIdle =
            FIRST_IDLE.compareTo(options.reIdleAfter()) < 0 ? FIRST_IDLE : options.reIdleAfter();
        while (!stopping) {
          reportNew(f);
          if (stopping) {
            break;
          }
          if (idle) {
            idleOnce(f, nextIdle);
            nextIdle = options.reIdleAfter();
          } else {
            pollWait();
            f.noop();
          }
        }
      } catch (InetkitException | RuntimeException e) {
        current = null;
        InetkitException failure = WatchedFolder.translate(client, e, "watch " + folder);
        if (first) {
          startFailure = failure;
          started.countDown();
          return;
        }
        if (stopping) {
          break;
        }
        LOG.debug("watch of {} failed, reconnecting in {}", folder, backoff, failure);
        emit(new WatchEvent(WatchEvent.Kind.DISCONNECTED, List.of(), 0, failure));
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(options.maxBackoff()) > 0
                ? options.maxBackoff()
                : backoff.multipliedBy(2);
      }
    }
    current = null;
  }

  /** How long the first IDLE after selecting the folder lasts at most; see {@link #run}. */
  private static final Duration FIRST_IDLE = Duration.ofSeconds(1);

  private void idleOnce(WatchedFolder f, Duration atMost) throws InetkitException {
    ScheduledFuture<?> reIdle =
        timer.schedule(f::abortIdle, atMost.toMillis(), TimeUnit.MILLISECONDS);
    try {
      idleCycles.incrementAndGet();
      f.idle(); // an IDLE may legitimately last for minutes: no deadline
    } finally {
      reIdle.cancel(false);
    }
  }

  private void reportNew(WatchedFolder f) throws InetkitException {
    List<MessageRef> fresh = new ArrayList<>();
    for (long uid : f.uidsFrom(lastUid + 1, "UID SEARCH new messages")) {
      if (uid > lastUid) {
        fresh.add(new MessageRef(folder, validity, uid));
      }
    }
    if (!fresh.isEmpty()) {
      fresh.sort((a, b) -> Long.compare(a.uid(), b.uid()));
      lastUid = fresh.get(fresh.size() - 1).uid();
      emit(new WatchEvent(WatchEvent.Kind.NEW_MESSAGES, fresh, fresh.size(), null));
    }
  }

  private static long highestUid(WatchedFolder f) throws InetkitException {
    long max = 0;
    for (long uid : f.allUids()) {
      max = Math.max(max, uid);
    }
    return max;
  }

  private void emit(WatchEvent event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      LOG.warn("watch listener threw; event {} dropped", event.kind(), e);
    }
  }

  private void pollWait() {
    sleep(options.pollInterval());
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      // close() interrupts a waiting watch; the loop checks stopping
    }
  }

  /** {@return how many IDLE commands were issued so far (for monitoring)} */
  public int idleCount() {
    return idleCycles.get();
  }

  /** {@return whether the watch thread is still running} */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /**
   * Stops watching: ends IDLE, logs out and waits (up to the read timeout) for the thread to
   * finish. Idempotent.
   */
  @Override
  public void close() {
    stopping = true;
    WatchedFolder f = current;
    if (f != null) {
      timer.execute(f::abortIdle);
    }
    thread.interrupt();
    try {
      thread.join(client.timeouts().read().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    timer.shutdownNow();
  }
}
