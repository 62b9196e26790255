package io.inetkit.mail.internal;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.core.internal.Deadline;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Puts {@link GuardedSocket}s under an Angus Mail store: fills the {@code mail.<protocol>.*} socket
 * properties so Angus never opens a socket (or does TLS) on its own, never falls back to an
 * unguarded plain socket, and times out as inetkit says. One instance per session; its {@link
 * #startOperation deadline} bounds each operation. Not part of the public API.
 */
public final class GuardedSockets {
  private final SocketSettings settings;
  private final TlsMode tlsMode;
  private final List<GuardedSocket> sockets = new CopyOnWriteArrayList<>();

  /**
   * Creates the sockets' settings for one session whose connections go through the proxy that
   * {@code proxies} chooses for the server (IMAP or POP3, by {@code limits}), or directly.
   */
  public GuardedSockets(
      Endpoint endpoint,
      TlsMode tlsMode,
      Trust trust,
      Timeouts timeouts,
      EventListener events,
      MailLimits limits,
      io.inetkit.core.Proxies proxies) {
    this.tlsMode = tlsMode;
    this.settings =
        new SocketSettings(
            endpoint,
            tlsMode.isImplicit(),
            trust,
            timeouts,
            events,
            limits,
            new OperationBounds(new Deadline(endpoint, this::expire)),
            proxies.select(scheme(limits, tlsMode), endpoint.host()).orElse(null));
  }

  private static io.inetkit.core.Scheme scheme(MailLimits limits, TlsMode tlsMode) {
    boolean imap = limits.literals(); // only IMAP has literals
    if (tlsMode.isImplicit()) {
      return imap ? io.inetkit.core.Scheme.IMAPS : io.inetkit.core.Scheme.POP3S;
    }
    return imap ? io.inetkit.core.Scheme.IMAP : io.inetkit.core.Scheme.POP3;
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
    props.setProperty(
        p + "starttls.required", Boolean.toString(tlsMode == TlsMode.STARTTLS_REQUIRED));
    return props;
  }

  /**
   * Starts the overall deadline of one operation (core's {@link Deadline}). Reads check it; a
   * watchdog closes the connection when it passes, so even a write blocked on a server that stopped
   * reading ends, as an {@link io.inetkit.core.InetkitTimeoutException} naming {@code what} (or the
   * phase within it: connect, greeting, TLS handshake).
   */
  public void startOperation(Duration limit, String what) {
    settings.bounds().start(limit, what);
  }

  /**
   * Starts the next part of the operation in progress (each message of a sync) with a deadline of
   * its own, keeping its name.
   */
  public void startOperation(Duration limit) {
    startOperation(limit, settings.bounds().deadline().phase());
  }

  /**
   * Allows the rest of the current operation's reply at most {@code bytes} bytes (e.g. POP3 TOP,
   * which Angus reads whole into memory); more is a {@link io.inetkit.core.LimitExceededException}
   * and closes the connection. Ends with the operation.
   */
  public void limitReply(long bytes, String command) {
    settings.bounds().limitReply(bytes, command);
  }

  /** Ends the current operation's deadline (before a long IDLE wait, and when done). */
  public void endOperation() {
    settings.bounds().clear();
  }

  /** Stops the deadline's watchdog for good: the session is closed. */
  public void close() {
    settings.bounds().deadline().close();
  }

  /**
   * Returns (and forgets) the failure the guard raised during the current operation (a limit
   * crossed, the deadline passed), or null: Angus sometimes reports only its own "connection
   * closed" and drops the cause, and the guard's failure is the true one.
   */
  public io.inetkit.core.InetkitException takeGuardFailure() {
    return settings.bounds().takeFailure();
  }

  /** The deadline's watchdog: closes every socket of the overdue operation. */
  private void expire() {
    for (GuardedSocket s : sockets) {
      s.abort();
    }
  }

  /**
   * Returns the open connection Angus talks through, for a command inetkit sends itself between two
   * of Angus's (when Angus would read a whole reply into memory): Angus has no reply pending then,
   * so the streams carry exactly that command and its reply.
   *
   * @throws IllegalStateException when no connection is open
   */
  public Socket connection() {
    for (int i = sockets.size() - 1; i >= 0; i--) {
      GuardedSocket s = sockets.get(i);
      if (!s.isClosed()) {
        return s;
      }
    }
    throw new IllegalStateException("no open connection");
  }

  /**
   * Translates a failure met while doing {@code what} at the reading side's one boundary: the
   * guard's own failure when it raised one, else {@link MailExceptions#translateAny} with what the
   * {@linkplain #wire() wire} saw.
   */
  public io.inetkit.core.InetkitException failure(
      Throwable e, String what, AngusProtocol protocol) {
    io.inetkit.core.InetkitException guard = takeGuardFailure();
    return guard != null
        ? guard
        : MailExceptions.translateAny(
            e, what, protocol, settings.endpoint(), settings.timeouts(), wire());
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
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
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
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      throw new IOException("inetkit does TLS itself");
    }
  }
}
