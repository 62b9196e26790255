package io.inetkit.terminal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Makes the one socket of a Telnet connection with its input split in two. Commons Net's {@code
 * TelnetClient} reads {@link Socket#getInputStream()}, and there sees only the command sequences
 * {@linkplain #feed fed} to it, which it answers as it always does (option state, replies,
 * subnegotiations); the data itself is read from {@link #wireInput()} in large blocks and decoded
 * by {@link NvtDecoder}, without Commons Net's byte-at-a-time input path. Through a proxy, the
 * tunnel is opened when Commons Net connects ({@link io.inetkit.core.internal.TunnelSocket}). One
 * factory per connection.
 */
final class SplitInputSocketFactory extends SocketFactory {

  /** Command sequences waiting for Commons Net; reads -1 when drained, never blocks. */
  private static final class CommandFeed extends InputStream {
    private final byte[] buf = new byte[NvtDecoder.MAX_SEQUENCE];
    private int pos;
    private int count;

    void push(byte[] sequence, int length) {
      System.arraycopy(sequence, 0, buf, 0, length);
      pos = 0;
      count = length;
    }

    @Override
    public int read() {
      return pos < count ? buf[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos >= count) {
        return -1;
      }
      int n = Math.min(len, count - pos);
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int available() {
      return count - pos;
    }
  }

  private final class SplitInputSocket extends io.inetkit.core.internal.TunnelSocket {
    SplitInputSocket() {
      super(proxy, endpoint);
    }

    @Override
    public InputStream getInputStream() {
      return feed;
    }

    InputStream wire() throws IOException {
      return super.getInputStream();
    }
  }

  private final CommandFeed feed = new CommandFeed();
  private final io.inetkit.core.Proxy proxy;
  private final io.inetkit.core.Endpoint endpoint;
  private SplitInputSocket socket;

  /**
   * @param proxy the proxy the connection goes through, or null for a direct one
   * @param endpoint the server
   */
  SplitInputSocketFactory(io.inetkit.core.Proxy proxy, io.inetkit.core.Endpoint endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
  }

  /** Queues one command sequence for Commons Net's next read. */
  void feed(byte[] sequence, int length) {
    feed.push(sequence, length);
  }

  /** Returns the socket's real input, once Commons Net has connected. */
  synchronized InputStream wireInput() throws IOException {
    if (socket == null) {
      throw new IllegalStateException("not connected");
    }
    return socket.wire();
  }

  @Override
  public synchronized Socket createSocket() {
    if (socket != null) {
      throw new IllegalStateException("one socket per connection");
    }
    socket = new SplitInputSocket();
    return socket;
  }

  private static UnsupportedOperationException connectsUnconnected() {
    return new UnsupportedOperationException("Commons Net connects unconnected sockets");
  }

  @Override
  public Socket createSocket(String host, int port) {
    throw connectsUnconnected();
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
    throw connectsUnconnected();
  }

  @Override
  public Socket createSocket(InetAddress host, int port) {
    throw connectsUnconnected();
  }

  @Override
  public Socket createSocket(
      InetAddress address, int port, InetAddress localAddress, int localPort) {
    throw connectsUnconnected();
  }
}
