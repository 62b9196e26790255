package io.inetkit.core.internal;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.ConnectionException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.Trust;
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
 * Opens sockets the way every inetkit client must: finite connect and read timeouts, large buffers,
 * TLS with the configured {@link Trust}, and JDK exceptions translated into the core exception tree
 * at one place. Not part of the public API.
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
   * Connects to {@code endpoint}; with {@code implicitTls} the TLS handshake is done (and verified)
   * before returning.
   *
   * @throws InetkitException typed: {@link ConnectionException}, {@link InetkitTimeoutException} or
   *     {@link TlsException}
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
      socket.connect(
          new InetSocketAddress(endpoint.host(), endpoint.port()), timeouts.connectMillis());
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
              trust
                  .sslContext()
                  .getSocketFactory()
                  .createSocket(plain, endpoint.host(), endpoint.port(), true);
      trust.configure(tls, endpoint.host());
      int readTimeout = plain.getSoTimeout();
      tls.setSoTimeout(timeouts.connectMillis());
      PeerCertificates.clear(); // what this handshake presents explains its failure
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
      return new ConnectionException(what + ": unknown host " + endpoint.host(), endpoint, e);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return new ConnectionException(what + " to " + endpoint + " failed: " + detail, endpoint, e);
    }
    if (e instanceof SSLException ssl) {
      return TlsFailures.translate(ssl, what, endpoint);
    }
    if (e instanceof EOFException || e instanceof SocketException) {
      return new ConnectionClosedException(
          what + ": connection to " + endpoint + " closed: " + detail, endpoint, e);
    }
    return new InetkitException(what + " with " + endpoint + " failed: " + detail, endpoint, e);
  }

  /**
   * How long a server on a port that looks like implicit TLS may stay silent before its greeting.
   */
  static final long GREETING_GRACE_MILLIS = 1000;

  /**
   * Returns whether {@code port} looks like a port where servers speak TLS from the first byte: 465
   * (SMTPS), 990 (FTPS), 993 (IMAPS), 995 (POP3S), and the test servers' conventional variants
   * below 10000 that end in the same three digits (GreenMail's 3465, 3993, 3995). Ports from 10000
   * up never match: the ephemeral ports that servers bound to port 0 get (32768 and up on Linux)
   * end in those digits by chance, and a silent server there is a stall, not a TLS mix-up.
   */
  public static boolean looksLikeImplicitTls(int port) {
    if (port >= 10_000) {
      return false;
    }
    int tail = port % 1000;
    return tail == 465 || tail == 990 || tail == 993 || tail == 995;
  }

  /**
   * For protocols whose server speaks first (SMTP, POP3, IMAP, FTP) over a plain-text connection:
   * on a port that {@linkplain #looksLikeImplicitTls looks like implicit TLS}, waits at most one
   * second for the greeting's first bytes, and fails fast when none come, since an implicit-TLS
   * server waits in silence for the client's TLS hello, and the client would otherwise wait the
   * whole read timeout. Returns at once on other ports, and as soon as bytes are there; reads
   * nothing.
   *
   * @param implicitScheme the URL scheme with implicit TLS, for the hint ({@code smtps})
   * @throws TlsException when the server stayed silent, saying which TLS mode to use
   */
  public static void expectPlainGreeting(Socket socket, Endpoint endpoint, String implicitScheme)
      throws InetkitException {
    if (!looksLikeImplicitTls(endpoint.port())) {
      return;
    }
    try {
      java.io.InputStream in = socket.getInputStream();
      long end =
          System.nanoTime()
              + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(GREETING_GRACE_MILLIS);
      while (in.available() == 0) {
        if (System.nanoTime() - end > 0) {
          throw new TlsException(
              "no greeting from "
                  + endpoint
                  + " within "
                  + GREETING_GRACE_MILLIS / 1000
                  + " s in plain text:"
                  + " port "
                  + endpoint.port()
                  + " is usually implicit TLS, where the server waits for"
                  + " the client to start TLS. Use "
                  + implicitScheme
                  + "://, --tls implicit or"
                  + " TlsMode.IMPLICIT",
              endpoint,
              null);
        }
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InetkitException("connect to " + endpoint + " interrupted", endpoint, e);
    } catch (IOException e) {
      throw translate(
          e,
          "waiting for the greeting",
          endpoint,
          java.time.Duration.ofMillis(GREETING_GRACE_MILLIS));
    }
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
