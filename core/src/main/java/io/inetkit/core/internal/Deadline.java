package io.inetkit.core.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitTimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The overall deadline ({@link io.inetkit.core.Timeouts#overall()}) of one session's current
 * operation, the one mechanism every protocol uses. The protocol code {@link #start starts} it when
 * an operation begins, names each {@link #phase phase} as it goes (connect, greeting, TLS
 * handshake, login, a command, a transfer), {@link #check checks} it between steps and {@link
 * #explain explains} any I/O failure with it. A shared daemon watchdog runs {@code onExpire} and
 * closes every {@link #watch watched} socket shortly after the deadline, so even a read or write
 * blocked on a server that drips one byte per read timeout, or stopped reading, ends; the failure
 * that follows is then reported as an {@link InetkitTimeoutException} naming the phase and the
 * limit ({@link InetkitTimeoutException.Limit#OVERALL}).
 *
 * <p>An application can bound several operations together with {@link #enclose}: while the returned
 * scope is open, every deadline started on the same thread ends no later than the scope's (the CLI
 * bounds a whole command, connect to last byte, this way).
 *
 * <pre>{@code
 * Deadline deadline = new Deadline(endpoint, () -> Connector.closeQuietly(socket));
 * deadline.start(timeouts.overall(), "connect");
 * try {
 *   ...; deadline.phase("greeting"); ...
 * } catch (IOException e) {
 *   throw Connector.translate(deadline.explain(e), deadline.phase(), endpoint, timeouts.read());
 * } finally {
 *   deadline.clear();
 * }
 * }</pre>
 *
 * Not part of the public API.
 */
public final class Deadline implements AutoCloseable {
  /** One daemon thread for every session's deadline. */
  private static final ScheduledExecutorService WATCHDOG =
      DaemonScheduler.single("inetkit-deadline");

  /** How long after the deadline the watchdog closes the sockets: in-band checks report first. */
  private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private static final ThreadLocal<Scope> ENCLOSING = new ThreadLocal<>();

  private final Endpoint endpoint;
  private final Runnable onExpire;
  private final java.util.Set<AutoCloseable> watched =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean active;
  private volatile long endNanos;
  private volatile Duration limit = Duration.ZERO;
  private volatile boolean expired;
  private volatile String phase = "operation";
  private ScheduledFuture<?> pending; // the watchdog's next check of this deadline, or null
  private long pendingAt;

  /**
   * @param endpoint the server, for messages
   * @param onExpire closes the session's connection(s); runs on the watchdog thread, must not block
   *     and must not throw
   */
  public Deadline(Endpoint endpoint, Runnable onExpire) {
    this.endpoint = endpoint;
    this.onExpire = onExpire;
  }

  /** A deadline that closes only what is {@link #watch watched} when it passes. */
  public Deadline(Endpoint endpoint) {
    this(endpoint, () -> {});
  }

  /** Closes {@code connection} too when the deadline passes (until {@link #unwatch}). */
  public void watch(AutoCloseable connection) {
    watched.add(connection);
  }

  /** Stops watching {@code connection} (it was closed, or replaced). */
  public void unwatch(AutoCloseable connection) {
    watched.remove(connection);
  }

  /**
   * Starts (or restarts) the deadline: {@code limit} from now, or the end of the enclosing {@link
   * #enclose scope} if that comes first.
   */
  public synchronized void start(Duration limit, String phase) {
    long now = System.nanoTime();
    long end = now + limit.toNanos();
    Duration inForce = limit;
    Scope scope = ENCLOSING.get();
    if (scope != null && scope.endNanos - end < 0) {
      end = scope.endNanos;
      inForce = scope.limit;
    }
    this.limit = inForce;
    this.endNanos = end;
    this.expired = false;
    this.phase = phase;
    this.active = true;
    long fireAt = end + GRACE_NANOS;
    // One check per deadline period, not a schedule and cancel (two wake-ups of the watchdog
    // thread) per operation: a pending check that fires no later than this deadline is kept.
    if (pending == null || fireAt - pendingAt < 0) {
      schedule(fireAt);
    }
  }

  /** Ends the current operation's deadline (the operation finished, or waits on purpose). */
  public synchronized void clear() {
    active = false;
  }

  /** Returns whether an operation is running under this deadline. */
  public boolean active() {
    return active;
  }

  /** Names what the operation is doing now, for the message if the deadline passes. */
  public void phase(String phase) {
    this.phase = phase;
  }

  /** Returns what the operation is doing now. */
  public String phase() {
    return phase;
  }

  /** Returns the limit in force for the current operation. */
  public Duration limit() {
    return limit;
  }

  /**
   * Returns whether the watchdog found the current operation overdue (and ran {@code onExpire}).
   */
  public boolean expired() {
    return expired;
  }

  /**
   * Returns {@code timeoutMillis}, or less when the deadline comes sooner (at least 1 ms): for
   * socket and handshake timeouts, so that a wait ends at the deadline.
   */
  public int clamp(int timeoutMillis) {
    if (!active) {
      return timeoutMillis;
    }
    // rounded up, so that a socket timeout at the end finds the deadline passed
    long left = (endNanos - System.nanoTime() + 999_999) / 1_000_000;
    return (int) Math.max(1, Math.min(timeoutMillis, left));
  }

  /** Returns whether the deadline of the operation in progress has passed. */
  public boolean passed() {
    return active && (expired || System.nanoTime() - endNanos >= 0);
  }

  /** Throws the timeout when the deadline of the operation in progress has passed. */
  public void check() throws InetkitTimeoutException {
    if (passed()) {
      throw timeout(null);
    }
  }

  /** Sets the phase, then {@link #check checks}: the step every protocol takes between phases. */
  public void enter(String phase) throws InetkitTimeoutException {
    this.phase = phase;
    check();
  }

  /**
   * Returns the timeout naming the current phase and the limit in force.
   *
   * @param cause the failure the expiry caused, or null
   */
  public InetkitTimeoutException timeout(Throwable cause) {
    return new InetkitTimeoutException(
        phase + " with " + endpoint, endpoint, limit, InetkitTimeoutException.Limit.OVERALL, cause);
  }

  /**
   * Returns the {@link #timeout} when the deadline has passed (so the failure was, or could have
   * been, the watchdog closing the connection), else {@code e} unchanged. An {@link
   * InetkitTimeoutException} that already names the overall limit is returned as it is.
   */
  public IOException explain(IOException e) {
    if (e instanceof InetkitTimeoutException t
        && t.limit().orElse(null) == InetkitTimeoutException.Limit.OVERALL) {
      return e;
    }
    if (passed()) {
      return timeout(e);
    }
    return e;
  }

  /** Stops watching: the session is closed. Idempotent. */
  @Override
  public synchronized void close() {
    active = false;
    watched.clear();
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
  }

  private void schedule(long fireAt) {
    if (pending != null) {
      pending.cancel(false);
    }
    pendingAt = fireAt;
    pending =
        WATCHDOG.schedule(
            this::checkByWatchdog, Math.max(0, fireAt - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /** The watchdog's check: expires an overdue operation, else waits for the current deadline. */
  private void checkByWatchdog() {
    synchronized (this) {
      pending = null;
      if (!active) {
        return;
      }
      long due = endNanos + GRACE_NANOS;
      if (System.nanoTime() - due < 0) {
        schedule(due);
        return;
      }
      expired = true;
    }
    try {
      onExpire.run();
    } catch (RuntimeException ignored) {
      // closing is best effort; the blocked call fails or the next check reports the timeout
    }
    watched.forEach(Connector::closeQuietly);
  }

  /**
   * Bounds every deadline started on this thread until the scope is closed by {@code limit} from
   * now (an outer scope that ends sooner still wins).
   */
  public static Scope enclose(Duration limit) {
    Scope outer = ENCLOSING.get();
    long end = System.nanoTime() + limit.toNanos();
    Scope scope =
        outer != null && outer.endNanos - end < 0
            ? new Scope(outer.endNanos, outer.limit, outer)
            : new Scope(end, limit, outer);
    ENCLOSING.set(scope);
    return scope;
  }

  /** A bound on every deadline started on one thread; see {@link #enclose}. */
  public static final class Scope implements AutoCloseable {
    private final long endNanos;
    private final Duration limit;
    private final Scope outer;

    private Scope(long endNanos, Duration limit, Scope outer) {
      this.endNanos = endNanos;
      this.limit = limit;
      this.outer = outer;
    }

    /** Returns the time left in this scope (negative when it has passed). */
    public Duration remaining() {
      return Duration.ofNanos(endNanos - System.nanoTime());
    }

    /** Returns the limit this scope was opened with. */
    public Duration limit() {
      return limit;
    }

    /** Ends the scope. */
    @Override
    public void close() {
      if (outer == null) {
        ENCLOSING.remove();
      } else {
        ENCLOSING.set(outer);
      }
    }
  }

  /** Returns the innermost scope open on this thread, or null. */
  public static Scope enclosing() {
    return ENCLOSING.get();
  }
}
