package io.inetkit.core.internal;

import io.inetkit.core.ConnectionException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.Proxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The one way inetkit reaches a server, directly or through a {@link Proxy}: an unconnected socket
 * whose {@link #connect(SocketAddress, int) connect} goes to the proxy, when there is one, and asks
 * it for a tunnel to the server (SOCKS5 or HTTP {@code CONNECT}, {@link ProxyHandshake}); without a
 * proxy it is a plain socket. After {@code connect} the socket carries the server's bytes, so TLS
 * is layered over it as over any socket, verified against the server's name.
 *
 * <p>The tunnel always leads to the server's host (the session's {@link Endpoint}) and the port
 * being connected to: a data connection that Commons Net opens to "the control connection's peer"
 * goes through the same proxy to the same server, never directly, and never to the proxy itself.
 * {@link #getInetAddress()} and {@link #getPort()} report the server, not the proxy.
 *
 * <p>The connect timeout bounds both the connection to the proxy and its handshake; failures are
 * typed ({@link ConnectionException}, {@link io.inetkit.core.AuthenticationException}, {@link
 * io.inetkit.core.ProtocolViolationException}, {@link InetkitTimeoutException}) and name the proxy
 * without its credentials. inetkit's own socket classes extend this one (Angus's and Commons Net's
 * sockets). Not part of the public API.
 *
 * <pre>{@code
 * Socket socket = new TunnelSocket(proxyOrNull, endpoint);
 * socket.connect(endpoint.toSocketAddress(), timeouts.connectMillis());
 * }</pre>
 */
public class TunnelSocket extends Socket {
  private final Proxy proxy;
  private final String host;
  private volatile InetSocketAddress target;

  /**
   * @param proxy the proxy to go through, or null to connect directly
   * @param server the server: its host is where every tunnel leads
   */
  public TunnelSocket(Proxy proxy, Endpoint server) {
    this.proxy = proxy;
    this.host = server.host();
  }

  /** Returns the proxy this socket goes through, or null. */
  public final Proxy proxy() {
    return proxy;
  }

  @Override
  public void connect(SocketAddress address, int timeout) throws IOException {
    if (proxy == null) {
      super.connect(address, timeout);
      return;
    }
    InetSocketAddress to = (InetSocketAddress) address;
    Endpoint server = Endpoint.of(host, to.getPort());
    Duration limit = Duration.ofMillis(timeout);
    try {
      super.connect(new InetSocketAddress(proxy.host(), proxy.port()), timeout);
    } catch (SocketTimeoutException e) {
      throw new InetkitTimeoutException(
          "connect to proxy " + proxy + " for " + server,
          server,
          limit,
          InetkitTimeoutException.Limit.CONNECT,
          e);
    } catch (IOException e) {
      if (e instanceof InetkitException) {
        throw e;
      }
      throw new ConnectionException(
          "connect to proxy " + proxy + " for " + server + " failed: " + detail(e), server, e);
    }
    int before = getSoTimeout();
    try {
      setSoTimeout(timeout);
      ProxyHandshake.tunnel(super.getInputStream(), super.getOutputStream(), proxy, server);
      setSoTimeout(before);
    } catch (SocketTimeoutException e) {
      closeQuietly();
      throw new InetkitTimeoutException(
          "handshake with proxy " + proxy + " for " + server,
          server,
          limit,
          InetkitTimeoutException.Limit.CONNECT,
          e);
    } catch (InetkitException | RuntimeException e) {
      closeQuietly();
      throw e;
    } catch (IOException e) {
      closeQuietly();
      throw new ConnectionException(
          "handshake with proxy " + proxy + " for " + server + " failed: " + detail(e), server, e);
    }
    target = to;
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException ignored) {
      // the handshake's failure is what the caller reports
    }
  }

  private static String detail(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The server's address when tunnelled (as far as known here), else the peer's. */
  @Override
  public InetAddress getInetAddress() {
    InetSocketAddress t = target;
    return t != null && !t.isUnresolved() ? t.getAddress() : super.getInetAddress();
  }

  /** The server's port when tunnelled, else the peer's. */
  @Override
  public int getPort() {
    InetSocketAddress t = target;
    return t != null ? t.getPort() : super.getPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    InetSocketAddress t = target;
    return t != null ? t : super.getRemoteSocketAddress();
  }
}
