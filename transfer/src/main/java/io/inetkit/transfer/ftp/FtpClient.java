package io.inetkit.transfer.ftp;

import io.inetkit.core.ConnectionSettings;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.FtpUrl;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.ProgressListener;
import io.inetkit.core.Proxies;
import io.inetkit.core.Proxy;
import io.inetkit.core.Scheme;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.core.internal.Inputs;
import io.inetkit.core.internal.SettingsBuilder;
import io.inetkit.transfer.ftp.internal.CommonsNetFtpSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * An immutable, thread-safe FTP/FTPS client configuration; {@link #open()} connects a {@link
 * FtpSession}. Defaults are the safe ones, not Commons Net's: a login with a password requires
 * explicit FTPS ({@code AUTH TLS}, then {@code PROT P}; implicit on port 990) with certificate and
 * host-name verification, and never sends the password in clear (a server without TLS fails with
 * {@link io.inetkit.core.TlsException} before it, unless {@link TlsMode#NONE} is chosen); anonymous
 * logins stay plain (see {@link #defaultTlsMode}), passive mode that always connects to the control
 * connection's peer, binary type, 256 KiB buffers, finite timeouts, bounded replies and listings,
 * and three automatic reconnect-and-resume retries for {@link Path} transfers.
 *
 * <pre>{@code
 * FtpClient client = FtpClient.builder()
 *     .endpoint("ftp.example.org", 21)
 *     .credentials(Credentials.fromEnvironment("alice", "FTP_PASSWORD"))
 *     .build();
 * try (FtpSession ftp = client.open()) {
 *   ftp.get("/pub/big.iso", Path.of("big.iso"), GetOptions.DEFAULT.withResume(true));
 * }
 * FtpClient plainAnonymous = client.newBuilder().tlsMode(TlsMode.NONE).anonymous().build();
 * }</pre>
 *
 * <p><b>TLS session reuse.</b> Every data connection resumes the control connection's TLS session,
 * as vsftpd demands by default ({@code require_ssl_reuse=YES}). With TLS 1.3 that works as is. With
 * TLS 1.2, vsftpd (on OpenSSL) accepts resumption by session ID but not the JDK's session tickets,
 * so each session uses {@link Trust#withSessionIdResumption()}: no JVM flag is needed. If the JVM
 * property {@code jdk.tls.client.enableSessionTicketExtension} is set, it wins; a {@code 522} then
 * fails the transfer with an {@link io.inetkit.core.TlsException} that names the remedies.
 *
 * <p><b>Listings</b> use MLSD when the server's FEAT lists MLST, else LIST parsed for the server's
 * SYST type (Unix, Windows and the other Commons Net parsers). <b>IPv6</b> servers are reached with
 * EPSV (passive) or EPRT (active).
 *
 * <p><b>ASCII</b> ({@link TransferType#ASCII}) converts line ends, so the local byte count differs
 * from the server's SIZE and a byte offset in one copy is not the same place in the other: ASCII
 * transfers skip the size check, never resume with REST or APPE (a dropped {@link Path} transfer,
 * or {@link GetOptions#resume()}, starts again from zero), and refuse {@link
 * GetOptions#verifyChecksum()}.
 */
public final class FtpClient {
  /** The default copy buffer: 256 KiB. */
  public static final int DEFAULT_BUFFER_SIZE = 256 * 1024;

  /** The connection settings as set on the builder, unresolved, for {@link #newBuilder()}. */
  private final SettingsBuilder requested;

  private final ConnectionSettings settings;

  /** As set on the builder; null when it follows the read timeout. */
  private final Duration requestedDataTimeout;

  private final Duration dataTimeout;
  private final Duration keepAlive;
  private final DataConnectionMode dataConnectionMode;
  private final TransferType transferType;
  private final int bufferSize;
  private final long maxFileSize;
  private final int maxReplyLineLength;
  private final int maxListingEntries;
  private final int retries;
  private final long rateLimit;
  private final int maxMirrorDepth;
  private final long maxMirrorEntries;
  private final ProgressListener progressListener;

  private FtpClient(Builder b, ConnectionSettings settings) {
    this.requested = b.conn.copy();
    this.settings = settings;
    this.requestedDataTimeout = b.dataTimeout;
    this.dataTimeout = b.dataTimeout != null ? b.dataTimeout : settings.timeouts().read();
    this.keepAlive = b.keepAlive;
    this.dataConnectionMode = b.dataConnectionMode;
    this.transferType = b.transferType;
    this.bufferSize = b.bufferSize;
    this.maxFileSize = b.maxFileSize;
    this.maxReplyLineLength = b.maxReplyLineLength;
    this.maxListingEntries = b.maxListingEntries;
    this.retries = b.retries;
    this.rateLimit = b.rateLimit;
    this.maxMirrorDepth = b.maxMirrorDepth;
    this.maxMirrorEntries = b.maxMirrorEntries;
    this.progressListener = b.progressListener;
  }

  /**
   * The TLS mode used when none is set, one rule for the library and the {@code inetkit ftp}
   * command: {@link TlsMode#IMPLICIT} on port 990; {@link TlsMode#NONE} for an anonymous login
   * (user {@code anonymous} or {@code ftp}: public servers, nothing secret to protect); {@link
   * TlsMode#STARTTLS_REQUIRED} for any other login, so a password goes only over verified TLS.
   *
   * @param endpoint the server
   * @param credentials the login, or {@code null} for anonymous
   * @return the TLS mode a client without one uses for this server
   */
  public static TlsMode defaultTlsMode(Endpoint endpoint, Credentials credentials) {
    if (endpoint.port() == 990) {
      return TlsMode.IMPLICIT;
    }
    String user = credentials.user();
    boolean anonymous = user.equalsIgnoreCase("anonymous") || user.equalsIgnoreCase("ftp");
    return anonymous ? TlsMode.NONE : TlsMode.STARTTLS_REQUIRED;
  }

  /** {@return a builder with the safe defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this client's settings, to derive a variant} */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * Connects, secures (per {@link #tlsMode()}), logs in, and returns the session.
   *
   * @return an open, logged-in session; close it when done
   * @throws io.inetkit.core.ConnectionException when the server cannot be reached
   * @throws io.inetkit.core.TlsException when TLS fails or {@code AUTH TLS} is refused while
   *     required (then no credentials were sent)
   * @throws io.inetkit.core.AuthenticationException when the server refuses the login
   * @throws InetkitException for other failures (timeouts, malformed replies)
   */
  public FtpSession open() throws InetkitException {
    return CommonsNetFtpSession.open(this);
  }

  /**
   * Asks the server what it offers (its FEAT reply) without logging in: connects, secures per
   * {@link #tlsMode()}, sends FEAT, and closes. No credentials are sent (so this works on servers
   * that refuse anonymous logins) unless the server answers FEAT with 530, not logged in; then it
   * logs in and asks again.
   *
   * @return the features; {@link FtpFeatures#NONE} when the server does not know FEAT
   * @throws io.inetkit.core.ConnectionException when the server cannot be reached
   * @throws io.inetkit.core.TlsException when TLS fails or {@code AUTH TLS} is refused while
   *     required
   */
  public FtpFeatures features() throws InetkitException {
    return CommonsNetFtpSession.features(this);
  }

  /**
   * Opens a session, downloads {@code remote} to {@code local} (a file, or an existing folder that
   * receives the remote name), and closes. The local folder is checked before connecting.
   *
   * @param remote the remote file's path (relative to the login folder unless it starts with {@code
   *     /})
   * @param local the local file to write, or an existing folder to write into
   * @param options resume and checksum options (see {@link GetOptions})
   * @return what was transferred: bytes, time and checksum
   * @throws io.inetkit.core.LocalFileException when the folder to save into does not exist
   */
  public FtpTransfer get(String remote, Path local, GetOptions options) throws InetkitException {
    io.inetkit.core.LocalPaths.downloadTarget(local, remote, "download");
    try (FtpSession session = open()) {
      return session.get(remote, local, options);
    }
  }

  /**
   * {@link #get(String, Path, GetOptions)} with {@link GetOptions#DEFAULT}.
   *
   * @param remote the remote file's path (relative to the login folder unless it starts with {@code
   *     /})
   * @param local the local file to write, or an existing folder to write into
   * @return what was transferred: bytes, time and checksum
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public FtpTransfer get(String remote, Path local) throws InetkitException {
    return get(remote, local, GetOptions.DEFAULT);
  }

  /**
   * Opens a session, uploads {@code local} to {@code remote}, and closes. The local file is checked
   * before connecting.
   *
   * @param local the local file to upload
   * @param remote the remote file's path (relative to the login folder unless it starts with {@code
   *     /})
   * @param options resume, atomic and checksum options (see {@link PutOptions})
   * @return what was transferred: bytes, time and checksum
   * @throws io.inetkit.core.LocalFileException when {@code local} is missing, a folder or
   *     unreadable
   */
  public FtpTransfer put(Path local, String remote, PutOptions options) throws InetkitException {
    io.inetkit.core.LocalPaths.uploadSource(local);
    try (FtpSession session = open()) {
      return session.put(local, remote, options);
    }
  }

  /**
   * {@link #put(Path, String, PutOptions)} with {@link PutOptions#DEFAULT}.
   *
   * @param local the local file to upload
   * @param remote the remote file's path (relative to the login folder unless it starts with {@code
   *     /})
   * @return what was transferred: bytes, time and checksum
   * @throws InetkitException when the server refuses, the connection fails or a limit is exceeded
   */
  public FtpTransfer put(Path local, String remote) throws InetkitException {
    return put(local, remote, PutOptions.DEFAULT);
  }

  /**
   * {@return the connection settings, resolved: server, TLS mode (derived by {@link
   * #defaultTlsMode} when none was set), trust, login (always present: anonymous by default),
   * timeouts and event listener}
   */
  public ConnectionSettings settings() {
    return settings;
  }

  /** {@return which proxy connections go through (default {@link Proxies#NONE}: directly)} */
  public Proxies proxy() {
    return settings.proxy();
  }

  /** {@return the server} */
  public Endpoint endpoint() {
    return settings.endpoint();
  }

  /** {@return how TLS is used (default: {@link #defaultTlsMode})} */
  public TlsMode tlsMode() {
    return settings.tlsMode();
  }

  /** {@return which certificates are trusted (default {@link Trust#system()})} */
  public Trust trust() {
    return settings.trust();
  }

  /** {@return who logs in (default anonymous)} */
  public Credentials credentials() {
    return settings.credentials().orElseThrow();
  }

  /** {@return connect and control-connection read timeouts (default {@link Timeouts#DEFAULT})} */
  public Timeouts timeouts() {
    return settings.timeouts();
  }

  /** {@return how long a data connection may stay silent (default: the read timeout)} */
  public Duration dataTimeout() {
    return dataTimeout;
  }

  /** {@return how often a NOOP is sent on the idle control connection during a transfer} */
  public Duration keepAlive() {
    return keepAlive;
  }

  /** {@return passive (default) or active} */
  public DataConnectionMode dataConnectionMode() {
    return dataConnectionMode;
  }

  /** {@return binary (default) or ASCII} */
  public TransferType transferType() {
    return transferType;
  }

  /** {@return the largest copy buffer a transfer uses, in bytes (default 256 KiB)} */
  public int bufferSize() {
    return bufferSize;
  }

  /** {@return the largest file accepted for download, in bytes (default unlimited)} */
  public long maxFileSize() {
    return maxFileSize;
  }

  /** {@return the longest reply or listing line accepted, in bytes (default 8192)} */
  public int maxReplyLineLength() {
    return maxReplyLineLength;
  }

  /**
   * {@return the most entries one listing may have (default 100 000); a listing may also have at
   * most 256 bytes per allowed entry in all (25.6 MB by default), so memory stays bounded whatever
   * the server sends} More is a {@link io.inetkit.core.LimitExceededException}.
   */
  public int maxListingEntries() {
    return maxListingEntries;
  }

  /** {@return how often a dropped {@link Path} transfer is reconnected and resumed (default 3)} */
  public int retries() {
    return retries;
  }

  /** {@return the rate limit in bytes per second, 0 for none (the default)} */
  public long rateLimit() {
    return rateLimit;
  }

  /**
   * {@return how many folders deep {@link FtpSession#mirrorDown mirrorDown} and {@link
   * FtpSession#deleteRecursively deleteRecursively} go below the folder they were given (default
   * 64): deeper is a {@link io.inetkit.core.LimitExceededException}, so a server that shows an
   * endless tree cannot make them recurse for ever}
   */
  public int maxMirrorDepth() {
    return maxMirrorDepth;
  }

  /**
   * {@return how many entries (files and folders) one {@link FtpSession#mirrorDown mirrorDown}
   * visits at most (default 1 000 000); more is a {@link io.inetkit.core.LimitExceededException}}
   */
  public long maxMirrorEntries() {
    return maxMirrorEntries;
  }

  /** {@return the progress listener (default {@link ProgressListener#NONE})} */
  public ProgressListener progressListener() {
    return progressListener;
  }

  /** {@return the event listener (default {@link EventListener#NONE})} */
  public EventListener eventListener() {
    return settings.eventListener();
  }

  /** {@return a description without secrets} */
  @Override
  public String toString() {
    return SettingsBuilder.describe("FtpClient", settings);
  }

  /**
   * Builds an {@link FtpClient}; setters validate at once and are named like the accessors.
   *
   * <pre>{@code
   * FtpClient client = FtpClient.builder().endpoint(Endpoint.parse("ftp.example.org:2121", 21))
   *     .tlsMode(TlsMode.IMPLICIT).trust(Trust.fromFile(Path.of("ca.pem")))
   *     .maxFileSize(10L << 30).rateLimit(5_000_000).retries(5).build();
   * }</pre>
   */
  public static final class Builder {
    private final SettingsBuilder conn;
    private Duration dataTimeout;
    private Duration keepAlive = Duration.ofMinutes(2);
    private DataConnectionMode dataConnectionMode = DataConnectionMode.PASSIVE;
    private TransferType transferType = TransferType.BINARY;
    private int bufferSize = DEFAULT_BUFFER_SIZE;
    private long maxFileSize = Long.MAX_VALUE;
    private int maxReplyLineLength = 8192;
    private int maxListingEntries = 100_000;
    private int retries = 3;
    private long rateLimit;
    private int maxMirrorDepth = 64;
    private long maxMirrorEntries = 1_000_000;
    private ProgressListener progressListener = ProgressListener.NONE;

    private Builder() {
      conn = new SettingsBuilder();
      conn.credentials(anonymousCredentials());
    }

    private Builder(FtpClient c) {
      conn = c.requested.copy();
      dataTimeout = c.requestedDataTimeout;
      keepAlive = c.keepAlive;
      dataConnectionMode = c.dataConnectionMode;
      transferType = c.transferType;
      bufferSize = c.bufferSize;
      maxFileSize = c.maxFileSize;
      maxReplyLineLength = c.maxReplyLineLength;
      maxListingEntries = c.maxListingEntries;
      retries = c.retries;
      rateLimit = c.rateLimit;
      maxMirrorDepth = c.maxMirrorDepth;
      maxMirrorEntries = c.maxMirrorEntries;
      progressListener = c.progressListener;
    }

    private static Credentials anonymousCredentials() {
      return Credentials.password("anonymous", "anonymous@".toCharArray());
    }

    /**
     * Takes server, TLS and login from an {@code ftp://} or {@code ftps://} URL: {@code ftps} means
     * {@link TlsMode#IMPLICIT} (on port 990 unless the URL names another), {@code ftp} leaves TLS
     * to {@link FtpClient#defaultTlsMode}; a URL with user and password sets the login. {@link
     * #tlsMode} and {@link #credentials} given before or after still win.
     *
     * @param url an {@code ftp://} or {@code ftps://} URL
     * @return this builder
     * @throws InvalidInputException when {@code url} is not an FTP URL
     */
    public Builder url(InetkitUrl url) {
      conn.url(url, false, Scheme.FTP, Scheme.FTPS);
      return this;
    }

    /**
     * Like {@link #url(InetkitUrl)}; a {@code ;type=a} URL also sets {@link TransferType#ASCII}.
     *
     * @param url a parsed {@code ftp://} or {@code ftps://} URL
     * @return this builder
     */
    public Builder url(FtpUrl url) {
      url(url.url());
      url.typeCode()
          .filter(t -> t == FtpUrl.TypeCode.ASCII)
          .ifPresent(t -> transferType(TransferType.ASCII));
      return this;
    }

    /**
     * Sets the server.
     *
     * @param endpoint the server's host and port
     * @return this builder
     */
    public Builder endpoint(Endpoint endpoint) {
      conn.endpoint(endpoint);
      return this;
    }

    /**
     * Sets the server by host and port.
     *
     * @param host the server's host name or address
     * @param port its port, 1 to 65535
     * @return this builder
     */
    public Builder endpoint(String host, int port) {
      return endpoint(Endpoint.of(host, port));
    }

    /**
     * Sets how TLS is used: {@link TlsMode#NONE}, {@link TlsMode#STARTTLS_REQUIRED} (explicit FTPS,
     * {@code AUTH TLS}), {@link TlsMode#STARTTLS_OPPORTUNISTIC}, or {@link TlsMode#IMPLICIT}.
     * Unset, it follows {@link FtpClient#defaultTlsMode}.
     *
     * @param tlsMode how TLS is used
     * @return this builder
     */
    public Builder tlsMode(TlsMode tlsMode) {
      conn.tlsMode(tlsMode);
      return this;
    }

    /**
     * Sets which certificates are trusted; host names are verified unless insecure.
     *
     * @param trust which certificates are trusted
     * @return this builder
     */
    public Builder trust(Trust trust) {
      conn.trust(trust);
      return this;
    }

    /**
     * Sets who logs in.
     *
     * @param credentials the login
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      conn.credentials(credentials);
      return this;
    }

    /**
     * Logs in as {@code anonymous} (the default).
     *
     * @return this builder
     */
    public Builder anonymous() {
      conn.credentials(anonymousCredentials());
      return this;
    }

    /**
     * Sets connect and control read timeouts; the data timeout follows the read timeout unless
     * {@link #dataTimeout} was set.
     *
     * @param timeouts the connect, read and overall timeouts
     * @return this builder
     */
    public Builder timeouts(Timeouts timeouts) {
      conn.timeouts(timeouts);
      return this;
    }

    /**
     * Sets how long a data connection may stay silent (default: the read timeout).
     *
     * @param dataTimeout how long a data connection may stay silent; positive
     * @return this builder
     */
    public Builder dataTimeout(Duration dataTimeout) {
      this.dataTimeout = Timeouts.DEFAULT.withRead(dataTimeout).read();
      return this;
    }

    /**
     * Sets how often a NOOP keeps the control connection alive during a transfer.
     *
     * @param keepAlive how often to send NOOP on the control connection during a transfer; zero for
     *     never
     * @return this builder
     */
    public Builder keepAlive(Duration keepAlive) {
      Objects.requireNonNull(keepAlive, "keepAlive");
      Inputs.requireRange("keepAlive", keepAlive.toSeconds(), 1, 3600);
      this.keepAlive = keepAlive;
      return this;
    }

    /**
     * Sets passive (default) or active data connections.
     *
     * @param mode passive (the default) or active
     * @return this builder
     */
    public Builder dataConnectionMode(DataConnectionMode mode) {
      this.dataConnectionMode = Objects.requireNonNull(mode, "dataConnectionMode");
      return this;
    }

    /**
     * Sets binary (default) or ASCII transfers.
     *
     * @param type binary (the default) or ASCII
     * @return this builder
     */
    public Builder transferType(TransferType type) {
      this.transferType = Objects.requireNonNull(type, "transferType");
      return this;
    }

    /**
     * Sets the copy buffer size, 8 KiB to 16 MiB: the most a transfer uses; a file whose size is
     * known in advance and smaller gets a buffer (and data-socket buffers) sized to it.
     *
     * @param bytes the buffer size in bytes
     * @return this builder
     */
    public Builder bufferSize(int bytes) {
      this.bufferSize = (int) Inputs.requireRange("bufferSize", bytes, 8 * 1024, 16 * 1024 * 1024);
      return this;
    }

    /**
     * Refuses downloads larger than {@code bytes}: checked with SIZE before transferring, and again
     * on the bytes as they arrive (a server whose SIZE is missing or lies is cut off there, and no
     * file is left behind).
     *
     * @param bytes the largest file accepted, in bytes
     * @return this builder
     */
    public Builder maxFileSize(long bytes) {
      this.maxFileSize = Inputs.requireRange("maxFileSize", bytes, 0, Long.MAX_VALUE);
      return this;
    }

    /**
     * Sets the longest reply or listing line accepted, 512 bytes to 1 MiB.
     *
     * @param bytes the longest reply line accepted, in bytes
     * @return this builder
     */
    public Builder maxReplyLineLength(int bytes) {
      this.maxReplyLineLength =
          (int) Inputs.requireRange("maxReplyLineLength", bytes, 512, 1 << 20);
      return this;
    }

    /**
     * Sets the most entries one listing may have.
     *
     * @param entries the most entries one listing may have
     * @return this builder
     */
    public Builder maxListingEntries(int entries) {
      this.maxListingEntries =
          (int) Inputs.requireRange("maxListingEntries", entries, 1, 100_000_000);
      return this;
    }

    /**
     * Sets how often a dropped transfer is reconnected and resumed, 0 to 100.
     *
     * @param retries how many times a dropped transfer is reconnected and resumed; 0 for never
     * @return this builder
     */
    public Builder retries(int retries) {
      this.retries = (int) Inputs.requireRange("retries", retries, 0, 100);
      return this;
    }

    /**
     * Sets how many folders deep a mirror or recursive delete goes, 1 to 10 000.
     *
     * @param depth the deepest folder level a mirror enters
     * @return this builder
     */
    public Builder maxMirrorDepth(int depth) {
      this.maxMirrorDepth = (int) Inputs.requireRange("maxMirrorDepth", depth, 1, 10_000);
      return this;
    }

    /**
     * Sets how many entries one mirror visits at most, 1 to 10<sup>12</sup>.
     *
     * @param entries the most files and folders one mirror visits
     * @return this builder
     */
    public Builder maxMirrorEntries(long entries) {
      this.maxMirrorEntries =
          Inputs.requireRange("maxMirrorEntries", entries, 1, 1_000_000_000_000L);
      return this;
    }

    /**
     * Limits transfers to {@code bytesPerSecond}; 0 removes the limit.
     *
     * @param bytesPerSecond the most bytes per second a transfer moves; 0 for no limit
     * @return this builder
     */
    public Builder rateLimit(long bytesPerSecond) {
      this.rateLimit = Inputs.requireRange("rateLimit", bytesPerSecond, 0, Long.MAX_VALUE);
      return this;
    }

    /**
     * Sets the listener told about transfer progress.
     *
     * @param listener receives progress snapshots of every transfer
     * @return this builder
     */
    public Builder progressListener(ProgressListener listener) {
      this.progressListener = Objects.requireNonNull(listener, "progressListener");
      return this;
    }

    /**
     * Sends every connection through {@code proxy} (SOCKS5 or HTTP CONNECT); TLS is still
     * negotiated with, and verified against, the server. Default: direct.
     *
     * @param proxy the proxy
     * @return this builder
     */
    public Builder proxy(Proxy proxy) {
      return proxy(Proxies.of(proxy));
    }

    /**
     * Sets which connections go through which proxy (default {@link Proxies#NONE}: all direct);
     * {@link Proxies#fromEnvironment()} follows curl's variables, {@code NO_PROXY} included.
     *
     * @param proxy the proxies
     * @return this builder
     */
    public Builder proxy(Proxies proxy) {
      conn.proxy(proxy);
      return this;
    }

    /**
     * Sets the listener told about connections, commands (redacted), replies and transfers.
     *
     * @param listener receives the session's events
     * @return this builder
     */
    public Builder eventListener(EventListener listener) {
      conn.eventListener(listener);
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException when no endpoint was set
     * @throws InvalidInputException when the settings contradict each other
     */
    public FtpClient build() {
      ConnectionSettings settings =
          conn.build((endpoint, login) -> defaultTlsMode(endpoint, login.orElseThrow()));
      if (settings.tlsMode() == TlsMode.IMPLICIT && settings.endpoint().port() == 21) {
        throw new InvalidInputException(
            "tlsMode", "IMPLICIT TLS on port 21 will not work; use STARTTLS_REQUIRED or port 990");
      }
      return new FtpClient(this, settings);
    }
  }
}
