package io.inetkit.mail.internal;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Timeouts;
import io.inetkit.core.Trust;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Puts {@link GuardedSocket}s under an Angus Mail store: fills the {@code mail.<protocol>.*}
 * socket properties so Angus never opens a socket (or does TLS) on its own, never falls back to
 * an unguarded plain socket, and times out as inetkit says. One instance per session; its {@link
 * #startOperation deadline} bounds each operation. Not part of the public API.
 */
public final class GuardedSockets {
  /**
   * One daemon thread for every session's deadline: each operation (one per RETR) schedules a
   * check and cancels it when done.
   */
  private static final ScheduledExecutorService WATCHDOG = DaemonScheduler.single("inetkit-mail-deadline");

  private final SocketSettings settings;
  private final TlsMode tlsMode;
  private final List<GuardedSocket> sockets = new CopyOnWriteArrayList<>();
  /** How long after an operation's deadline the watchdog closes its sockets. */
  private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private ScheduledFuture<?> watchdog; // the pending check, or null
  private long watchdogFiresAt;

  /** Creates the sockets' settings for one session. */
  public GuardedSockets(
      Endpoint endpoint,
      TlsMode tlsMode,
      Trust trust,
      Timeouts timeouts,
      EventListener events,
      MailLimits limits) {
    this.tlsMode = tlsMode;
    this.settings =
        new SocketSettings(
            endpoint,
            tlsMode.isImplicit(),
            trust,
            timeouts,
            events,
            limits,
            new GuardedInputStream.Deadline());
  }

  /**
   * Returns the Angus session properties for {@code protocol} (IMAP or POP3): those of {@link
   * MailSessionProperties} for the plain provider ({@code imap}, {@code pop3}), with the socket
   * factories replaced by guarded sockets that do TLS themselves, no fallback to an unguarded
   * socket, and STARTTLS/STLS enabled or required as the TLS mode says.
   */
  public Properties properties(AngusProtocol protocol, Credentials credentials) {
    Properties props =
        MailSessionProperties.of(
            protocol,
            settings.endpoint(),
            tlsMode.isImplicit() ? TlsMode.NONE : tlsMode,
            settings.trust(),
            settings.timeouts(),
            credentials);
    String p = "mail." + protocol.provider(TlsMode.NONE) + ".";
    props.put(p + "socketFactory", new PlainFactory());
    props.put(p + "ssl.socketFactory", new StartTlsFactory());
    props.setProperty(p + "socketFactory.fallback", "false");
    props.setProperty(p + "ssl.enable", "false"); // TLS is done by GuardedSocket
    // Angus would wrap the socket in its WriteTimeoutSocket, hiding it from STARTTLS.
    props.remove(p + "writetimeout");
    props.setProperty(p + "starttls.enable", Boolean.toString(tlsMode.isStartTls()));
    props.setProperty(p + "starttls.required", Boolean.toString(tlsMode == TlsMode.STARTTLS_REQUIRED));
    return props;
  }

  /**
   * Starts the overall deadline of one operation. Reads check it; a watchdog closes the
   * connection when it passes, so even a write blocked on a server that stopped reading ends,
   * as an {@link io.inetkit.core.InetkitTimeoutException}.
   */
  public synchronized void startOperation(Duration limit) {
    settings.deadline().start(limit);
    long fireAt = System.nanoTime() + limit.toNanos() + GRACE_NANOS;
    // One check per timeout period, not one schedule and cancel (two wake-ups of the watchdog
    // thread) per operation: a pending check that fires no later than this deadline is kept.
    if (watchdog == null || fireAt - watchdogFiresAt < 0) {
      schedule(fireAt);
    }
  }

  /**
   * Allows the rest of the current operation's reply at most {@code bytes} bytes (e.g. POP3
   * TOP, which Angus reads whole into memory); more is a {@link
   * io.inetkit.core.LimitExceededException} and closes the connection. Ends with the operation.
   */
  public void limitReply(long bytes, String command) {
    settings.deadline().limitReply(bytes, command);
  }

  /** Ends the current operation's deadline (before a long IDLE wait, and when done). */
  public synchronized void endOperation() {
    settings.deadline().clear();
  }

  private void schedule(long fireAt) {
    if (watchdog != null) {
      watchdog.cancel(false);
    }
    watchdogFiresAt = fireAt;
    watchdog = WATCHDOG.schedule(this::check, Math.max(0, fireAt - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /** The watchdog's check: expires an overdue operation, else waits for the current one's deadline. */
  private void check() {
    synchronized (this) {
      watchdog = null;
      long deadline = settings.deadline().deadlineNanos();
      if (deadline == 0) {
        return; // no operation in progress
      }
      if (System.nanoTime() - (deadline + GRACE_NANOS) < 0) {
        schedule(deadline + GRACE_NANOS);
        return;
      }
    }
    expire();
  }

  /**
   * Returns (and forgets) the failure the guard raised during the current operation (a limit
   * crossed, the deadline passed), or null: Angus sometimes reports only its own "connection
   * closed" and drops the cause, and the guard's failure is the true one.
   */
  public io.inetkit.core.InetkitException takeGuardFailure() {
    return settings.deadline().takeFailure();
  }

  private void expire() {
    settings.deadline().expire();
    for (GuardedSocket s : sockets) {
      s.abort();
    }
  }

  /**
   * Translates a failure met while doing {@code what} at the reading side's one boundary: the
   * guard's own failure when it raised one, else {@link MailExceptions#translateAny} with what
   * the {@linkplain #wire() wire} saw.
   */
  public io.inetkit.core.InetkitException failure(Throwable e, String what, AngusProtocol protocol) {
    io.inetkit.core.InetkitException guard = takeGuardFailure();
    return guard != null
        ? guard
        : MailExceptions.translateAny(e, what, protocol, settings.endpoint(), settings.timeouts(), wire());
  }

  /** Returns what crossed the wire of the session's latest connection, or null before one. */
  public WireWatch wire() {
    GuardedSocket last = null;
    for (GuardedSocket s : sockets) {
      last = s;
    }
    return last == null ? null : last.wire();
  }

  /** Returns the endpoint the sockets connect to. */
  public Endpoint endpoint() {
    return settings.endpoint();
  }

  /** Hands Angus an unconnected {@link GuardedSocket}; Angus connects it. */
  private final class PlainFactory extends SocketFactory {
    @Override
    public Socket createSocket() {
      sockets.removeIf(Socket::isClosed);
      GuardedSocket socket = new GuardedSocket(settings);
      sockets.add(socket);
      return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      throw new IOException("inetkit connects through createSocket()");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      throw new IOException("inetkit connects through createSocket()");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      throw new IOException("inetkit connects through createSocket()");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      throw new IOException("inetkit connects through createSocket()");
    }
  }

  /**
   * What Angus calls after STARTTLS/STLS: upgrades the {@link GuardedSocket} in place (verifying
   * certificate and host name) and returns it.
   */
  private final class StartTlsFactory extends SSLSocketFactory {
    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
        throws IOException {
      if (!(socket instanceof GuardedSocket guarded)) {
        throw new IOException("STARTTLS over a socket inetkit did not open");
      }
      guarded.upgradeToTls();
      return guarded;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return settings.trust().sslContext().getSocketFactory().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return settings.trust().sslContext().getSocketFactory().getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      throw new IOException("inetkit does TLS itself");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      throw new IOException("inetkit does TLS itself");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      throw new IOException("inetkit does TLS itself");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      throw new IOException("inetkit does TLS itself");
    }
  }
}
