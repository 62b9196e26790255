package io.inetkit.mail.internal;

import io.inetkit.core.internal.Connector;
import io.inetkit.core.internal.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import javax.net.ssl.SSLSocket;

/**
 * The socket Angus Mail talks through for IMAP and POP3: connects with inetkit's timeouts and
 * buffers, does TLS itself with the configured {@code Trust} (implicit, or in place when Angus
 * issues STARTTLS/STLS), and hands Angus a {@link GuardedInputStream}. Angus sees a plain socket
 * throughout, so its own (fallback-prone) TLS code never runs. Through a proxy, the tunnel is
 * opened when Angus connects ({@link io.inetkit.core.internal.TunnelSocket}), so Angus's own proxy
 * properties are never used. Not part of the public API.
 */
final class GuardedSocket extends io.inetkit.core.internal.TunnelSocket {
  private final SocketSettings settings;
  private final WireWatch wire;
  private final WireTrace trace; // null when nobody listens
  private volatile SSLSocket tls;
  private volatile boolean layering;
  private InputStream in;
  private OutputStream out;
  private boolean closed;
  private String operation; // the deadline's phase before connect

  GuardedSocket(SocketSettings settings) {
    super(settings.proxy(), settings.endpoint());
    this.settings = settings;
    this.wire = new WireWatch(settings.endpoint(), settings.limits().literals(), settings.bounds());
    this.trace = WireTrace.of(settings.events(), settings.endpoint(), settings.limits().literals());
  }

  /** Returns what crossed this connection's wire. */
  WireWatch wire() {
    return wire;
  }

  @Override
  public void connect(SocketAddress address, int timeout) throws IOException {
    setReceiveBufferSize(Connector.SOCKET_BUFFER);
    setSendBufferSize(Connector.SOCKET_BUFFER);
    setTcpNoDelay(true);
    setKeepAlive(true);
    settings.events().connectStart(settings.endpoint());
    Deadline deadline = settings.bounds().deadline();
    operation = deadline.phase();
    try {
      deadline.enter("connect");
      super.connect(address, deadline.clamp(settings.timeouts().connectMillis()));
      setSoTimeout(settings.timeouts().readMillis());
    } catch (IOException e) {
      var failure =
          Connector.translate(
              settings.bounds().explain(e),
              "connect",
              settings.endpoint(),
              settings.timeouts().connect());
      settings.events().connectFailed(settings.endpoint(), failure);
      throw failure;
    }
    settings.events().connectEnd(settings.endpoint());
    if (settings.implicitTls()) {
      upgradeToTls();
    } else {
      Connector.expectPlainGreeting(
          this, settings.endpoint(), settings.limits().literals() ? "imaps" : "pop3s");
    }
    deadline.phase("greeting");
  }

  /** Replaces the plain streams by verified TLS over this connection (after STARTTLS/STLS). */
  synchronized void upgradeToTls() throws IOException {
    if (tls != null) {
      return;
    }
    layering = true; // from now on the TLS layer is the only reader of the raw streams
    Deadline deadline = settings.bounds().deadline();
    String before = deadline.phase();
    deadline.enter("TLS handshake");
    try {
      tls =
          Connector.startTls(
              this, settings.endpoint(), settings.trust(), settings.timeouts(), settings.events());
    } catch (IOException e) {
      throw settings.bounds().explain(e);
    }
    deadline.phase(before);
    in = null;
    out = null;
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (tls == null && layering) {
      return super.getInputStream(); // the TLS layer being created
    }
    if (in == null) {
      InputStream raw = tls != null ? tls.getInputStream() : super.getInputStream();
      in =
          new GuardedInputStream(
              greetingWatch(wire.input(raw)),
              settings.endpoint(),
              settings.limits(),
              settings.bounds(),
              this::abort,
              settings.timeouts().read());
    }
    return trace == null ? in : trace.input(in);
  }

  @Override
  public synchronized OutputStream getOutputStream() throws IOException {
    if (tls == null && layering) {
      return super.getOutputStream();
    }
    if (out == null) {
      OutputStream raw = wire.output(tls != null ? tls.getOutputStream() : super.getOutputStream());
      out =
          new java.io.FilterOutputStream(raw) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              try {
                out.write(b, off, len);
              } catch (IOException e) {
                throw settings.bounds().explain(e);
              }
            }

            @Override
            public void flush() throws IOException {
              try {
                out.flush();
              } catch (IOException e) {
                throw settings.bounds().explain(e);
              }
            }
          };
    }
    return trace == null ? out : trace.output(out);
  }

  /**
   * Until the greeting's first line is complete the deadline's phase is "greeting"; then it is
   * again the operation's (e.g. "login as alice").
   */
  private InputStream greetingWatch(InputStream raw) {
    Deadline deadline = settings.bounds().deadline();
    if (!"greeting".equals(deadline.phase()) || operation == null) {
      return raw;
    }
    return new java.io.FilterInputStream(raw) {
      private boolean greeted;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        for (int i = off; !greeted && i < off + n; i++) {
          if (b[i] == '\n') {
            greeted = true;
            deadline.phase(operation);
          }
        }
        return n;
      }
    };
  }

  /** Closes the connection at once, from another thread: unblocks a stuck read or write. */
  void abort() {
    try {
      close();
    } catch (IOException ignored) {
      // closing is all that was wanted
    }
  }

  /** Returns whether TLS is on (implicit or after STARTTLS). */
  boolean isTls() {
    return tls != null;
  }

  @Override
  public void close() throws IOException {
    SSLSocket t;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      t = tls;
    }
    try {
      if (t != null) {
        t.close();
      }
    } finally {
      super.close();
    }
  }
}
