package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.core.internal.Connector;
import io.inetkit.core.internal.Deadline;
import io.inetkit.transfer.ftp.DataConnectionMode;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpFeatures;
import io.inetkit.transfer.ftp.TransferType;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.net.SocketFactory;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPReply;

/**
 * Connection set-up for one client configuration: connect, secure (per the TLS mode), log in, TYPE,
 * data connection mode and FEAT, each phase named on the shared {@link Deadline}, which closes
 * every connection made here when it passes.
 */
final class FtpConnector {
  /** Phases that Commons Net waits for up to the connect timeout, not the read timeout. */
  private static final Set<String> CONNECTING = Set.of("connect", "greeting", "TLS handshake");

  final FtpClient config;
  final Endpoint endpoint;
  final EventListener events;
  final Deadline deadline;

  /**
   * The client's trust on a context of this session's own that vsftpd's TLS 1.2 reuse accepts, for
   * the session's connection (and its reconnects).
   */
  private final Trust trust;

  /**
   * Whether further connections get a TLS context (and so a session cache) of their own: the JDK
   * caches a client session by host and port, and a data connection resumes the session cached for
   * its control connection's host and port (see {@link SecureFtpClient}); two control connections
   * to one server on one context would overwrite each other's entry, and servers that demand reuse
   * (vsftpd) refuse the data connection. False for a trust that cannot make contexts (one built on
   * the caller's own {@link javax.net.ssl.SSLContext}): then a mirror keeps to one connection.
   */
  final boolean separateTlsContexts;

  FtpConnector(FtpClient config, Deadline deadline) {
    this.config = config;
    this.endpoint = config.endpoint();
    this.events = config.eventListener();
    this.deadline = deadline;
    // Data connections must resume the control connection's TLS session; with TLS 1.2, OpenSSL
    // servers (vsftpd) accept that by session ID but not by the JDK's stateless tickets.
    this.trust = ownTrust();
    this.separateTlsContexts = config.tlsMode() == TlsMode.NONE || trust != config.trust();
  }

  private Trust ownTrust() {
    return config.tlsMode() == TlsMode.NONE
        ? config.trust()
        : config.trust().withSessionIdResumption();
  }

  /**
   * Connects, secures, logs in and sets TYPE and the data connection mode; reads FEAT when {@code
   * features} is null, else takes them as read (a second connection to the same server).
   */
  Logged connect(FtpFeatures features) throws InetkitException {
    return connect(features, trust);
  }

  /**
   * Like {@link #connect(FtpFeatures)}, for another connection beside the session's: on a TLS
   * context of its own (see {@link #separateTlsContexts}).
   */
  Logged connectAnother(FtpFeatures features) throws InetkitException {
    return connect(features, ownTrust());
  }

  private Logged connect(FtpFeatures features, Trust trust) throws InetkitException {
    Watched w = connectOnly(trust);
    SecureFtpClient c = w.client;
    try {
      login(c);
      if (c.tlsActive()) {
        c.protectDataConnections();
      }
      int type =
          config.transferType() == TransferType.ASCII ? FTP.ASCII_FILE_TYPE : FTP.BINARY_FILE_TYPE;
      deadline.enter("TYPE");
      FtpFailures.require(c, c.setFileType(type), "TYPE", endpoint);
      if (config.dataConnectionMode() == DataConnectionMode.ACTIVE) {
        c.enterLocalActiveMode();
      } else {
        c.enterLocalPassiveMode();
      }
      if (features == null) {
        deadline.enter("FEAT");
        features = readFeatures(c);
      }
      return new Logged(w, features);
    } catch (IOException e) {
      throw fail(w, e);
    }
  }

  /** A logged-in connection and the features it runs with. */
  record Logged(Watched connection, FtpFeatures features) {}

  /** A connection and the closer the deadline watches; {@link #close} stops watching it. */
  final class Watched implements AutoCloseable {
    final SecureFtpClient client;
    private final AutoCloseable closer;

    private Watched(SecureFtpClient client) {
      this.client = client;
      this.closer = client::closeAtOnce;
      deadline.watch(closer);
    }

    /** Closes at once, without QUIT: from another thread, to unblock a read or write. */
    void abort() {
      client.closeAtOnce();
    }

    /** Disconnects (no QUIT) and stops watching. */
    @Override
    public void close() {
      deadline.unwatch(closer);
      Connector.closeQuietly(client::disconnect);
    }
  }

  /**
   * Connects, secures, asks FEAT without logging in (RFC 2389 allows it before USER; servers such
   * as vsftpd refuse an anonymous login that would be useless here) and closes. Only a server that
   * answers FEAT with 530 (not logged in) gets a login first.
   */
  FtpFeatures featuresWithoutLogin() throws InetkitException {
    Watched w = connectOnly(trust);
    SecureFtpClient c = w.client;
    try {
      deadline.enter("FEAT");
      FtpFeatures features = readFeatures(c);
      if (features == FtpFeatures.NONE && c.getReplyCode() == 530) {
        login(c); // a server that answers FEAT only after a login (Apache FtpServer)
        deadline.enter("FEAT");
        features = readFeatures(c);
      }
      return features;
    } catch (IOException e) {
      throw fail(w, e);
    } finally {
      Connector.closeQuietly(c::logout);
      w.close();
    }
  }

  /** Connects and secures the control connection (per the TLS mode); no login. */
  private Watched connectOnly(Trust trust) throws InetkitException {
    SocketFactory sockets = FtpProxying.sockets(config); // refuses active mode + proxy
    SecureFtpClient c =
        new SecureFtpClient(
            endpoint,
            config.tlsMode(),
            trust,
            config.timeouts(),
            events,
            config.maxReplyLineLength(),
            Math.max(1 << 20, config.maxReplyLineLength() * 16),
            deadline);
    Watched w = new Watched(c);
    // control and passive data connections, on every connection a mirror opens: proxy or direct
    c.setSocketFactory(sockets);
    // the greeting, too, is awaited up to the connect timeout (Commons Net), and both end at
    // the deadline
    c.setConnectTimeout(deadline.clamp(config.timeouts().connectMillis()));
    c.setDefaultTimeout(config.timeouts().readMillis());
    c.setDataTimeout(config.dataTimeout());
    c.setBufferSize(config.bufferSize());
    c.setReceieveDataSocketBufferSize(Connector.SOCKET_BUFFER);
    c.setSendDataSocketBufferSize(Connector.SOCKET_BUFFER);
    c.setControlKeepAliveTimeout(Duration.ZERO); // Commons Net's blocks the transfer
    c.keepAlive(config.keepAlive());
    c.setIpAddressFromPasvResponse(false); // always the control connection's peer
    c.setPassiveNatWorkaroundStrategy(null);
    c.setUseEPSVwithIPv4(true);
    c.setRemoteVerificationEnabled(true);
    events.connectStart(endpoint);
    try {
      deadline.enter("connect");
      c.connect(endpoint.host(), endpoint.port());
      c.setSoTimeout(config.timeouts().readMillis());
      c.setConnectTimeout(config.timeouts().connectMillis());
      events.connectEnd(endpoint);
    } catch (IOException e) {
      InetkitException failure = fail(w, e);
      events.connectFailed(endpoint, failure);
      throw failure;
    }
    return w;
  }

  /**
   * Closes {@code w} and translates the failure of the deadline's current phase (connect, greeting,
   * TLS handshake, AUTH TLS, login, TYPE, FEAT), naming the limit that expired: the overall one, or
   * the connect or read timeout that phase waits with.
   */
  private InetkitException fail(Watched w, IOException e) {
    w.close();
    String phase = deadline.phase();
    IOException explained = deadline.explain(e);
    if (explained != e) {
      return (InetkitException) explained;
    }
    boolean connecting = CONNECTING.contains(phase);
    Duration limit = connecting ? config.timeouts().connect() : config.timeouts().read();
    return named(
        FtpFailures.translate(e, phase, endpoint, limit),
        e,
        phase,
        connecting ? InetkitTimeoutException.Limit.CONNECT : InetkitTimeoutException.Limit.READ);
  }

  /**
   * Returns {@code failure}, or when it is the timeout of one socket wait, that timeout naming
   * {@code phase} and the {@code limit} the wait used.
   */
  InetkitException named(
      InetkitException failure,
      IOException cause,
      String phase,
      InetkitTimeoutException.Limit limit) {
    if (failure instanceof InetkitTimeoutException t
        && t.limit().isEmpty()
        && !(cause instanceof InetkitException)) {
      return new InetkitTimeoutException(
          phase + " with " + endpoint, endpoint, t.timeout(), limit, cause);
    }
    return failure;
  }

  private void login(SecureFtpClient c) throws IOException {
    String user = config.credentials().user();
    deadline.enter("login as " + user);
    events.authStart(endpoint, user, "USER/PASS");
    if (!c.login(user, config.credentials().secretAsString())) {
      AuthenticationException failure =
          new AuthenticationException("login as " + user, endpoint, FtpFailures.lastReply(c), null);
      events.authFailed(endpoint, user, failure);
      throw failure;
    }
    events.authEnd(endpoint, user);
  }

  private static FtpFeatures readFeatures(SecureFtpClient c) throws IOException {
    if (!FTPReply.isPositiveCompletion(c.feat())) {
      return FtpFeatures.NONE;
    }
    Map<String, String> map = new LinkedHashMap<>();
    String[] lines = c.getReplyStrings();
    for (int i = 1; i < lines.length - 1; i++) {
      String line = lines[i].strip();
      if (!line.isEmpty()) {
        String[] parts = line.split(" ", 2);
        map.put(parts[0], parts.length > 1 ? parts[1].strip() : "");
      }
    }
    return new FtpFeatures(map);
  }
}
