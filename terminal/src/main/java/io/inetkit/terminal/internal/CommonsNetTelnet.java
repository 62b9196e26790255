package io.inetkit.terminal.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.internal.Connector;
import io.inetkit.terminal.NegotiatedOptions;
import io.inetkit.terminal.TelnetOption;
import io.inetkit.terminal.WindowSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.net.telnet.EchoOptionHandler;
import org.apache.commons.net.telnet.InvalidTelnetOptionException;
import org.apache.commons.net.telnet.SimpleOptionHandler;
import org.apache.commons.net.telnet.SuppressGAOptionHandler;
import org.apache.commons.net.telnet.TelnetOptionHandler;
import org.apache.commons.net.telnet.TerminalTypeOptionHandler;
import org.apache.commons.net.telnet.WindowSizeOptionHandler;

/**
 * The one adapter over Commons Net's {@code TelnetClient}, and the one place its exceptions are
 * translated into the core tree.
 *
 * <p><b>Configuration and why.</b> Commons Net keeps the option negotiation: its option handlers,
 * option state and replies. Its input path does not carry the data: that path decodes one byte at a
 * time, each under a lock, through a 2 KiB queue, and with its default reader thread it has a
 * history of races (NET-501 "Queue is full", NET-456 hangs when the reader thread started late,
 * NET-466 {@code available()} under threading); it held a session near 10 MiB/s. So the reader
 * thread is off, and the socket's input is split ({@link SplitInputSocketFactory}): this class
 * reads the wire in the caller's blocks (64 KiB and more) and decodes them in place with {@link
 * NvtDecoder}; the command sequences the decoder finds are fed to Commons Net's own input stream,
 * which answers them in the caller's thread as its reader thread would. Reads block at most the
 * wait asked for; a socket timeout is a timeout, never an end of stream.
 *
 * <p>Output does not use Commons Net's stream, which sends a bare CR as CR LF: data is encoded by
 * {@link NvtEncoder} and written under the client's lock, the same lock its negotiation replies
 * take, so the two never interleave.
 */
public final class CommonsNetTelnet implements AutoCloseable {
  /** {@link #read} result: nothing arrived within the wait. */
  public static final int TIMEOUT = -2;

  /** Commons Net's client with access to its buffered socket output. */
  private static final class Client extends org.apache.commons.net.telnet.TelnetClient {
    Client(String terminalType) {
      super(terminalType);
      setReaderThread(false);
    }

    java.net.Socket socket() {
      return _socket_;
    }

    void writeWire(byte[] b) throws IOException {
      synchronized (this) {
        _output_.write(b);
        _output_.flush();
      }
    }
  }

  private final Client client;
  private final SplitInputSocketFactory sockets;
  private final Endpoint endpoint;
  private final Timeouts timeouts;
  private final InputStream wire;

  /** Commons Net's input: it reads the command sequences fed to it, answers them, returns -1. */
  private final InputStream commands;

  private final NvtDecoder decoder = new NvtDecoder(this::negotiate);
  private volatile WindowSize pendingSize;
  private int soTimeout = -1;

  private CommonsNetTelnet(
      Client client, SplitInputSocketFactory sockets, Endpoint endpoint, Timeouts timeouts)
      throws IOException {
    this.client = client;
    this.sockets = sockets;
    this.endpoint = endpoint;
    this.timeouts = timeouts;
    this.wire = sockets.wireInput();
    this.commands = client.getInputStream();
  }

  /**
   * Connects to {@code endpoint} directly or, when {@code proxy} is not null, through a tunnel of
   * that proxy (the connect timeout bounds its handshake too).
   */
  public static CommonsNetTelnet connect(
      Endpoint endpoint,
      io.inetkit.core.Proxy proxy,
      Timeouts timeouts,
      String terminalType,
      WindowSize windowSize,
      Set<TelnetOption> wanted,
      EventListener events)
      throws InetkitException {
    Client client = new Client(terminalType);
    SplitInputSocketFactory sockets = new SplitInputSocketFactory(proxy, endpoint);
    client.setSocketFactory(sockets);
    client.setConnectTimeout(timeouts.connectMillis());
    client.setDefaultTimeout(timeouts.readMillis());
    try {
      // No receive buffer size: a fixed one turns off the OS's autotuning, which on loopback
      // grows the window well past 256 KiB; with it, bulk output read about 1.5x faster.
      client.setSendBufferSize(Connector.SOCKET_BUFFER);
      for (TelnetOptionHandler h : handlers(terminalType, windowSize, wanted)) {
        client.addOptionHandler(h);
      }
    } catch (IOException | InvalidTelnetOptionException e) {
      throw new IllegalStateException("configuring Commons Net Telnet failed", e);
    }
    events.connectStart(endpoint);
    CommonsNetTelnet connection;
    try {
      client.connect(endpoint.host(), endpoint.port());
      client.setTcpNoDelay(true);
      connection = new CommonsNetTelnet(client, sockets, endpoint, timeouts);
    } catch (IOException e) {
      closeQuietly(client);
      InetkitException failure = Connector.translate(e, "connect", endpoint, timeouts.connect());
      events.connectFailed(endpoint, failure);
      throw failure;
    }
    events.connectEnd(endpoint);
    return connection;
  }

  private static TelnetOptionHandler[] handlers(
      String terminalType, WindowSize size, Set<TelnetOption> wanted) {
    boolean echo = wanted.contains(TelnetOption.ECHO);
    boolean sga = wanted.contains(TelnetOption.SUPPRESS_GO_AHEAD);
    boolean ttype = wanted.contains(TelnetOption.TERMINAL_TYPE);
    boolean naws = wanted.contains(TelnetOption.NAWS);
    boolean binary = wanted.contains(TelnetOption.BINARY);
    return new TelnetOptionHandler[] {
      // (initLocal, initRemote, acceptLocal, acceptRemote)
      new EchoOptionHandler(false, false, false, echo),
      new SuppressGAOptionHandler(sga, sga, sga, sga),
      new TerminalTypeOptionHandler(terminalType, false, false, ttype, false),
      new WindowSizeOptionHandler(size.columns(), size.rows(), false, false, naws, false),
      new SimpleOptionHandler(TelnetOption.BINARY.code(), binary, binary, binary, binary)
    };
  }

  /** Returns the server. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /**
   * Reads decoded data (IAC undoubled, CR NUL made CR, negotiation answered), waiting at most
   * {@code waitMillis} for the first byte. Reads the wire straight into {@code buf} and decodes it
   * there, so give it large blocks.
   *
   * @return bytes read, -1 at end of stream, or {@link #TIMEOUT}
   * @throws InetkitException typed, when the connection failed
   */
  public int read(byte[] buf, int off, int len, int waitMillis) throws InetkitException {
    long deadline = System.nanoTime() + Math.max(1, waitMillis) * 1_000_000L;
    try {
      while (true) {
        int wait = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (wait != soTimeout) {
          client.setSoTimeout(wait);
          soTimeout = wait;
        }
        int n = wire.read(buf, off, len);
        if (n < 0) {
          return -1;
        }
        n = decoder.decode(buf, off, n);
        WindowSize pending = pendingSize;
        if (pending != null && client.getLocalOptionState(TelnetOption.NAWS.code())) {
          windowSize(pending); // asked for before NAWS was agreed
        }
        if (n > 0) {
          return n;
        }
        if (System.nanoTime() >= deadline) {
          return TIMEOUT; // only commands arrived within the wait
        }
      }
    } catch (InterruptedIOException e) {
      return TIMEOUT;
    } catch (IOException e) {
      throw Connector.translate(e, "read", endpoint, timeouts.read());
    } catch (RuntimeException e) {
      throw internalFailure("read", e);
    }
  }

  /** Lets Commons Net answer one command sequence, then follows the BINARY state it left. */
  private void negotiate(byte[] sequence, int length) throws IOException {
    sockets.feed(sequence, length);
    if (commands.read() != -1) {
      throw new IllegalStateException("Commons Net read data in a command sequence");
    }
    decoder.binary(client.getRemoteOptionState(TelnetOption.BINARY.code()));
  }

  /** Sends data, encoded for the wire (see {@link NvtEncoder}). */
  public void write(byte[] data, int off, int len) throws InetkitException {
    boolean binary = client.getLocalOptionState(TelnetOption.BINARY.code());
    try {
      client.writeWire(NvtEncoder.encode(data, off, len, binary));
    } catch (IOException e) {
      throw Connector.translate(e, "send", endpoint, timeouts.read());
    } catch (RuntimeException e) {
      throw internalFailure("send", e);
    }
  }

  /**
   * Reports a new window size if NAWS is in force; otherwise keeps it and reports it as soon as
   * NAWS is agreed (negotiation completes while reading).
   *
   * @return whether a NAWS update was sent now
   */
  public boolean windowSize(WindowSize size) throws InetkitException {
    if (!client.getLocalOptionState(TelnetOption.NAWS.code())) {
      pendingSize = size;
      return false;
    }
    pendingSize = null;
    int w = size.columns();
    int h = size.rows();
    try {
      client.sendSubnegotiation(
          new int[] {TelnetOption.NAWS.code(), w >> 8, w & 0xff, h >> 8, h & 0xff});
      return true;
    } catch (IOException e) {
      throw Connector.translate(e, "send window size", endpoint, timeouts.read());
    }
  }

  /**
   * Commons Net signals some states with unchecked exceptions (its "Queue is full" was one, a
   * stream closed under a read is another); they are failures of this connection, not bugs of the
   * caller, so they become checked, typed errors too.
   */
  private InetkitException internalFailure(String what, RuntimeException e) {
    return new InetkitException(
        what + " with " + endpoint + " failed inside Commons Net Telnet: " + e, endpoint, e);
  }

  /** Returns the options in force now. */
  public NegotiatedOptions negotiated() {
    Set<TelnetOption> local = EnumSet.noneOf(TelnetOption.class);
    Set<TelnetOption> remote = EnumSet.noneOf(TelnetOption.class);
    for (TelnetOption o : TelnetOption.values()) {
      if (client.getLocalOptionState(o.code())) {
        local.add(o);
      }
      if (client.getRemoteOptionState(o.code())) {
        remote.add(o);
      }
    }
    return new NegotiatedOptions(local, remote);
  }

  /**
   * Closes the socket at once, from another thread (the overall deadline's watchdog): a read or a
   * write blocked on it fails. Never throws.
   */
  public void abort() {
    Connector.closeQuietly(client.socket());
  }

  /** Closes the connection. Idempotent; never throws. */
  @Override
  public void close() {
    closeQuietly(client);
  }

  private static void closeQuietly(Client client) {
    try {
      if (client.isConnected()) {
        client.disconnect();
      }
    } catch (IOException ignored) {
      // closing: nothing useful to report
    }
  }
}
