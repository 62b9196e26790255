package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.Reply;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.core.internal.Connector;
import io.inetkit.core.internal.Deadline;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.io.CRLFLineReader;

/**
 * Commons Net's {@link FTPClient} with inetkit's TLS: the control connection is secured by core's
 * {@link Connector} (certificate and host-name verification by {@link Trust}), and with {@code PROT
 * P} each data connection is layered with TLS for the <em>control</em> connection's host and port
 * ({@link ControlPortSocket}). The JDK keys its client session cache by that host and port, so the
 * data handshake offers the control connection's session for resumption, which servers such as
 * vsftpd ({@code require_ssl_reuse=YES}) insist on; no reflection and no {@code --add-opens} are
 * needed.
 *
 * <p>Also bounds every control reply line and reply ({@link ControlLimitInputStream}).
 */
final class SecureFtpClient extends FTPClient {
  private final Endpoint endpoint;
  private final TlsMode tlsMode;
  private final Trust trust;
  private final Timeouts timeouts;
  private final EventListener events;
  private final int maxLine;
  private final int maxReply;
  private final Deadline deadline;
  private volatile Socket currentData; // the data connection in use, for the deadline's watchdog
  private ControlLimitInputStream guard;
  private boolean tlsActive;
  private boolean protectData;
  private SSLSocket lastDataSocket;

  SecureFtpClient(
      Endpoint endpoint,
      TlsMode tlsMode,
      Trust trust,
      Timeouts timeouts,
      EventListener events,
      int maxLine,
      int maxReply,
      Deadline deadline) {
    this.deadline = deadline;
    this.endpoint = endpoint;
    this.tlsMode = tlsMode;
    this.trust = trust;
    this.timeouts = timeouts;
    this.events = events;
    this.maxLine = maxLine;
    this.maxReply = maxReply;
    setControlEncoding(StandardCharsets.UTF_8.name());
    addProtocolCommandListener(new EventBridge(endpoint, events, this::commandSent));
  }

  private void commandSent() {
    if (guard != null) {
      guard.commandSent();
    }
  }

  @Override
  protected void _connectAction_(Reader ignored) throws IOException {
    if (tlsMode == TlsMode.IMPLICIT) {
      deadline.enter("TLS handshake");
      _socket_ = Connector.startTls(_socket_, endpoint, trust, timeouts, events);
      tlsActive = true;
    } else {
      Connector.expectPlainGreeting(_socket_, endpoint, "ftps"); // not an FTPS port in silence
    }
    deadline.enter("greeting"); // Commons Net waits for it up to the connect timeout
    super._connectAction_(guardedReader(_socket_));
    if (!org.apache.commons.net.ftp.FTPReply.isPositiveCompletion(getReplyCode())) {
      throw FtpFailures.refused(this, "connect", endpoint); // a 4xx/5xx greeting
    }
    if (tlsMode.isStartTls()) {
      deadline.enter("AUTH TLS");
      int code = sendCommand("AUTH", "TLS");
      if (code == 234) {
        deadline.enter("TLS handshake");
        SSLSocket tls = Connector.startTls(_socket_, endpoint, trust, timeouts, events);
        _socket_ = tls;
        _input_ = tls.getInputStream();
        _output_ = tls.getOutputStream();
        _controlInput_ = new CRLFLineReader(guardedReader(tls));
        _controlOutput_ =
            new BufferedWriter(new OutputStreamWriter(_output_, getControlEncoding()));
        tlsActive = true;
      } else if (tlsMode == TlsMode.STARTTLS_REQUIRED) {
        throw new TlsException(
            "AUTH TLS refused, and TLS is required: nothing more was sent (no login, no"
                + " password): "
                + Reply.numeric(code, getReplyString().strip())
                + "; to log in over plain FTP anyway, with the password in clear, choose TLS"
                + " mode NONE (inetkit: --tls none)",
            endpoint,
            null);
      }
    }
  }

  private Reader guardedReader(Socket socket) throws IOException {
    guard = new ControlLimitInputStream(socket.getInputStream(), maxLine, maxReply);
    return new InputStreamReader(guard, getControlEncoding());
  }

  /** Returns whether the control connection is encrypted. */
  boolean tlsActive() {
    return tlsActive;
  }

  /** Sends PBSZ 0 and PROT P; from then on every data connection is TLS. */
  void protectDataConnections() throws IOException {
    FtpFailures.require(this, sendCommand("PBSZ", "0"), "PBSZ 0", endpoint);
    FtpFailures.require(this, sendCommand("PROT", "P"), "PROT P", endpoint);
    protectData = true;
  }

  /** Returns the TLS socket of the last data connection, or null (for tests and events). */
  SSLSocket lastDataSocket() {
    return lastDataSocket;
  }

  /** Returns the control socket. */
  Socket controlSocket() {
    return _socket_;
  }

  /**
   * Closes the control and the current data connection at once, from another thread (the deadline's
   * watchdog): unblocks a stuck read or write.
   */
  void closeAtOnce() {
    Connector.closeQuietly(currentData);
    Connector.closeQuietly(_socket_);
  }

  private Socket openDataSecurely(String command, String arg) throws IOException {
    setConnectTimeout(deadline.clamp(timeouts.connectMillis()));
    Socket plain = super._openDataConnection_(command, arg);
    currentData = plain;
    if (plain == null || !protectData) {
      return plain;
    }
    // Same host and port as the control connection: the JDK's session cache then offers the
    // control session for resumption on the data connection (see ControlPortSocket).
    SSLSocket tls =
        Connector.startTls(
            new ControlPortSocket(plain, _socket_.getPort()), endpoint, trust, timeouts, events);
    lastDataSocket = tls;
    if ("TLSv1.3".equals(tls.getSession().getProtocol())) {
      return new TicketReadingSocket(tls, (int) Math.min(5_000, timeouts.read().toMillis()));
    }
    return tls;
  }

  private long keepAliveNanos;
  private long lastControlNanos = System.nanoTime();
  private int pendingNoops;

  /** Sends a NOOP during transfers when the control connection was idle this long (0: never). */
  void keepAlive(java.time.Duration idle) {
    keepAliveNanos = idle.toNanos();
  }

  /**
   * Called as transfer bytes move: when the control connection has been idle for the keep-alive
   * interval, sends a NOOP without waiting for its reply (many servers answer only after the
   * transfer); {@link #completePendingCommand()} sorts the replies out afterwards. Unlike Commons
   * Net's own keep-alive, this never blocks the transfer and never leaves replies out of step.
   */
  void transferTick() throws IOException {
    deadline.check(); // a transfer that drips in still ends at the overall deadline
    long now = System.nanoTime();
    if (keepAliveNanos > 0 && now - lastControlNanos > keepAliveNanos) {
      lastControlNanos = now;
      _controlOutput_.write("NOOP\r\n");
      _controlOutput_.flush();
      pendingNoops++;
      events.commandSent(endpoint, "NOOP");
    }
  }

  @Override
  public boolean completePendingCommand() throws IOException {
    int code = getReply();
    while (pendingNoops > 0 && code == 200) { // a NOOP answered before the transfer's end
      pendingNoops--;
      code = getReply();
    }
    while (pendingNoops > 0) { // NOOPs answered after it
      pendingNoops--;
      getReply();
    }
    lastControlNanos = System.nanoTime();
    return org.apache.commons.net.ftp.FTPReply.isPositiveCompletion(code);
  }

  @Override
  protected Socket _openDataConnection_(String command, String arg) throws IOException {
    lastControlNanos = System.nanoTime();
    return openDataSecurely(command, arg);
  }

  /** Opens a data connection for {@code command} (for listings read with our own bounds). */
  Socket openData(String command, String arg) throws IOException {
    return _openDataConnection_(command, arg);
  }
}
