package io.inetkit.transfer.ftp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.channels.SocketChannel;

/** A connected socket that forwards everything to another; subclasses change one behaviour. */
class DelegatingSocket extends Socket {
  final Socket s;

  DelegatingSocket(Socket connected) {
    this.s = connected;
  }

  @Override
  public int getPort() {
    return s.getPort();
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return s.getInputStream();
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return s.getOutputStream();
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    throw new SocketException("already connected");
  }

  @Override
  public void bind(SocketAddress bindpoint) throws IOException {
    throw new SocketException("already bound");
  }

  @Override
  public InetAddress getInetAddress() {
    return s.getInetAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    return s.getLocalAddress();
  }

  @Override
  public int getLocalPort() {
    return s.getLocalPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return s.getRemoteSocketAddress();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return s.getLocalSocketAddress();
  }

  @Override
  public SocketChannel getChannel() {
    return null;
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    s.setTcpNoDelay(on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return s.getTcpNoDelay();
  }

  @Override
  public void setSoLinger(boolean on, int linger) throws SocketException {
    s.setSoLinger(on, linger);
  }

  @Override
  public int getSoLinger() throws SocketException {
    return s.getSoLinger();
  }

  @Override
  public void setSoTimeout(int timeout) throws SocketException {
    s.setSoTimeout(timeout);
  }

  @Override
  public int getSoTimeout() throws SocketException {
    return s.getSoTimeout();
  }

  @Override
  public void setSendBufferSize(int size) throws SocketException {
    s.setSendBufferSize(size);
  }

  @Override
  public int getSendBufferSize() throws SocketException {
    return s.getSendBufferSize();
  }

  @Override
  public void setReceiveBufferSize(int size) throws SocketException {
    s.setReceiveBufferSize(size);
  }

  @Override
  public int getReceiveBufferSize() throws SocketException {
    return s.getReceiveBufferSize();
  }

  @Override
  public void setKeepAlive(boolean on) throws SocketException {
    s.setKeepAlive(on);
  }

  @Override
  public boolean getKeepAlive() throws SocketException {
    return s.getKeepAlive();
  }

  @Override
  public void close() throws IOException {
    s.close();
  }

  @Override
  public void shutdownInput() throws IOException {
    s.shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    s.shutdownOutput();
  }

  @Override
  public boolean isConnected() {
    return s.isConnected();
  }

  @Override
  public boolean isBound() {
    return s.isBound();
  }

  @Override
  public boolean isClosed() {
    return s.isClosed();
  }

  @Override
  public boolean isInputShutdown() {
    return s.isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    return s.isOutputShutdown();
  }

  @Override
  public String toString() {
    return s.toString();
  }
}
