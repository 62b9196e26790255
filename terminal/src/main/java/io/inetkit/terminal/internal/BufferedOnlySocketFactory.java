package io.inetkit.terminal.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Makes sockets whose input stream reports {@code available() == 0}. With its reader thread off,
 * Commons Net's {@code TelnetInputStream} asks {@code available()} after <em>every byte</em> to
 * decide whether to keep decoding; through its {@code BufferedInputStream} that is a system call
 * per byte, which made a 24 MiB stream take minutes. With this stream the question is answered
 * from the 8 KiB buffer alone: decoding goes on while buffered bytes remain and stops, without a
 * system call, when they run out. Reads still block normally.
 */
final class BufferedOnlySocketFactory extends SocketFactory {

  private static final class QuietAvailableSocket extends Socket {
    private InputStream in;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (in == null) {
        in =
            new FilterInputStream(super.getInputStream()) {
              @Override
              public int available() {
                return 0;
              }
            };
      }
      return in;
    }
  }

  @Override
  public Socket createSocket() {
    return new QuietAvailableSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    throw new UnsupportedOperationException("Commons Net connects unconnected sockets");
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
    throw new UnsupportedOperationException("Commons Net connects unconnected sockets");
  }

  @Override
  public Socket createSocket(InetAddress host, int port) {
    throw new UnsupportedOperationException("Commons Net connects unconnected sockets");
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
    throw new UnsupportedOperationException("Commons Net connects unconnected sockets");
  }
}
