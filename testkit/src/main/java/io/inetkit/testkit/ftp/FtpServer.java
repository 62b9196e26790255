package io.inetkit.testkit.ftp;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.Trust;
import io.inetkit.testkit.BindAddress;
import io.inetkit.testkit.tls.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.command.CommandFactoryFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.TransferRatePermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * An FTP server on 127.0.0.1 for tests, on Apache FtpServer: one listener for plain FTP that also
 * offers explicit FTPS ({@code AUTH TLS}, {@code PROT P}), and one implicit-FTPS listener. Both
 * bind port 0 and passive data connections use free ports on 127.0.0.1. The TLS certificate comes
 * from a {@link TestPki}, so clients verify it for real with {@link #clientTrust()}.
 *
 * <p>Besides Apache FtpServer's commands it answers {@code XSHA256 path} with the file's SHA-256
 * and lists it (and {@code EPSV}) in {@code FEAT}, for clients that verify checksums.
 *
 * <p>Each user has a home folder under a temp directory that {@link #close()} deletes. By default
 * there are the testkit's default users (as on every testkit server): a writable user {@code
 * alice}/{@code alice-secret} and a read-only user {@code bob}/{@code bob-secret} ({@link
 * FtpUser#DEFAULTS}).
 *
 * <pre>{@code
 * try (FtpServer ftp = FtpServer.start()) {
 *   ftp.put("bob", "pub/hello.txt", "hi".getBytes(UTF_8));      // a file to download
 *   FTPSClient client = ...;                                      // connect to ftp.endpoint()
 *   client.login(ftp.writer().name(), ftp.writer().password());
 *   ...
 *   assertThat(ftp.read("alice", "upload.bin")).isEqualTo(expected);
 * }
 * }</pre>
 */
public final class FtpServer implements AutoCloseable {
  /** The default writable user: {@link FtpUser#ALICE} ({@code alice}/{@code alice-secret}). */
  public static final FtpUser DEFAULT_WRITER = FtpUser.ALICE;

  /** The default read-only user: {@link FtpUser#BOB} ({@code bob}/{@code bob-secret}). */
  public static final FtpUser DEFAULT_READER = FtpUser.BOB;

  private final String host;

  private final org.apache.ftpserver.FtpServer server;
  private final TestPki pki;
  private final Path root;
  private final Map<String, FtpUser> users; // guarded by this: user(...) adds while running
  private volatile UserManager userManager;
  private final int port;
  private final int implicitTlsPort;

  private FtpServer(Builder b) throws IOException {
    this.pki = b.pki == null ? TestPki.shared() : b.pki;
    this.host = b.bind.urlHost();
    this.users = new LinkedHashMap<>(b.users);
    this.root = Files.createTempDirectory("inetkit-ftp-");
    boolean started = false;
    try {
      FtpServerFactory factory = new FtpServerFactory();
      this.userManager = userManager();
      factory.setUserManager(userManager);
      CommandFactoryFactory commands = new CommandFactoryFactory();
      commands.addCommand("FEAT", new FeatCommand(b.mlst));
      // FtpServer strips the X of four-letter-plus commands (XMKD -> MKD): XSHA256 arrives as
      // SHA256.
      commands.addCommand("SHA256", new Xsha256Command());
      factory.setCommandFactory(commands.createCommandFactory());
      ConnectionConfigFactory connections = new ConnectionConfigFactory();
      connections.setMaxLogins(200);
      connections.setMaxThreads(0);
      connections.setAnonymousLoginEnabled(users.containsKey("anonymous"));
      connections.setMaxAnonymousLogins(200);
      connections.setMaxLoginFailures(1000);
      connections.setLoginFailureDelay(0);
      factory.setConnectionConfig(connections.createConnectionConfig());
      LoopbackSslConfiguration ssl =
          new LoopbackSslConfiguration(
              b.identity == null ? pki.serverSslContext() : b.identity.sslContext(),
              b.tlsProtocols);
      factory.addListener("default", listener(ssl, false, b.idleTimeoutSeconds, b.bind, b.port));
      factory.addListener(
          "implicit", listener(ssl, true, b.idleTimeoutSeconds, b.bind, b.implicitTlsPort));
      this.server = factory.createServer();
      server.start();
      this.port = ((Listener) factory.getListener("default")).getPort();
      this.implicitTlsPort = ((Listener) factory.getListener("implicit")).getPort();
      started = true;
    } catch (FtpException e) {
      throw new IOException("cannot start the FTP server: " + e.getMessage(), e);
    } finally {
      if (!started) {
        deleteTree(root);
      }
    }
  }

  /**
   * Starts a server with the default users {@link #DEFAULT_WRITER} and {@link #DEFAULT_READER}.
   *
   * @return the running server; close it to stop
   * @throws java.io.IOException when a listener cannot be bound or the home folders cannot be made
   */
  public static FtpServer start() throws IOException {
    return builder().start();
  }

  /** {@return a builder for a server with other users or TLS material} */
  public static Builder builder() {
    return new Builder();
  }

  private static Listener listener(
      LoopbackSslConfiguration ssl, boolean implicit, int idleSeconds, BindAddress bind, int port) {
    DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
    if (!bind.address().isAnyLocalAddress()) {
      // on 0.0.0.0, passive data ports open on the address the control connection came in on
      data.setPassiveAddress(bind.toString());
      data.setPassiveExternalAddress(bind.toString());
      data.setActiveLocalAddress(bind.toString());
    }
    data.setPassivePorts("0");
    data.setIdleTime(idleSeconds);
    data.setSslConfiguration(ssl);
    data.setImplicitSsl(implicit);
    ListenerFactory listener = new ListenerFactory();
    listener.setServerAddress(bind.toString());
    listener.setPort(port);
    listener.setIdleTimeout(idleSeconds);
    listener.setSslConfiguration(ssl);
    listener.setImplicitSsl(implicit);
    listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
    listener.setSessionFilter(new NoDelaySessionFilter());
    return listener.createListener();
  }

  private UserManager userManager() throws FtpException, IOException {
    PropertiesUserManagerFactory factory = new PropertiesUserManagerFactory();
    factory.setPasswordEncryptor(new ClearTextPasswordEncryptor());
    UserManager manager = factory.createUserManager();
    for (FtpUser user : users.values()) {
      save(manager, user);
    }
    return manager;
  }

  private void save(UserManager manager, FtpUser user) throws FtpException, IOException {
    Path home = Files.createDirectories(root.resolve(user.name()));
    BaseUser u = new BaseUser();
    u.setName(user.name());
    u.setPassword(user.password());
    u.setHomeDirectory(home.toString());
    u.setEnabled(true);
    List<Authority> authorities = new ArrayList<>();
    authorities.add(new ConcurrentLoginPermission(0, 0));
    authorities.add(new TransferRatePermission(0, 0));
    if (user.access() == FtpUser.Access.READ_WRITE) {
      authorities.add(new WritePermission());
    }
    u.setAuthorities(authorities);
    manager.save(u);
  }

  /**
   * Adds (or replaces) a user while the server runs, with an empty home folder if it had none; the
   * next login may use it.
   *
   * @param user the user to add; one with the same name is replaced
   * @return this server
   */
  public synchronized FtpServer user(FtpUser user) {
    Objects.requireNonNull(user, "user");
    try {
      save(userManager, user);
    } catch (FtpException e) {
      throw new IllegalStateException(
          "cannot add FTP user " + user.name() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    users.put(user.name(), user);
    return this;
  }

  /**
   * {@return the address clients on this machine connect to: {@code 127.0.0.1} unless bound
   * elsewhere}
   */
  public String host() {
    return host;
  }

  /** {@return the port of the plain FTP listener, which also offers explicit FTPS (AUTH TLS)} */
  public int port() {
    return port;
  }

  /** {@return the port of the implicit-FTPS listener (TLS from the first byte)} */
  public int implicitTlsPort() {
    return implicitTlsPort;
  }

  /** {@return {@code 127.0.0.1:port()}} */
  public Endpoint endpoint() {
    return Endpoint.of(host, port);
  }

  /** {@return {@code 127.0.0.1:implicitTlsPort()}} */
  public Endpoint implicitTlsEndpoint() {
    return Endpoint.of(host, implicitTlsPort);
  }

  /** {@return the TLS material the server presents (its CA is what clients must trust)} */
  public TestPki pki() {
    return pki;
  }

  /** {@return the {@link Trust} that verifies this server's certificate (and host name)} */
  public Trust clientTrust() {
    return pki.clientTrust();
  }

  /** {@return the first writable user (by default {@link #DEFAULT_WRITER})} */
  public FtpUser writer() {
    return firstWith(FtpUser.Access.READ_WRITE);
  }

  /** {@return the first read-only user (by default {@link #DEFAULT_READER})} */
  public FtpUser reader() {
    return firstWith(FtpUser.Access.READ_ONLY);
  }

  /** {@return every configured user} */
  public synchronized List<FtpUser> users() {
    return List.copyOf(users.values());
  }

  private synchronized FtpUser firstWith(FtpUser.Access access) {
    return users.values().stream()
        .filter(u -> u.access() == access && !u.name().equals("anonymous"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + access + " user configured"));
  }

  /**
   * {@return the home folder of {@code user} on the local disk}
   *
   * @param user the user's login name
   */
  public synchronized Path home(String user) {
    if (!users.containsKey(user)) {
      throw new InvalidInputException("user", "no such FTP user: " + user);
    }
    return root.resolve(user);
  }

  /**
   * Writes {@code bytes} to {@code path} (relative to the user's home, parents created), for a
   * client to download. Returns the local file.
   *
   * @param user the user's login name
   * @param path the file's path relative to the user's home
   * @param bytes the file's content
   * @return the local file written
   */
  public Path put(String user, String path, byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    Path file = resolve(user, path);
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@return the bytes of {@code path} in the user's home, e.g. after a client uploaded it}
   *
   * @param user the user's login name
   * @param path the file's path relative to the user's home
   */
  public byte[] read(String user, String path) {
    try {
      return Files.readAllBytes(resolve(user, path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@return whether {@code path} exists in the user's home}
   *
   * @param user the user's login name
   * @param path the path relative to the user's home
   */
  public boolean exists(String user, String path) {
    return Files.exists(resolve(user, path));
  }

  /**
   * {@return the local file for {@code path} relative to the user's home, refusing escapes}
   *
   * @param user the user's login name
   * @param path the path relative to the user's home
   */
  public Path resolve(String user, String path) {
    Path home = home(user);
    String relative = path.startsWith("/") ? path.substring(1) : path;
    Path file = home.resolve(relative).normalize();
    if (!file.startsWith(home)) {
      throw new InvalidInputException("path", "outside the home of " + user + ": " + path);
    }
    return file;
  }

  /** Stops both listeners and deletes every home folder. Idempotent. */
  @Override
  public void close() {
    if (!server.isStopped()) {
      server.stop();
    }
    deleteTree(root);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  /**
   * Configures an {@link FtpServer} before it starts.
   *
   * <pre>{@code
   * FtpServer ftp = FtpServer.builder()
   *     .user(new FtpUser("bob", "pw", FtpUser.Access.READ_WRITE))
   *     .anonymous()
   *     .start();
   * }</pre>
   */
  public static final class Builder {
    private final Map<String, FtpUser> users = new LinkedHashMap<>();
    private TestPki pki;
    private TestPki.ServerIdentity identity;
    private String[] tlsProtocols = {"TLSv1.3", "TLSv1.2"};
    private int idleTimeoutSeconds = 60;
    private BindAddress bind = BindAddress.LOOPBACK;
    private boolean mlst = true;
    private boolean defaults = true;
    private int port;
    private int implicitTlsPort;

    private Builder() {}

    /**
     * Listens (control and passive data) on {@code address} instead of {@code 127.0.0.1}.
     *
     * @param address the address to listen on
     * @return this builder
     */
    public Builder bindAddress(BindAddress address) {
      this.bind = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Binds the plain/explicit-FTPS listener and the implicit-FTPS listener to these fixed ports
     * (default 0 and 0: free ports). Passive data ports stay free ports.
     *
     * @param port the plain/explicit-FTPS port, or 0 for a free port
     * @param implicitTlsPort the implicit-FTPS port, or 0 for a free port
     * @return this builder
     */
    public Builder ports(int port, int implicitTlsPort) {
      for (int p : new int[] {port, implicitTlsPort}) {
        if (p < 0 || p > 65_535) {
          throw new InvalidInputException("port", "must be 0..65535, was " + p);
        }
      }
      this.port = port;
      this.implicitTlsPort = implicitTlsPort;
      return this;
    }

    /**
     * Adds a user (the default users are then left out). Call again for more users.
     *
     * @param user the user to add
     * @return this builder
     */
    public Builder user(FtpUser user) {
      Objects.requireNonNull(user, "user");
      if (defaults) {
        defaults = false;
        users.clear();
      }
      users.put(user.name(), user);
      return this;
    }

    /**
     * Also lets {@code anonymous} log in (any password), read-only, with its own home.
     *
     * @return this builder
     */
    public Builder anonymous() {
      users.put("anonymous", new FtpUser("anonymous", "", FtpUser.Access.READ_ONLY));
      return this;
    }

    /**
     * Uses this TLS material instead of {@link TestPki#shared()}.
     *
     * @param pki the CA and certificates to use
     * @return this builder
     */
    public Builder pki(TestPki pki) {
      this.pki = Objects.requireNonNull(pki, "pki");
      return this;
    }

    /**
     * Presents {@code identity} (say {@code pki.issue("wrong.example")}, for host-name mismatch
     * tests) instead of the certificate for localhost, 127.0.0.1 and ::1.
     *
     * @param identity the certificate and key to present
     * @return this builder
     */
    public Builder identity(TestPki.ServerIdentity identity) {
      this.identity = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /**
     * Restricts TLS to these protocols, e.g. {@code "TLSv1.2"} (default TLS 1.3 and 1.2).
     *
     * @param protocols the TLS protocol names to allow
     * @return this builder
     */
    public Builder tlsProtocols(String... protocols) {
      if (protocols.length == 0) {
        throw new InvalidInputException("protocols", "at least one TLS protocol is needed");
      }
      this.tlsProtocols = protocols.clone();
      return this;
    }

    /**
     * How long the server keeps an idle control or data connection (default 60 s).
     *
     * @param idle how long an idle connection is kept
     * @return this builder
     */
    public Builder idleTimeout(java.time.Duration idle) {
      long s = idle.toSeconds();
      if (s < 1 || s > 3600) {
        throw new InvalidInputException("idle", "must be 1 s to 1 h, was " + idle);
      }
      this.idleTimeoutSeconds = (int) s;
      return this;
    }

    /**
     * Leaves MLST out of FEAT, so clients list with LIST, whose times have minute precision for
     * recent files (as on vsftpd, which has no MLST); MDTM still gives exact times.
     *
     * @return this builder
     */
    public Builder withoutMlst() {
      this.mlst = false;
      return this;
    }

    /**
     * Starts the server.
     *
     * @return the running server; close it to stop
     * @throws java.io.IOException when a listener cannot be bound or the home folders cannot be
     *     made
     */
    public FtpServer start() throws IOException {
      if (defaults) {
        users.putIfAbsent(DEFAULT_WRITER.name(), DEFAULT_WRITER);
        users.putIfAbsent(DEFAULT_READER.name(), DEFAULT_READER);
      }
      return new FtpServer(this);
    }
  }
}
