package io.inetkit.transfer.ftp.internal;

import java.net.Socket;

/**
 * A connected data socket that reports the <em>control</em> connection's port from {@link
 * #getPort()}, and otherwise is the socket it wraps.
 *
 * <p>Why: the JDK keys its client TLS session cache by the peer host and {@code getPort()} of the
 * underlying socket (the port passed to {@code createSocket(socket, host, port, autoClose)} is
 * ignored for layered sockets). Layering TLS over this wrapper with the control host makes the data
 * handshake offer the control connection's session (TLS 1.2 session ID or ticket, TLS 1.3 PSK),
 * which servers such as vsftpd with {@code require_ssl_reuse=YES} demand. No reflection, no {@code
 * --add-opens}.
 */
final class ControlPortSocket extends DelegatingSocket {
  private final int controlPort;

  ControlPortSocket(Socket connected, int controlPort) {
    super(connected);
    this.controlPort = controlPort;
  }

  @Override
  public int getPort() {
    return controlPort;
  }

  @Override
  public String toString() {
    return s + " (TLS session key port " + controlPort + ")";
  }
}
