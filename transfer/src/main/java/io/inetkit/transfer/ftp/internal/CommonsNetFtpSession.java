package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.Inputs;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.LocalPaths;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Reply;
import io.inetkit.core.internal.Deadline;
import io.inetkit.core.internal.ProgressTracker;
import io.inetkit.transfer.ftp.DataConnectionMode;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpEntry;
import io.inetkit.transfer.ftp.FtpFeatures;
import io.inetkit.transfer.ftp.FtpSession;
import io.inetkit.transfer.ftp.FtpTransfer;
import io.inetkit.transfer.ftp.MirrorMode;
import io.inetkit.transfer.ftp.MirrorResult;
import io.inetkit.transfer.ftp.TransferOption;
import io.inetkit.transfer.ftp.TransferType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPReply;

/**
 * The {@link FtpSession} on Commons Net: one {@link SecureFtpClient} at a time (replaced when a
 * dropped transfer is resumed on a new connection).
 */
public final class CommonsNetFtpSession implements FtpSession {
  private static final DateTimeFormatter MFMT =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final FtpClient config;
  private final Endpoint endpoint;
  private final EventListener events;

  /** The overall time limit of the operation in progress (open, list, get, a whole mirror, …). */
  private final Deadline deadline;

  private volatile SecureFtpClient live; // the connection being made or in use, for the watchdog
  private int depth; // nested operations (a mirror's gets) run under the outermost one's deadline

  /** The client's trust on a context of this session's own that vsftpd's TLS 1.2 reuse accepts. */
  private final io.inetkit.core.Trust trust;

  private SecureFtpClient ftp;
  private FtpFeatures features = FtpFeatures.NONE;
  private String systemType;
  private boolean closed;

  private CommonsNetFtpSession(FtpClient config) {
    this.config = config;
    this.endpoint = config.endpoint();
    this.events = config.eventListener();
    this.deadline =
        new Deadline(
            endpoint,
            () -> {
              SecureFtpClient c = live;
              if (c != null) {
                c.closeAtOnce();
              }
            });
    // Data connections must resume the control connection's TLS session; with TLS 1.2, OpenSSL
    // servers (vsftpd) accept that by session ID but not by the JDK's stateless tickets.
    this.trust =
        config.tlsMode() == io.inetkit.core.TlsMode.NONE
            ? config.trust()
            : config.trust().withSessionIdResumption();
  }

  /** Connects, secures, logs in and reads FEAT, all within the overall time limit. */
  public static CommonsNetFtpSession open(FtpClient config) throws InetkitException {
    CommonsNetFtpSession session = new CommonsNetFtpSession(config);
    try (Operation op = session.operation("connect")) {
      session.ftp = session.connect();
    } catch (InetkitException e) {
      session.deadline.close();
      throw session.explained(e);
    }
    return session;
  }

  /**
   * Starts an operation under the overall deadline, unless one is running already (then this is
   * part of it: a mirror's gets, a reconnect). Close it when the operation ends.
   */
  private Operation operation(String what) {
    requireOpen();
    boolean outermost = depth++ == 0;
    if (outermost) {
      deadline.start(config.timeouts().overall(), what);
    }
    return new Operation(outermost);
  }

  /** One running operation; closing the outermost ends the deadline. */
  private final class Operation implements AutoCloseable {
    private final boolean outermost;

    private Operation(boolean outermost) {
      this.outermost = outermost;
    }

    @Override
    public void close() {
      depth--;
      if (outermost) {
        deadline.clear();
      }
    }
  }

  /**
   * Returns the overall timeout when the deadline's watchdog had closed the connection (so {@code
   * e} was its consequence), else {@code e}.
   */
  private InetkitException explained(InetkitException e) {
    if (deadline.expired() && !(e instanceof InetkitTimeoutException)) {
      return deadline.timeout(e);
    }
    return e;
  }

  /**
   * Connects, secures (per the client's TLS mode), asks FEAT without logging in (RFC 2389 allows it
   * before USER; servers such as vsftpd refuse an anonymous login that would be useless here) and
   * closes. Only a server that answers FEAT with 530 (not logged in) gets a login first.
   */
  public static FtpFeatures features(FtpClient config) throws InetkitException {
    CommonsNetFtpSession session = new CommonsNetFtpSession(config);
    try (Operation op = session.operation("FEAT")) {
      return session.featuresWithoutLogin();
    } catch (InetkitException e) {
      throw session.explained(e);
    } finally {
      session.deadline.close();
    }
  }

  private FtpFeatures featuresWithoutLogin() throws InetkitException {
    SecureFtpClient c = connectOnly();
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
      throw fail(c, e);
    } finally {
      io.inetkit.core.internal.Connector.closeQuietly(c::logout);
      io.inetkit.core.internal.Connector.closeQuietly(c::disconnect);
    }
  }

  private SecureFtpClient connect() throws InetkitException {
    SecureFtpClient c = connectOnly();
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
      deadline.enter("FEAT");
      features = readFeatures(c);
      return c;
    } catch (IOException e) {
      throw fail(c, e);
    }
  }

  /** Connects and secures the control connection (per the TLS mode); no login. */
  private SecureFtpClient connectOnly() throws InetkitException {
    javax.net.SocketFactory sockets = FtpProxying.sockets(config); // refuses active mode + proxy
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
    live = c;
    c.setSocketFactory(sockets); // control and passive data connections: proxy or direct
    // the greeting, too, is awaited up to the connect timeout (Commons Net), and both end at
    // the deadline
    c.setConnectTimeout(deadline.clamp(config.timeouts().connectMillis()));
    c.setDefaultTimeout(config.timeouts().readMillis());
    c.setDataTimeout(config.dataTimeout());
    c.setBufferSize(config.bufferSize());
    c.setReceieveDataSocketBufferSize(io.inetkit.core.internal.Connector.SOCKET_BUFFER);
    c.setSendDataSocketBufferSize(io.inetkit.core.internal.Connector.SOCKET_BUFFER);
    c.setControlKeepAliveTimeout(
        Duration.ZERO); // Commons Net's blocks the transfer; see transferTick
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
      InetkitException failure = fail(c, e);
      events.connectFailed(endpoint, failure);
      throw failure;
    }
    return c;
  }

  /** Phases that Commons Net waits for up to the connect timeout, not the read timeout. */
  private static final Set<String> CONNECTING = Set.of("connect", "greeting", "TLS handshake");

  /**
   * Closes {@code c} and translates the failure of the deadline's current phase (connect, greeting,
   * TLS handshake, AUTH TLS, login, TYPE, FEAT), naming the limit that expired: the overall one, or
   * the connect or read timeout that phase waits with.
   */
  private InetkitException fail(SecureFtpClient c, IOException e) {
    io.inetkit.core.internal.Connector.closeQuietly(c::disconnect);
    String phase = deadline.phase();
    IOException explained = deadline.explain(e);
    if (explained != e) {
      return (InetkitException) explained;
    }
    boolean connecting = CONNECTING.contains(phase);
    java.time.Duration limit = connecting ? config.timeouts().connect() : config.timeouts().read();
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
  private InetkitException named(
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

  private FtpFeatures readFeatures(SecureFtpClient c) throws IOException {
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

  // ---------------------------------------------------------------- plumbing

  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException;
  }

  /** Runs one control-connection step, translating failures at this one boundary. */
  private <T> T call(String what, Call<T> call) throws InetkitException {
    return call(what, config.timeouts().read(), call);
  }

  /** Runs a step that moves data: a timeout there is the data timeout. */
  private <T> T callData(String what, Call<T> call) throws InetkitException {
    return call(what, config.dataTimeout(), call);
  }

  private <T> T call(String what, Duration timeout, Call<T> call) throws InetkitException {
    requireOpen();
    deadline.enter(what);
    try {
      return call.run();
    } catch (IllegalArgumentException e) {
      throw FtpFailures.unusableReply(e, what, ftp, endpoint);
    } catch (IOException e) {
      IOException explained = deadline.explain(e);
      if (explained != e) {
        throw (InetkitException) explained; // the overall deadline passed: the server is not asked
      }
      InetkitException failure =
          named(
              FtpFailures.translate(e, what, endpoint, timeout),
              e,
              what,
              InetkitTimeoutException.Limit.READ);
      if (timeout.equals(config.dataTimeout()) && !(e instanceof InetkitException)) {
        // read the transfer's reply either way, so the next command gets its own
        InetkitException refusal = pendingRefusal(what);
        // our own limit cut the transfer: the server's "426 aborted" only echoes that
        if (refusal != null && !(failure instanceof LimitExceededException)) {
          refusal.addSuppressed(failure);
          throw refusal;
        }
      }
      throw failure;
    }
  }

  /**
   * After a data connection failed, reads (for at most two seconds) the reply the server may have
   * sent on the control connection to say why, e.g. vsftpd's "522 session reuse required". Returns
   * the refusal, or null when there is none.
   */
  private InetkitException pendingRefusal(String what) {
    try {
      int before = ftp.getSoTimeout();
      ftp.setSoTimeout(Math.min(2000, before));
      try {
        int code = ftp.getReply();
        return code >= 400 ? FtpFailures.refused(ftp, what, endpoint) : null;
      } finally {
        ftp.setSoTimeout(before);
      }
    } catch (IOException | RuntimeException noReply) {
      return null;
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the FTP session with " + endpoint + " is closed");
    }
  }

  private static String path(String name, String value) {
    Inputs.requireNonEmpty(name, value);
    return Inputs.requireMaxLength(name, value, 4096);
  }

  private static boolean retriable(InetkitException e) {
    if (e instanceof ConnectionClosedException || e instanceof InetkitTimeoutException) {
      return true;
    }
    return e instanceof ProtocolReplyException p
        && (p.reply().code() == 421 || p.reply().code() == 425 || p.reply().code() == 426);
  }

  /** Drops the current connection and logs in again on a new one (within the deadline). */
  private void reconnect() throws InetkitException {
    io.inetkit.core.internal.Connector.closeQuietly(ftp::disconnect);
    ftp = connect();
  }

  /**
   * Returns SIZE of {@code remote}, or -1 when the server does not support SIZE or answers
   * something that is not a size (as other clients do, the transfer then goes on without one).
   */
  private long sizeOrUnknown(String remote) throws InetkitException {
    return call(
        "SIZE " + remote,
        () -> {
          String reply = ftp.getSize(remote);
          if (reply != null) {
            return parseSize(reply.strip());
          }
          int code = ftp.getReplyCode();
          if (code == 500 || code == 502 || code == 504) {
            return -1L;
          }
          throw FtpFailures.refused(ftp, "SIZE " + remote, endpoint);
        });
  }

  /**
   * The size an upload's verification compares: SIZE of {@code remote}, or -1 when the server will
   * not tell it. A write-only upload folder answers 550 even for the file it just stored with 226,
   * so any permanent refusal means "unknown", never "failed".
   */
  private long sizeAfterUpload(String remote) throws InetkitException {
    try {
      return sizeOrUnknown(remote);
    } catch (ProtocolReplyException e) {
      if (e.reply().isPermanent()) {
        return -1;
      }
      throw e;
    }
  }

  /** Returns the size a SIZE reply's text gives, or -1 when it is not a size. */
  private static long parseSize(String text) {
    try {
      long size = Long.parseLong(text.split(" ")[0]);
      return size >= 0 ? size : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private Set<TransferOption> options(TransferOption[] options, Set<TransferOption> allowed) {
    Set<TransferOption> set = EnumSet.noneOf(TransferOption.class);
    for (TransferOption o : options) {
      if (!allowed.contains(java.util.Objects.requireNonNull(o, "option"))) {
        throw new InvalidInputException("options", o + " is not supported for this transfer");
      }
      set.add(o);
    }
    if (converting() && set.contains(TransferOption.VERIFY_CHECKSUM)) {
      throw new InvalidInputException(
          "options",
          "VERIFY_CHECKSUM compares bytes, which"
              + " TransferType.ASCII converts; use TransferType.BINARY");
    }
    return set;
  }

  /**
   * Whether line ends are converted (ASCII type). Then the local byte count differs from SIZE and a
   * byte offset in one copy is not the same place in the other: no size check, no REST or APPE; a
   * dropped transfer starts again from zero.
   */
  private boolean converting() {
    return config.transferType() == TransferType.ASCII;
  }

  private ProgressTracker tracker(String name, long total) {
    return new ProgressTracker(name, total, config.progressListener(), events, endpoint);
  }

  private TransferMeter meter(ProgressTracker tracker, String name) {
    return new TransferMeter(tracker, config.maxFileSize(), config.rateLimit(), endpoint, name)
        .ticking(() -> ftp.transferTick());
  }

  /** The smallest copy buffer: below it, a shorter buffer saves nothing worth a special case. */
  private static final int MIN_BUFFER = 8 * 1024;

  /**
   * Sizes the buffers of the next data connection for a transfer of {@code bytes} (-1: unknown).
   * Commons Net's copy buffers (two per transfer: the buffered stream and the copy loop's array)
   * get the configured size, but no more than the file needs; the data socket's kernel buffers are
   * raised to {@link io.inetkit.core.internal.Connector#SOCKET_BUFFER} only for transfers that can
   * use them, and otherwise left to the system's defaults. A mirror of many small files otherwise
   * allocates half a MiB per file, and sets up large socket buffers, for a few KiB.
   */
  private void sizeBuffersFor(long bytes) {
    int size = config.bufferSize();
    if (bytes >= 0 && bytes < size) {
      // one byte more than the file, so that the read that sees its end needs no second pass
      size = (int) Math.max(MIN_BUFFER, bytes + 1);
    }
    ftp.setBufferSize(size);
    boolean small = bytes >= 0 && bytes < io.inetkit.core.internal.Connector.SOCKET_BUFFER;
    int socketBuffer = small ? 0 : io.inetkit.core.internal.Connector.SOCKET_BUFFER; // 0: default
    ftp.setReceieveDataSocketBufferSize(socketBuffer);
    ftp.setSendDataSocketBufferSize(socketBuffer);
  }

  private InetkitException transferFailed(String name, IOException e, String what) {
    InetkitException f = FtpFailures.translate(e, what, endpoint, config.dataTimeout());
    events.transferFailed(endpoint, name, f);
    return f;
  }

  // ---------------------------------------------------------------- session API

  @Override
  public Endpoint endpoint() {
    return endpoint;
  }

  @Override
  public FtpFeatures features() {
    return features;
  }

  @Override
  public List<FtpEntry> list(String path) throws InetkitException {
    try (Operation op = operation("list " + path)) {
      String dir = path("path", path);
      Listings.Format format = features.has("MLST") ? Listings.Format.MLSD : Listings.Format.LIST;
      if (format == Listings.Format.LIST && systemType == null) {
        systemType =
            call(
                "SYST",
                () -> {
                  try {
                    return ftp.getSystemType();
                  } catch (IOException e) {
                    if (!ftp.isConnected()) {
                      throw e;
                    }
                    return "UNIX";
                  }
                });
      }
      String command = format.name() + " " + dir;
      return callData(
          command,
          () -> {
            sizeBuffersFor(-1);
            Socket data = ftp.openData(format.name(), dir);
            if (data == null) {
              throw FtpFailures.refused(ftp, command, endpoint);
            }
            List<FtpEntry> entries;
            try (Socket s = data;
                InputStream in = s.getInputStream()) {
              entries =
                  Listings.read(
                      in,
                      format,
                      systemType,
                      dir,
                      config.maxReplyLineLength(),
                      config.maxListingEntries(),
                      endpoint);
            }
            FtpFailures.require(ftp, ftp.completePendingCommand(), command, endpoint);
            if (entries.isEmpty()) {
              requireFolder(dir, command);
            }
            return entries;
          });
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  /**
   * Confirms that {@code dir}, whose listing came back empty, exists: some servers (vsftpd among
   * them) answer LIST of a missing folder with an empty 150/226 rather than 550. Costs one MLST (or
   * CWD there and back) for empty listings only; entries prove the folder by themselves. A server
   * that cannot say (no MLST, CWD not understood) keeps the empty listing.
   *
   * @throws io.inetkit.core.NotFoundException when the server answers 550 to the check
   */
  private void requireFolder(String dir, String command) throws IOException {
    boolean found = features.has("MLST") ? ftp.mlistFile(dir) != null : isDirectory(dir);
    if (!found && ftp.getReplyCode() == 550) {
      throw new io.inetkit.core.NotFoundException(
          command + ": no such folder", endpoint, FtpFailures.lastReply(ftp), null);
    }
  }

  @FunctionalInterface
  private interface Attempt {
    void run(int attempt) throws IOException;
  }

  /**
   * Runs {@code attempt}; when the connection drops or times out, reconnects and runs it again (it
   * resumes from what arrived, or starts again), up to {@link FtpClient#retries()} times while
   * {@code canRetry} says so and the overall deadline has not passed. Returns the number of
   * reconnects. When it gives up, the first failure is the one thrown (it is the cause; a refused
   * reconnect is only its consequence), with the later ones suppressed.
   */
  private int withRetries(java.util.function.BooleanSupplier canRetry, Attempt attempt)
      throws IOException {
    int reconnects = 0;
    InetkitException first = null;
    while (true) {
      try {
        attempt.run(reconnects);
        return reconnects;
      } catch (InetkitException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
        if (!retriable(e)
            || reconnects >= config.retries()
            || !canRetry.getAsBoolean()
            || deadline.expired()
            || isOverallTimeout(e)) {
          throw first;
        }
        reconnects++;
        try {
          reconnect();
        } catch (InetkitException refused) {
          first.addSuppressed(refused);
          throw first;
        }
      }
    }
  }

  private static boolean isOverallTimeout(InetkitException e) {
    return e instanceof InetkitTimeoutException t
        && t.limit().orElse(null) == InetkitTimeoutException.Limit.OVERALL;
  }

  /** Fails unless {@code got} bytes is the {@code expected} size (-1: unknown, accept). */
  private void requireComplete(String command, long got, long expected) throws InetkitException {
    if (expected >= 0 && got < expected) {
      throw new ConnectionClosedException(
          command + ": transfer ended after " + got + " of " + expected + " bytes", endpoint, null);
    }
    if (expected >= 0 && got != expected) {
      throw new ProtocolViolationException(
          command + ": " + got + " bytes, but SIZE says " + expected, endpoint, null);
    }
  }

  @Override
  public FtpTransfer get(String remote, Path local, TransferOption... options)
      throws InetkitException {
    return get(remote, local, -1, options);
  }

  /**
   * {@link #get(String, Path, TransferOption...)} of a file whose size a listing already gave
   * ({@code knownSize >= 0}; -1 asks the server): saves the SIZE round trip, once per file in a
   * mirror. ASCII transfers still ask, as before.
   */
  FtpTransfer get(String remote, Path local, long knownSize, TransferOption... options)
      throws InetkitException {
    try (Operation op = operation("get " + remote)) {
      String src = path("remote", remote);
      java.util.Objects.requireNonNull(local, "local");
      Set<TransferOption> opts =
          options(options, EnumSet.of(TransferOption.RESUME, TransferOption.VERIFY_CHECKSUM));
      Path target = local.toAbsolutePath().normalize();
      if (Files.isDirectory(target)) {
        target = SafeNames.resolveInside(target, SafeNames.baseName(src), src, endpoint);
      }
      LocalPaths.downloadTarget(target, SafeNames.baseName(src), "download"); // before any command
      Path part = target.resolveSibling("." + target.getFileName() + ".inetkit-part");
      long remoteSize = knownSize >= 0 && !converting() ? knownSize : sizeOrUnknown(src);
      if (remoteSize > config.maxFileSize()) {
        throw new LimitExceededException(
            src + " has " + remoteSize + " bytes, more than the maximum file size",
            endpoint,
            config.maxFileSize());
      }
      long startNanos = System.nanoTime();
      try {
        if (!opts.contains(TransferOption.RESUME)
            || converting()
            || (Files.exists(part) && remoteSize >= 0 && Files.size(part) > remoteSize)) {
          Files.deleteIfExists(part);
        }
        long resumedFrom = Files.exists(part) ? Files.size(part) : 0;
        ProgressTracker tracker = tracker(src, remoteSize).startingAt(resumedFrom);
        int reconnects =
            withRetries(
                () -> true,
                attempt -> {
                  long offset = Files.exists(part) && !converting() ? Files.size(part) : 0;
                  if (converting()
                      || remoteSize < 0
                      || offset < remoteSize
                      || !Files.exists(part)) {
                    download(src, part, offset, remoteSize, tracker.startingAt(offset));
                  }
                  if (!converting()) {
                    requireComplete("RETR " + src, Files.size(part), remoteSize);
                  }
                });
        FtpTransfer.Checksum checksum = FtpTransfer.Checksum.NOT_REQUESTED;
        if (opts.contains(TransferOption.VERIFY_CHECKSUM)) {
          checksum = verify(src, part);
        }
        moveIntoPlace(part, target);
        tracker.finish();
        return new FtpTransfer(
            src,
            Files.size(target),
            resumedFrom,
            reconnects,
            checksum,
            Duration.ofNanos(System.nanoTime() - startNanos));
      } catch (IOException e) {
        InetkitException failure = transferFailed(src, e, "get " + src + " to " + target);
        if (failure instanceof ProtocolViolationException || isEmptyFile(part)) {
          // too large, or not what SIZE said: nothing worth resuming
          try {
            Files.deleteIfExists(part);
          } catch (IOException notDeleted) {
            failure.addSuppressed(notDeleted);
          }
        }
        throw failure;
      }
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  private void download(String src, Path part, long offset, long size, ProgressTracker tracker)
      throws InetkitException {
    callData(
        "RETR " + src,
        () -> {
          sizeBuffersFor(size < 0 || converting() ? -1 : size - offset);
          try (OutputStream file =
              Files.newOutputStream(
                  part,
                  StandardOpenOption.CREATE,
                  offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE)) {
            ftp.setRestartOffset(offset);
            boolean ok = ftp.retrieveFile(src, meter(tracker, src).wrap(file));
            FtpFailures.require(ftp, ok, "RETR " + src, endpoint);
          }
          return null;
        });
  }

  /** Whether {@code part} exists and holds nothing: not worth keeping to resume from. */
  private static boolean isEmptyFile(Path part) {
    try {
      return Files.isRegularFile(part) && Files.size(part) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static void moveIntoPlace(Path part, Path target) throws IOException {
    try {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public FtpTransfer get(String remote, OutputStream out, TransferOption... options)
      throws InetkitException {
    try (Operation op = operation("get " + remote)) {
      String src = path("remote", remote);
      java.util.Objects.requireNonNull(out, "out");
      Set<TransferOption> opts = options(options, EnumSet.of(TransferOption.VERIFY_CHECKSUM));
      long remoteSize = sizeOrUnknown(src);
      if (remoteSize > config.maxFileSize()) {
        throw new LimitExceededException(
            src + " has " + remoteSize + " bytes, more than the maximum file size",
            endpoint,
            config.maxFileSize());
      }
      Checksums.Method method =
          opts.contains(TransferOption.VERIFY_CHECKSUM) ? Checksums.choose(features) : null;
      MessageDigest digest = method == null ? null : method.newDigest();
      long startNanos = System.nanoTime();
      ProgressTracker tracker = tracker(src, remoteSize);
      TransferMeter meter = meter(tracker, src).digesting(digest);
      OutputStream counted = meter.wrap(out);
      int reconnects;
      try {
        // converted text written to the caller's stream cannot be taken back, nor resumed by offset
        reconnects =
            withRetries(
                () -> !converting() || meter.done() == 0,
                attempt -> {
                  long offset = meter.done();
                  callData(
                      "RETR " + src,
                      () -> {
                        sizeBuffersFor(remoteSize < 0 || converting() ? -1 : remoteSize - offset);
                        ftp.setRestartOffset(offset);
                        FtpFailures.require(
                            ftp, ftp.retrieveFile(src, counted), "RETR " + src, endpoint);
                        return null;
                      });
                  if (!converting()) {
                    requireComplete("RETR " + src, meter.done(), remoteSize);
                  }
                });
      } catch (IOException e) {
        throw transferFailed(src, e, "RETR " + src);
      }
      FtpTransfer.Checksum checksum = FtpTransfer.Checksum.NOT_REQUESTED;
      if (opts.contains(TransferOption.VERIFY_CHECKSUM)) {
        checksum =
            method == null
                ? FtpTransfer.Checksum.NOT_OFFERED
                : compare(method, src, HexFormat.of().formatHex(digest.digest()));
      }
      tracker.finish();
      return new FtpTransfer(
          src,
          meter.done(),
          0,
          reconnects,
          checksum,
          Duration.ofNanos(System.nanoTime() - startNanos));
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  @Override
  public FtpTransfer put(Path local, String remote, TransferOption... options)
      throws InetkitException {
    try (Operation op = operation("put " + remote)) {
      String dst = path("remote", remote);
      LocalPaths.uploadSource(
          java.util.Objects.requireNonNull(local, "local")); // before any command
      Set<TransferOption> opts = options(options, EnumSet.allOf(TransferOption.class));
      String upload = opts.contains(TransferOption.ATOMIC) ? temporaryName(dst) : dst;
      long startNanos = System.nanoTime();
      try {
        long size = Files.size(local);
        long resumedFrom =
            opts.contains(TransferOption.RESUME) && !converting()
                ? Math.max(0, remoteSizeOrZero(upload))
                : 0;
        if (resumedFrom > size) {
          resumedFrom = 0;
        }
        ProgressTracker tracker = tracker(dst, size).startingAt(resumedFrom);
        long first = resumedFrom;
        int reconnects =
            withRetries(
                () -> true,
                attempt -> {
                  long offset =
                      attempt == 0 || converting()
                          ? first
                          : Math.min(size, remoteSizeOrZero(upload));
                  if (offset < size || offset == 0) {
                    upload(local, upload, offset, tracker.startingAt(offset));
                  }
                  if (!converting()) {
                    long there = sizeAfterUpload(upload);
                    requireComplete("STOR " + dst, there < 0 ? size : there, size);
                  }
                });
        FtpTransfer.Checksum checksum = FtpTransfer.Checksum.NOT_REQUESTED;
        if (opts.contains(TransferOption.VERIFY_CHECKSUM)) {
          checksum = verify(upload, local);
        }
        if (!upload.equals(dst)) {
          replace(upload, dst);
        }
        tracker.finish();
        return new FtpTransfer(
            dst,
            size,
            resumedFrom,
            reconnects,
            checksum,
            Duration.ofNanos(System.nanoTime() - startNanos));
      } catch (IOException e) {
        throw transferFailed(dst, e, "put " + local + " to " + dst);
      }
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  private long remoteSizeOrZero(String remote) throws InetkitException {
    try {
      return Math.max(0, sizeOrUnknown(remote));
    } catch (io.inetkit.core.NotFoundException e) {
      return 0;
    }
  }

  private void upload(Path local, String remote, long offset, ProgressTracker tracker)
      throws InetkitException {
    callData(
        "STOR " + remote,
        () -> {
          try (FileChannel ch = FileChannel.open(local, StandardOpenOption.READ)) {
            ch.position(offset);
            sizeBuffersFor(converting() ? -1 : ch.size() - offset);
            InputStream in = meter(tracker, remote).wrap(Channels.newInputStream(ch));
            boolean ok;
            String verb;
            if (offset == 0) {
              verb = "STOR";
              ok = ftp.storeFile(remote, in);
            } else if (features.has("REST")) {
              verb = "REST+STOR";
              ftp.setRestartOffset(offset);
              ok = ftp.storeFile(remote, in);
            } else {
              verb = "APPE";
              ok = ftp.appendFile(remote, in);
            }
            FtpFailures.require(ftp, ok, verb + " " + remote, endpoint);
          }
          return null;
        });
  }

  private static String temporaryName(String remote) {
    return SafeNames.join(
        SafeNames.parent(remote), "." + SafeNames.baseName(remote) + ".inetkit-upload");
  }

  /** Renames {@code from} over {@code to}, deleting {@code to} first if the server insists. */
  private void replace(String from, String to) throws InetkitException {
    call(
        "RNFR " + from,
        () -> {
          if (!ftp.rename(from, to)) {
            if (ftp.deleteFile(to)) {
              FtpFailures.require(
                  ftp, ftp.rename(from, to), "RNFR/RNTO " + from + " " + to, endpoint);
            } else {
              throw FtpFailures.refused(ftp, "RNFR/RNTO " + from + " " + to, endpoint);
            }
          }
          return null;
        });
  }

  @Override
  public FtpTransfer put(InputStream in, String remote, TransferOption... options)
      throws InetkitException {
    try (Operation op = operation("put " + remote)) {
      String dst = path("remote", remote);
      java.util.Objects.requireNonNull(in, "in");
      Set<TransferOption> opts =
          options(options, EnumSet.of(TransferOption.ATOMIC, TransferOption.VERIFY_CHECKSUM));
      String upload = opts.contains(TransferOption.ATOMIC) ? temporaryName(dst) : dst;
      Checksums.Method method =
          opts.contains(TransferOption.VERIFY_CHECKSUM) ? Checksums.choose(features) : null;
      MessageDigest digest = method == null ? null : method.newDigest();
      long startNanos = System.nanoTime();
      ProgressTracker tracker = tracker(dst, -1);
      TransferMeter meter =
          new TransferMeter(tracker, Long.MAX_VALUE, config.rateLimit(), endpoint, dst)
              .ticking(() -> ftp.transferTick())
              .digesting(digest);
      try {
        callData(
            "STOR " + upload,
            () -> {
              sizeBuffersFor(-1);
              FtpFailures.require(
                  ftp, ftp.storeFile(upload, meter.wrap(in)), "STOR " + upload, endpoint);
              return null;
            });
      } catch (InetkitException e) {
        events.transferFailed(endpoint, dst, e);
        throw e;
      }
      FtpTransfer.Checksum checksum = FtpTransfer.Checksum.NOT_REQUESTED;
      if (opts.contains(TransferOption.VERIFY_CHECKSUM)) {
        checksum =
            method == null
                ? FtpTransfer.Checksum.NOT_OFFERED
                : compare(method, upload, HexFormat.of().formatHex(digest.digest()));
      }
      if (!upload.equals(dst)) {
        replace(upload, dst);
      }
      tracker.finish();
      return new FtpTransfer(
          dst, meter.done(), 0, 0, checksum, Duration.ofNanos(System.nanoTime() - startNanos));
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  private FtpTransfer.Checksum verify(String remote, Path local) throws IOException {
    Checksums.Method method = Checksums.choose(features);
    if (method == null) {
      return FtpTransfer.Checksum.NOT_OFFERED;
    }
    return compare(method, remote, Checksums.digest(method, local));
  }

  private FtpTransfer.Checksum compare(Checksums.Method method, String remote, String localHex)
      throws InetkitException {
    String command = method.command() + " " + remote;
    String remoteHex =
        call(
            command,
            () -> {
              if (method.opts() != null) {
                FtpFailures.require(
                    ftp, ftp.sendCommand("OPTS", method.opts()), "OPTS " + method.opts(), endpoint);
              }
              FtpFailures.require(
                  ftp, ftp.sendCommand(method.command(), remote), command, endpoint);
              return Checksums.parseReply(method, ftp.getReplyString(), endpoint);
            });
    if (!remoteHex.equals(localHex)) {
      throw new ProtocolViolationException(
          command
              + ": "
              + method.algorithm()
              + " mismatch: server "
              + remoteHex
              + ", local "
              + localHex,
          endpoint,
          null);
    }
    return FtpTransfer.Checksum.VERIFIED;
  }

  @Override
  public MirrorResult mirrorDown(String remoteDir, Path localDir, MirrorMode mode)
      throws InetkitException {
    try (Operation op = operation("mirror " + remoteDir)) {
      return new Mirror(
              this,
              endpoint,
              config.timeouts().read(),
              config.maxMirrorDepth(),
              config.maxMirrorEntries())
          .down(path("remoteDir", remoteDir), localDir, mode);
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  @Override
  public MirrorResult mirrorUp(Path localDir, String remoteDir, MirrorMode mode)
      throws InetkitException {
    try (Operation op = operation("mirror to " + remoteDir)) {
      return new Mirror(
              this,
              endpoint,
              config.timeouts().read(),
              config.maxMirrorDepth(),
              config.maxMirrorEntries())
          .up(localDir, path("remoteDir", remoteDir), mode);
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  @Override
  public void mkdirs(String path) throws InetkitException {
    try (Operation op = operation("mkdirs " + path)) {
      String dir = path("path", path);
      StringBuilder prefix = new StringBuilder(dir.startsWith("/") ? "/" : "");
      for (String part : dir.split("/")) {
        if (part.isEmpty()) {
          continue;
        }
        prefix.append(part);
        String p = prefix.toString();
        call(
            "MKD " + p,
            () -> {
              if (!ftp.makeDirectory(p) && !isDirectory(p)) {
                ftp.makeDirectory(p); // repeat to report the server's refusal
                throw FtpFailures.refused(ftp, "MKD " + p, endpoint);
              }
              return null;
            });
        prefix.append('/');
      }
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  private boolean isDirectory(String p) throws IOException {
    String here = ftp.printWorkingDirectory();
    if (!ftp.changeWorkingDirectory(p)) {
      return false;
    }
    if (here != null) {
      ftp.changeWorkingDirectory(here);
    }
    return true;
  }

  @Override
  public void delete(String path) throws InetkitException {
    try (Operation op = operation("delete " + path)) {
      String p = path("path", path);
      call(
          "DELE " + p,
          () -> {
            FtpFailures.require(ftp, ftp.deleteFile(p), "DELE " + p, endpoint);
            return null;
          });
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  @Override
  public void deleteRecursively(String path) throws InetkitException {
    try (Operation op = operation("delete " + path)) {
      String dir = path("path", path);
      deleteTree(dir, dir, 0);
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  /**
   * Deletes {@code dir} and everything below it, at most {@link FtpClient#maxMirrorDepth()} deep.
   */
  private void deleteTree(String top, String dir, int depth) throws InetkitException {
    if (depth > config.maxMirrorDepth()) {
      throw new LimitExceededException(
          "delete "
              + SafeNames.abbreviate(top)
              + " stopped at "
              + SafeNames.abbreviate(dir)
              + ": more than "
              + config.maxMirrorDepth()
              + " folders deep (maxMirrorDepth)",
          endpoint,
          config.maxMirrorDepth());
    }
    for (FtpEntry e : list(dir)) {
      String child = SafeNames.join(dir, SafeNames.requirePlainName(e.name(), dir, endpoint));
      if (e.isDirectory()) {
        deleteTree(top, child, depth + 1);
      } else {
        delete(child);
      }
    }
    call(
        "RMD " + dir,
        () -> {
          FtpFailures.require(ftp, ftp.removeDirectory(dir), "RMD " + dir, endpoint);
          return null;
        });
  }

  @Override
  public void rename(String from, String to) throws InetkitException {
    try (Operation op = operation("rename " + from)) {
      String f = path("from", from);
      String t = path("to", to);
      // Two steps, so a missing source (550 to RNFR) is told apart from a refused target.
      call(
          "RNFR " + f,
          () -> {
            if (!FTPReply.isPositiveIntermediate(ftp.rnfr(f))) {
              throw FtpFailures.refused(ftp, "RNFR " + f, endpoint);
            }
            return null;
          });
      InetkitException refused =
          call(
              "RNTO " + t,
              () -> {
                int code = ftp.rnto(t);
                return FTPReply.isPositiveCompletion(code)
                    ? null
                    : FtpFailures.refused(ftp, "RNTO " + t, endpoint);
              });
      if (refused instanceof ProtocolReplyException p && !sourceExists(f)) {
        // some servers (Apache FtpServer) accept RNFR for any name and refuse only RNTO
        throw new io.inetkit.core.NotFoundException("RNFR " + f, endpoint, p.reply(), p);
      }
      if (refused != null) {
        throw refused;
      }
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  /** Whether {@code path} is listed in its folder (after a refused rename, to tell why). */
  private boolean sourceExists(String path) {
    int slash = path.lastIndexOf('/');
    String parent = slash < 0 ? "." : slash == 0 ? "/" : path.substring(0, slash);
    String name = path.substring(slash + 1);
    try {
      return list(parent).stream().anyMatch(e -> e.name().equals(name));
    } catch (InetkitException cannotTell) {
      return true; // keep the server's own refusal
    }
  }

  @Override
  public long size(String path) throws InetkitException {
    try (Operation op = operation("size of " + path)) {
      String p = path("path", path);
      long size = sizeOrUnknown(p);
      if (size < 0 && FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
        throw new ProtocolViolationException(
            "SIZE " + p + ": not a size: " + Inputs.quote(ftp.getReplyString().strip()),
            endpoint,
            null);
      }
      if (size < 0) {
        throw new ProtocolReplyException("SIZE " + p, endpoint, FtpFailures.lastReply(ftp), null);
      }
      return size;
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  @Override
  public Instant modificationTime(String path) throws InetkitException {
    try (Operation op = operation("modification time of " + path)) {
      String p = path("path", path);
      return call(
          "MDTM " + p,
          () -> {
            Instant t = ftp.mdtmInstant(p);
            if (t == null) {
              throw FtpFailures.refused(ftp, "MDTM " + p, endpoint);
            }
            return t;
          });
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  @Override
  public void setModificationTime(String path, Instant time) throws InetkitException {
    try (Operation op = operation("set modification time of " + path)) {
      String p = path("path", path);
      String stamp = MFMT.format(java.util.Objects.requireNonNull(time, "time"));
      if (!features.has("MFMT") && features.has("MDTM")) {
        // vsftpd and others set times with "MDTM time path" (mdtm_write) and have no MFMT
        call(
            "MDTM " + stamp + " " + p,
            () -> {
              FtpFailures.require(
                  ftp,
                  ftp.sendCommand("MDTM", stamp + " " + p),
                  "MDTM " + stamp + " " + p,
                  endpoint);
              return null;
            });
        return;
      }
      call(
          "MFMT " + stamp + " " + p,
          () -> {
            FtpFailures.require(
                ftp, ftp.setModificationTime(p, stamp), "MFMT " + stamp + " " + p, endpoint);
            return null;
          });
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  @Override
  public Reply command(String commandLine) throws InetkitException {
    try (Operation op = operation("command")) {
      String line =
          Inputs.requireMaxLength(
              "commandLine", Inputs.requireNonEmpty("commandLine", commandLine), 1024);
      String verb = line.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
      if (Set.of(
              "RETR", "STOR", "STOU", "APPE", "LIST", "NLST", "MLSD", "PASV", "EPSV", "PORT",
              "EPRT", "AUTH", "PROT", "PBSZ", "CCC", "REIN")
          .contains(verb)) {
        throw new InvalidInputException(
            "commandLine", verb + " would confuse the session; use the session's methods");
      }
      String shown = io.inetkit.core.Redaction.command(line);
      return call(
          shown,
          () -> {
            int code = ftp.sendCommand(line);
            Reply reply = FtpFailures.lastReply(ftp);
            if (code >= 400) {
              throw new ProtocolReplyException(shown, endpoint, reply, null);
            }
            return reply;
          });
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  /** Returns the TLS socket of the last data connection, or null; for tests of session reuse. */
  public SSLSocket lastDataSocket() {
    return ftp.lastDataSocket();
  }

  /** Returns the control socket; for tests of session reuse. */
  public Socket controlSocket() {
    return ftp.controlSocket();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (ftp.isConnected()) {
        ftp.setSoTimeout(Math.min(5000, config.timeouts().readMillis()));
        ftp.logout();
      }
    } catch (IOException ignored) {
      // closing anyway
    } finally {
      io.inetkit.core.internal.Connector.closeQuietly(ftp::disconnect);
      deadline.close();
      events.closed(endpoint);
    }
  }
}
