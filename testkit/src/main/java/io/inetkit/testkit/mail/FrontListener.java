package io.inetkit.testkit.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener on an address (127.0.0.1 unless told otherwise) and a free port that hands each
 * accepted connection, on its own daemon thread, to a {@link Handler}. Closing it closes every
 * connection it accepted.
 */
final class FrontListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FrontListener.class);

  /** What a front does with one accepted connection. */
  interface Handler {
    /**
     * Serves {@code client}; may return while relay threads carry on, and may throw to drop the
     * connection.
     */
    void handle(Socket client) throws IOException;
  }

  private final ServerSocket server;
  private final Handler handler;
  private final String name;
  private final Set<Socket> accepted = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  FrontListener(String name, Handler handler) throws IOException {
    this(name, handler, InetAddress.getLoopbackAddress(), 0);
  }

  FrontListener(String name, Handler handler, InetAddress address, int port) throws IOException {
    this.name = name;
    this.handler = handler;
    this.server = new ServerSocket();
    server.setReceiveBufferSize(Relay.BUFFER);
    server.bind(new InetSocketAddress(address, port), 50);
    Thread acceptor = new Thread(this::acceptLoop, name + "-" + port());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      accepted.removeIf(Socket::isClosed); // connections whose relay ended
      accepted.add(s);
      Thread t = new Thread(() -> serve(s), name + "-conn-" + s.getPort());
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket s) {
    try {
      s.setTcpNoDelay(true);
      s.setSendBufferSize(Relay.BUFFER);
      handler.handle(s);
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        LOG.debug("{}: connection ended: {}", name, e.toString());
      }
      accepted.remove(s);
      Relay.closeQuietly(s);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // already closed
    }
    accepted.forEach(Relay::closeQuietly);
    accepted.clear();
  }
}
