package io.inetkit.core.internal;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.ConnectionException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.TlsException;
import io.inetkit.core.Trust;
import io.inetkit.core.Timeouts;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * Opens sockets the way every inetkit client must: finite connect and read timeouts, large
 * buffers, TLS with the configured {@link Trust}, and JDK exceptions translated into the core
 * exception tree at one place. Not part of the public API.
 *
 * <pre>{@code
 * Socket socket = Connector.connect(endpoint, tlsMode.isImplicit(), trust, timeouts, events);
 * try {
 *   ...
 * } catch (IOException e) {
 *   throw Connector.translate(e, "RETR 1", endpoint, timeouts.read());
 * }
 * }</pre>
 */
public final class Connector {
  private Connector() {}

  /** Socket send/receive buffer size asked of the OS: large, for throughput. */
  public static final int SOCKET_BUFFER = 256 * 1024;

  /**
   * Connects to {@code endpoint}; with {@code implicitTls} the TLS handshake is done (and
   * verified) before returning.
   *
   * @throws InetkitException typed: {@link ConnectionException}, {@link InetkitTimeoutException}
   *     or {@link TlsException}
   */
  public static Socket connect(
      Endpoint endpoint, boolean implicitTls, Trust trust, Timeouts timeouts, EventListener events)
      throws InetkitException {
    events.connectStart(endpoint);
    Socket socket = new Socket();
    try {
      socket.setReceiveBufferSize(SOCKET_BUFFER);
      socket.setSendBufferSize(SOCKET_BUFFER);
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), timeouts.connectMillis());
      socket.setSoTimeout(timeouts.readMillis());
      Socket result = implicitTls ? startTls(socket, endpoint, trust, timeouts, events) : socket;
      events.connectEnd(endpoint);
      return result;
    } catch (IOException e) {
      closeQuietly(socket);
      InetkitException failure = translate(e, "connect", endpoint, timeouts.connect());
      events.connectFailed(endpoint, failure);
      throw failure;
    }
  }

  /**
   * Layers TLS over a connected socket (after STARTTLS, or for implicit TLS) and completes the
   * handshake, verifying the certificate and host name as {@code trust} says. The handshake is
   * bounded by the connect timeout.
   */
  public static SSLSocket startTls(
      Socket plain, Endpoint endpoint, Trust trust, Timeouts timeouts, EventListener events)
      throws InetkitException {
    events.tlsStart(endpoint);
    try {
      SSLSocket tls =
          (SSLSocket)
              trust.sslContext().getSocketFactory()
                  .createSocket(plain, endpoint.host(), endpoint.port(), true);
      trust.configure(tls, endpoint.host());
      int readTimeout = plain.getSoTimeout();
      tls.setSoTimeout(timeouts.connectMillis());
      tls.startHandshake();
      tls.setSoTimeout(readTimeout);
      events.tlsEnd(endpoint, tls.getSession().getProtocol(), tls.getSession().getCipherSuite());
      return tls;
    } catch (IOException e) {
      closeQuietly(plain);
      throw translate(e, "TLS handshake", endpoint, timeouts.connect());
    }
  }

  /**
   * Translates a JDK I/O failure during {@code what} into the core exception tree. An {@link
   * InetkitException} is returned unchanged.
   */
  public static InetkitException translate(
      IOException e, String what, Endpoint endpoint, java.time.Duration timeout) {
    if (e instanceof InetkitException ie) {
      return ie;
    }
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof SocketTimeoutException) {
      return new InetkitTimeoutException(what + " to " + endpoint, endpoint, timeout, e);
    }
    if (e instanceof UnknownHostException) {
      return new ConnectionException(
          what + ": unknown host " + endpoint.host(), endpoint, e);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return new ConnectionException(what + " to " + endpoint + " failed: " + detail, endpoint, e);
    }
    if (e instanceof SSLException) {
      return new TlsException(what + " with " + endpoint + " failed: " + detail, endpoint, e);
    }
    if (e instanceof EOFException || e instanceof SocketException) {
      return new ConnectionClosedException(
          what + ": connection to " + endpoint + " closed: " + detail, endpoint, e);
    }
    return new InetkitException(what + " with " + endpoint + " failed: " + detail, endpoint, e);
  }

  /** Closes without throwing; for clean-up on failure paths. */
  public static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception ignored) {
      // clean-up after an earlier failure: that failure is what the caller reports
    }
  }
}
