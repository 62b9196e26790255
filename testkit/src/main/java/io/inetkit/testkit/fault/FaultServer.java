package io.inetkit.testkit.fault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A scriptable misbehaving server on 127.0.0.1 and a free port, for proving that clients fail
 * cleanly: canned greetings and replies, garbage, endless lines, stalls, drops mid-reply, and a
 * record of every byte the client sent (to prove, say, that no password followed a failed
 * STARTTLS).
 *
 * <pre>{@code
 * try (FaultServer server = FaultServer.start(FaultScript.create()
 *         .send("220 hi\r\n").expectLine().send("250-x\r\n250 STARTTLS\r\n").expectLine().stall())) {
 *   // point a client at server.port(), then:
 *   assertThat(server.received()).doesNotContain("AUTH");
 * }
 * }</pre>
 *
 * Each accepted connection runs the whole script on its own thread; {@link #close()} stops the
 * server and every connection.
 */
public final class FaultServer implements AutoCloseable {
  private static final int MAX_RECORDED = 1 << 20;

  private final ServerSocket server;
  private final FaultScript script;
  private final SSLContext implicitTls;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;
  private volatile boolean closed;
  private volatile boolean refusing;

  private FaultServer(FaultScript script, SSLContext implicitTls, InetAddress bind)
      throws IOException {
    this(script, implicitTls, bind, 0);
  }

  private FaultServer(FaultScript script, SSLContext implicitTls, InetAddress bind, int port)
      throws IOException {
    if (!bind.isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "a fault server binds only a loopback address, not " + bind);
    }
    this.script = script;
    this.implicitTls = implicitTls;
    this.server = new ServerSocket();
    try {
      server.bind(new InetSocketAddress(bind, port), 50);
    } catch (IOException e) {
      server.close();
      throw e;
    }
    this.acceptor = new Thread(this::acceptLoop, "fault-server-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Starts a plain-text fault server running {@code script} for each connection.
   *
   * @param script what to do with each connection
   * @return the running server; close it to stop
   * @throws java.io.IOException when the listener cannot be bound
   */
  public static FaultServer start(FaultScript script) throws IOException {
    return new FaultServer(script, null, InetAddress.getLoopbackAddress());
  }

  /**
   * Starts a plain-text fault server on the loopback address {@code bind}, e.g. {@code ::1} for
   * IPv6 clients.
   *
   * @param script what to do with each connection
   * @param bind the loopback address to listen on
   * @return the running server; close it to stop
   * @throws IllegalArgumentException when {@code bind} is not a loopback address
   * @throws java.io.IOException when the listener cannot be bound
   */
  public static FaultServer start(FaultScript script, InetAddress bind) throws IOException {
    return new FaultServer(script, null, bind);
  }

  /**
   * Starts a fault server that speaks TLS from the first byte with {@code serverContext}.
   *
   * @param script what to do with each connection, after the TLS handshake
   * @param serverContext the server's TLS context (its certificate and key)
   * @return the running server; close it to stop
   * @throws java.io.IOException when the listener cannot be bound
   */
  public static FaultServer startTls(FaultScript script, SSLContext serverContext)
      throws IOException {
    return new FaultServer(script, serverContext, InetAddress.getLoopbackAddress());
  }

  /**
   * Starts a fault server that speaks TLS from the first byte on the first free loopback port below
   * 10000 ending in {@code lastDigits} (e.g. 465: 1465, 2465, ..., 9465), for tests of what clients
   * infer from a port number (clients treat only such ports, not ephemeral ones, as implicit-TLS
   * conventions); every other test should let the system choose the port.
   *
   * @param script what to do with each connection, after the TLS handshake
   * @param serverContext the server's TLS context (its certificate and key)
   * @param lastDigits the digits the port number must end in, e.g. 465
   * @return the running server; close it to stop
   * @throws IOException when no such port is free
   */
  public static FaultServer startTlsOnPortEndingIn(
      int lastDigits, FaultScript script, SSLContext serverContext) throws IOException {
    IOException last = null;
    for (int port = 1000 + lastDigits; port < 10_000; port += 1000) {
      try {
        return new FaultServer(script, serverContext, InetAddress.getLoopbackAddress(), port);
      } catch (java.net.BindException taken) {
        last = taken;
      }
    }
    throw new IOException("no free loopback port ends in " + lastDigits, last);
  }

  /**
   * {@return the host clients should connect to: {@code 127.0.0.1}, or the address it was bound to}
   */
  public String host() {
    return server.getInetAddress().getHostAddress();
  }

  /** {@return the port the server listens on} */
  public int port() {
    return server.getLocalPort();
  }

  /** {@return how many connections were accepted so far} */
  public int connections() {
    return connections.get();
  }

  /** {@return everything clients sent so far, decoded as ISO-8859-1 (byte for char)} */
  public String received() {
    synchronized (received) {
      return received.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        if (closed || refusing) {
          // accept() can still return a connection that arrived while refuseNewConnections() or
          // close() was shutting the listener down (the blocked accept holds it open until woken):
          // such a client is reset, never served
          s.setSoLinger(true, 0);
          s.close();
          return;
        }
        connections.incrementAndGet();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "fault-conn-" + s.getPort());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!closed && !refusing) {
          errors.add(e);
        }
        return;
      }
    }
  }

  private void serve(Socket socket) {
    Socket s = socket;
    try {
      // each scripted step reaches the client when the script says, not when Nagle lets it
      // (a Send after an unacknowledged Send would wait ~40 ms; a SendThenDrop could lose its
      // bytes)
      s.setTcpNoDelay(true);
      if (implicitTls != null) {
        s = upgrade(s, implicitTls);
      }
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      for (FaultScript.Step step : script.steps()) {
        if (closed) {
          return;
        }
        if (step instanceof FaultScript.Send send) {
          out.write(send.bytes());
          out.flush();
        } else if (step instanceof FaultScript.Drip drip) {
          for (byte b : drip.bytes()) {
            if (!stall(in, drip.interval().toMillis(), s)) {
              return; // the client hung up: nobody left to drip to
            }
            out.write(b);
            out.flush();
          }
        } else if (step instanceof FaultScript.StopReading deaf) {
          long end = System.currentTimeMillis() + deaf.duration().toMillis();
          while (!closed && System.currentTimeMillis() < end) {
            Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
          }
        } else if (step instanceof FaultScript.ExpectLine) {
          if (readLine(in) == null) {
            return;
          }
        } else if (step instanceof FaultScript.Stall stall) {
          if (!stall(in, stall.duration().toMillis(), s)) {
            return; // the client hung up: a late reply would reach nobody
          }
        } else if (step instanceof FaultScript.Close) {
          return;
        } else if (step instanceof FaultScript.EndlessLine endless) {
          byte[] chunk = new byte[8192];
          Arrays.fill(chunk, endless.fill());
          while (!closed) {
            out.write(chunk);
          }
        } else if (step instanceof FaultScript.Garbage g) {
          byte[] bytes = new byte[g.bytes()];
          new Random(g.seed()).nextBytes(bytes);
          out.write(bytes);
          out.flush();
        } else if (step instanceof FaultScript.SendThenDrop drop) {
          out.write(drop.bytes(), 0, Math.min(drop.dropAfter(), drop.bytes().length));
          out.flush();
          s.setSoLinger(true, 0); // RST, like a crashed server
          return;
        } else if (step instanceof FaultScript.StartTls tls) {
          s = upgrade(s, tls.context());
          in = s.getInputStream();
          out = s.getOutputStream();
        } else if (step instanceof FaultScript.RespondOnce once) {
          if (!answer(in, out, once.responder())) {
            return;
          }
        } else if (step instanceof FaultScript.Respond r) {
          while (answer(in, out, r.responder())) {
            // until the client hangs up or the responder closes
          }
          return;
        } else if (step instanceof FaultScript.RespondLazily lazy) {
          OutputStream buffered = new java.io.BufferedOutputStream(out, 64 * 1024);
          while (answerLazily(in, buffered, lazy.responder())) {
            // until the client hangs up or the responder closes
          }
          return;
        }
      }
    } catch (SocketException e) {
      // the client hung up: normal for fault tests
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        errors.add(e);
      }
    } finally {
      open.remove(socket);
      try {
        s.close();
      } catch (IOException ignored) {
        // closing a connection the client may already have dropped
      }
    }
  }

  private Socket upgrade(Socket plain, SSLContext ctx) throws IOException {
    SSLSocket tls =
        (SSLSocket) ctx.getSocketFactory().createSocket(plain, plain.getInputStream(), true);
    tls.setUseClientMode(false);
    tls.startHandshake();
    open.add(tls);
    return tls;
  }

  /** Waits, recording what arrives; returns false when the client hung up meanwhile. */
  private boolean stall(InputStream in, long millis, Socket s) throws IOException {
    long end = System.currentTimeMillis() + millis;
    byte[] buf = new byte[8192];
    s.setSoTimeout(100);
    try {
      while (!closed && System.currentTimeMillis() < end) {
        try {
          int n = in.read(buf);
          if (n < 0) {
            return false;
          }
          record(buf, 0, n);
        } catch (SocketTimeoutException e) {
          // keep waiting
        }
      }
      return true;
    } finally {
      s.setSoTimeout(0);
    }
  }

  /** Reads a line and sends the responder's reply; false when the connection should end. */
  private boolean answer(
      InputStream in, OutputStream out, java.util.function.Function<String, String> responder)
      throws IOException {
    String line = readLine(in);
    String reply = line == null ? null : responder.apply(line);
    if (reply == null) {
      return false;
    }
    out.write(reply.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return true;
  }

  /**
   * Reads a line and sends the responder's pieces one by one; false when the connection should end.
   */
  private boolean answerLazily(
      InputStream in,
      OutputStream out,
      java.util.function.Function<String, java.util.Iterator<String>> responder)
      throws IOException {
    String line = readLine(in);
    java.util.Iterator<String> reply = line == null ? null : responder.apply(line);
    if (reply == null) {
      return false;
    }
    while (reply.hasNext() && !closed) {
      out.write(reply.next().getBytes(StandardCharsets.UTF_8));
    }
    out.flush();
    return true;
  }

  /** Reads a line (recording it), or returns null at end of stream. */
  private String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      line.write(b);
      if (b == '\n') {
        break;
      }
      if (line.size() > 64 * 1024) {
        break;
      }
    }
    if (line.size() == 0) {
      return null;
    }
    byte[] bytes = line.toByteArray();
    record(bytes, 0, bytes.length);
    return new String(bytes, StandardCharsets.ISO_8859_1).stripTrailing();
  }

  private void record(byte[] b, int off, int len) {
    synchronized (received) {
      int room = MAX_RECORDED - received.size();
      received.write(b, off, Math.max(0, Math.min(room, len)));
    }
  }

  /**
   * Stops accepting connections (new ones are refused) while those already open carry on: a server
   * that went away, for reconnect tests.
   */
  public void refuseNewConnections() {
    refusing = true; // the acceptor ends quietly
    Sockets.closeQuietly(server);
  }

  /** {@return unexpected server-side errors (not client hang-ups), for debugging tests} */
  public List<Throwable> errors() {
    return List.copyOf(errors);
  }

  /** Stops accepting and closes every open connection. Idempotent. */
  @Override
  public void close() {
    closed = true;
    Sockets.closeQuietly(server);
    Sockets.closeQuietly(open);
  }
}
