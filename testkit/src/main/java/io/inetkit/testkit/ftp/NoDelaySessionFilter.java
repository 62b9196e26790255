package io.inetkit.testkit.ftp;

import org.apache.ftpserver.ipfilter.SessionFilter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.SocketSessionConfig;

/**
 * Turns {@code TCP_NODELAY} on for every control connection as MINA creates its session, and
 * accepts them all. Apache FtpServer offers no socket option for its listeners; its session filter
 * (meant for IP filtering) is the one hook that sees each new MINA session.
 *
 * <p>Without it, Nagle's algorithm held a reply written while an earlier one was still
 * unacknowledged (the {@code 226} after the {@code 150} of a transfer, both lines of a multi-line
 * reply) until the client's delayed ACK, about 40 ms later: each file of a mirror cost 40-45 ms on
 * loopback.
 */
final class NoDelaySessionFilter implements SessionFilter {
  @Override
  public boolean accept(IoSession session) {
    if (session.getConfig() instanceof SocketSessionConfig socket) {
      socket.setTcpNoDelay(true);
    }
    return true;
  }
}
