package io.inetkit.core.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.Proxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Hands a library that connects its own sockets (Commons Net: the FTP control connection and every
 * passive data connection) unconnected {@link TunnelSocket}s, so each of them goes through the same
 * proxy to the same server, or directly when there is no proxy. Not part of the public API.
 */
public final class TunnelSocketFactory extends SocketFactory {
  private final Proxy proxy;
  private final Endpoint server;

  /**
   * @param proxy the proxy every socket goes through, or null for direct connections
   * @param server the server every tunnel leads to
   */
  public TunnelSocketFactory(Proxy proxy, Endpoint server) {
    this.proxy = proxy;
    this.server = server;
  }

  @Override
  public Socket createSocket() {
    return new TunnelSocket(proxy, server);
  }

  private static IOException connectsUnconnected() {
    return new IOException("inetkit connects through createSocket()");
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    throw connectsUnconnected();
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    throw connectsUnconnected();
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    throw connectsUnconnected();
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    throw connectsUnconnected();
  }
}
