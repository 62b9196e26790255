package io.inetkit.testkit;

import io.inetkit.core.Trust;
import io.inetkit.testkit.ftp.FtpServer;
import io.inetkit.testkit.ftp.FtpUser;
import io.inetkit.testkit.gopher.GopherServer;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import io.inetkit.testkit.telnet.TelnetServer;
import io.inetkit.testkit.tls.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * One entry point to the testkit servers: starts any subset of SMTP, IMAP, POP3, FTP, Telnet and
 * Gopher on 127.0.0.1 (in parallel), all with certificates from ONE {@link TestPki}, so one CA file
 * ({@link #caPemFile()}) or one {@link #clientTrust()} verifies every TLS listener, and the same
 * users on every protocol.
 *
 * <pre>{@code
 * try (InetkitServers servers = InetkitServers.start()) {     // all six, free ports
 *   String imaps = servers.url(InetkitServers.Listener.IMAPS);  // imaps://127.0.0.1:41234
 *   Trust trust = servers.clientTrust();                         // verifies CA and host name
 *   servers.services().forEach(System.out::println);             // one line per listener
 *   servers.mail().waitForMessages(1, Duration.ofSeconds(5));
 *   servers.reset();                                             // between tests
 * }
 *
 * InetkitServers some = InetkitServers.builder()
 *     .services(InetkitServers.Service.SMTP, InetkitServers.Service.FTP)
 *     .portBase(20000)                                           // fixed ports, see Listener
 *     .user("carol", "carol-secret")
 *     .start();
 * }</pre>
 *
 * <p>Default users (on every protocol): {@link #ALICE} ({@code alice}/{@code alice-secret}, may
 * write on FTP) and {@link #BOB} ({@code bob}/{@code bob-secret}, read-only on FTP). Their
 * mailboxes are {@code alice@inetkit.test} and {@code bob@inetkit.test} (see {@link #email}), and
 * they log in to IMAP, POP3 and SMTP with the bare name.
 *
 * <p>Telnet's {@code cat} and Gopher serve one shared folder, {@link #files()}.
 */
public final class InetkitServers implements AutoCloseable {
  /**
   * The default user who may write on FTP: {@link FtpUser#ALICE}, {@code alice}/{@code
   * alice-secret}.
   */
  public static final FtpUser ALICE = FtpUser.ALICE;

  /**
   * The default user who may only read on FTP: {@link FtpUser#BOB}, {@code bob}/{@code bob-secret}.
   */
  public static final FtpUser BOB = FtpUser.BOB;

  /** The mail domain of every user: mail for {@code alice@inetkit.test} lands in alice's INBOX. */
  public static final String MAIL_DOMAIN = "inetkit.test";

  /**
   * The protocols {@link InetkitServers} can start; each brings all of its listeners.
   *
   * <pre>{@code
   * InetkitServers.builder().services(Service.SMTP, Service.IMAP).start();
   * }</pre>
   */
  public enum Service {
    /** SMTP, SMTPS (implicit TLS) and SMTP with required STARTTLS. */
    SMTP,
    /** IMAP, IMAPS and IMAP with required STARTTLS. */
    IMAP,
    /** POP3, POP3S and POP3 with required STLS. */
    POP3,
    /** FTP with explicit FTPS (AUTH TLS) and an implicit-FTPS listener. */
    FTP,
    /** Telnet with login and a small shell. */
    TELNET,
    /** Gopher and gophers (TLS). */
    GOPHER
  }

  /**
   * Every listener, with its fixed offset from {@link Builder#portBase(int)}: with base {@code N},
   * SMTP listens on {@code N}, SMTPS on {@code N+1}, … GOPHERS on {@code N+13}.
   *
   * <pre>{@code
   * int port = servers.port(Listener.IMAP_STARTTLS);   // base + 5 with portBase(base)
   * String url = servers.url(Listener.FTPS);            // ftps://127.0.0.1:<port>
   * }</pre>
   */
  public enum Listener {
    /** Plain SMTP, offset 0. */
    SMTP(Service.SMTP, 0, "smtp", "plain SMTP (GreenMail); AUTH PLAIN/LOGIN"),
    /** SMTP over implicit TLS, offset 1. */
    SMTPS(Service.SMTP, 1, "smtps", "implicit TLS"),
    /** SMTP requiring STARTTLS (submission style), offset 2. */
    SMTP_STARTTLS(Service.SMTP, 2, "smtp", "STARTTLS required"),
    /** Plain IMAP, offset 3. */
    IMAP(Service.IMAP, 3, "imap", "plain IMAP (GreenMail)"),
    /** IMAP over implicit TLS, offset 4. */
    IMAPS(Service.IMAP, 4, "imaps", "implicit TLS"),
    /** IMAP requiring STARTTLS, offset 5. */
    IMAP_STARTTLS(Service.IMAP, 5, "imap", "STARTTLS required"),
    /** Plain POP3, offset 6. */
    POP3(Service.POP3, 6, "pop3", "plain POP3 (GreenMail)"),
    /** POP3 over implicit TLS, offset 7. */
    POP3S(Service.POP3, 7, "pop3s", "implicit TLS"),
    /** POP3 requiring STLS, offset 8. */
    POP3_STARTTLS(Service.POP3, 8, "pop3", "STLS required"),
    /** FTP, which also offers explicit FTPS (AUTH TLS, PROT P), offset 9. */
    FTP(Service.FTP, 9, "ftp", "explicit FTPS: AUTH TLS + PROT P; bob is read-only"),
    /** Implicit FTPS, offset 10. */
    FTPS(Service.FTP, 10, "ftps", "implicit TLS; bob is read-only"),
    /** Telnet, offset 11. */
    TELNET(Service.TELNET, 11, "telnet", "login, then: echo, cat, whoami, sleep, flood, exit"),
    /** Plain Gopher, offset 12. */
    GOPHER(Service.GOPHER, 12, "gopher", "serves the files folder; no login"),
    /** Gopher over TLS, offset 13. */
    GOPHERS(Service.GOPHER, 13, "gophers", "TLS; serves the files folder; no login");

    private final Service service;
    private final int offset;
    private final String scheme;
    private final String note;

    Listener(Service service, int offset, String scheme, String note) {
      this.service = service;
      this.offset = offset;
      this.scheme = scheme;
      this.note = note;
    }

    /** {@return the protocol this listener belongs to} */
    public Service service() {
      return service;
    }

    /** {@return the offset from the port base} */
    public int offset() {
      return offset;
    }

    /** {@return the URL scheme, e.g. {@code smtps}} */
    public String scheme() {
      return scheme;
    }

    /**
     * Returns the short name used in {@link ServiceInfo#name()}: {@code smtp-starttls}, {@code
     * ftps}, …
     *
     * @return the listener's short name, e.g. {@code smtp-starttls}
     */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** {@return a short note on how clients use this listener} */
    public String note() {
      return note;
    }
  }

  private final Set<Service> started;
  private final List<FtpUser> users; // copy-on-write: user(...) adds while running
  private final TestPki pki;
  private final BindAddress bind;
  private final TestPki.ServerIdentity identity; // null: the PKI's own certificate for LOCAL_NAMES
  private Path files; // made on first use (Telnet and Gopher at start): SecureRandom names it
  private final MailServer mail;
  private final FtpServer ftp;
  private final TelnetServer telnet;
  private final GopherServer gopher;

  private InetkitServers(Builder b) throws IOException {
    this.started = Collections.unmodifiableSet(EnumSet.copyOf(b.services));
    this.users = new CopyOnWriteArrayList<>(b.users.values());
    // Bind SLF4J on this thread first: when the servers' threads all make their first logger at
    // once, SLF4J queues those calls while it initialises and warns that it "replayed" them.
    LoggerFactory.getILoggerFactory();
    // One server group starts on this thread; several start side by side (and their heavy
    // classes load ahead on spare threads), since in a fresh JVM class loading is most of the time.
    ExecutorService pool =
        serverGroups() > 1 ? Executors.newCachedThreadPool(InetkitServers::startThread) : null;
    try {
      // The shared PKI makes its CA on first use: FTP and Gopher need it at start, mail on the
      // first TLS client, so a mail-only start never waits for it.
      this.pki = b.pki == null ? TestPki.shared() : b.pki;
      this.bind = b.bind;
      this.identity = identityFor(pki, b.bind, b.tlsNames);
      if (pool != null) {
        warmUp(pool);
      }
      CompletableFuture<MailServer> m = async(pool, mailWanted(), () -> startMail(b.portBase));
      CompletableFuture<FtpServer> f =
          async(pool, started.contains(Service.FTP), () -> startFtp(b.portBase));
      CompletableFuture<TelnetServer> t =
          async(pool, started.contains(Service.TELNET), () -> startTelnet(b.portBase));
      CompletableFuture<GopherServer> g =
          async(pool, started.contains(Service.GOPHER), () -> startGopher(b.portBase));
      List<CompletableFuture<? extends AutoCloseable>> all = List.of(m, f, t, g);
      try {
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
      } catch (CompletionException e) {
        all.forEach(InetkitServers::closeIfStarted);
        deleteFiles();
        Throwable cause = e.getCause();
        if (cause instanceof UncheckedIOException io) {
          throw new IOException(
              "cannot start the inetkit servers: " + io.getCause().getMessage(), io.getCause());
        }
        throw new IOException("cannot start the inetkit servers: " + cause, cause);
      }
      this.mail = m.join();
      this.ftp = f.join();
      this.telnet = t.join();
      this.gopher = g.join();
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
  }

  /**
   * Starts loading the heavy classes of the chosen servers on other threads while the others start
   * (in a fresh JVM, class loading is most of the start-up time). Nothing waits for it.
   */
  private void warmUp(ExecutorService pool) {
    List<String> classes = new ArrayList<>();
    if (mailWanted()) {
      classes.add("com.icegreen.greenmail.util.GreenMail");
    }
    if (started.contains(Service.IMAP)) {
      classes.add("com.icegreen.greenmail.imap.ImapServer");
    }
    if (started.contains(Service.FTP)) {
      classes.add("org.apache.ftpserver.FtpServerFactory");
      classes.add("org.apache.ftpserver.listener.nio.NioListener");
    }
    for (String name : classes) {
      pool.execute(() -> load(name));
    }
  }

  private static void load(String className) {
    try {
      Class.forName(className, true, InetkitServers.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      // only a warm-up: starting the server reports real problems
    }
  }

  private interface Starter<T> {
    T start() throws IOException;
  }

  private static Thread startThread(Runnable r) {
    Thread t = new Thread(r, "inetkit-servers-start");
    t.setDaemon(true);
    return t;
  }

  private int serverGroups() {
    return (mailWanted() ? 1 : 0)
        + Stream.of(Service.FTP, Service.TELNET, Service.GOPHER)
            .mapToInt(s -> started.contains(s) ? 1 : 0)
            .sum();
  }

  /** Starts on {@code pool}, or on this thread when there is no pool (one group only). */
  private static <T> CompletableFuture<T> async(
      ExecutorService pool, boolean wanted, Starter<T> starter) {
    if (!wanted) {
      return CompletableFuture.completedFuture(null);
    }
    if (pool == null) {
      try {
        return CompletableFuture.completedFuture(starter.start());
      } catch (IOException | RuntimeException e) {
        return CompletableFuture.failedFuture(
            e instanceof IOException io ? new UncheckedIOException(io) : e);
      }
    }
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return starter.start();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        pool);
  }

  private static void closeIfStarted(CompletableFuture<? extends AutoCloseable> future) {
    if (future.isDone() && !future.isCompletedExceptionally()) {
      AutoCloseable server = future.join();
      if (server != null) {
        try {
          server.close();
        } catch (Exception ignored) {
          // best effort while reporting the start failure
        }
      }
    }
  }

  private boolean mailWanted() {
    return started.contains(Service.SMTP)
        || started.contains(Service.IMAP)
        || started.contains(Service.POP3);
  }

  /** A certificate that also names the bind address and the extra names, when there are any. */
  private static TestPki.ServerIdentity identityFor(
      TestPki pki, BindAddress bind, List<String> tlsNames) {
    Set<String> names = new LinkedHashSet<>(TestPki.LOCAL_NAMES);
    if (!bind.address().isAnyLocalAddress()) {
      names.add(bind.toString());
    }
    names.addAll(tlsNames);
    return names.size() == TestPki.LOCAL_NAMES.size()
        ? null
        : pki.issue(names.toArray(String[]::new));
  }

  private MailServer startMail(int base) throws IOException {
    List<MailProtocol> protocols = new ArrayList<>();
    MailServer.Builder builder = MailServer.builder().pki(pki).bindAddress(bind);
    if (identity != null) {
      builder.identity(identity);
    }
    for (Listener l : listeners()) {
      if (l.service() == Service.SMTP
          || l.service() == Service.IMAP
          || l.service() == Service.POP3) {
        MailProtocol p = MailProtocol.valueOf(l.name());
        protocols.add(p);
        builder.port(p, portFor(base, l));
      }
    }
    builder.protocols(
        protocols.get(0), protocols.subList(1, protocols.size()).toArray(MailProtocol[]::new));
    MailServer server = builder.start();
    users.forEach(u -> server.user(email(u.name()), u.name(), u.password()));
    return server;
  }

  private FtpServer startFtp(int base) throws IOException {
    FtpServer.Builder builder =
        FtpServer.builder()
            .pki(pki)
            .bindAddress(bind)
            .ports(portFor(base, Listener.FTP), portFor(base, Listener.FTPS));
    if (identity != null) {
      builder.identity(identity);
    }
    users.forEach(builder::user);
    return builder.start();
  }

  private TelnetServer startTelnet(int base) throws IOException {
    TelnetServer.Builder builder =
        TelnetServer.builder()
            .bindAddress(bind)
            .files(files())
            .port(portFor(base, Listener.TELNET));
    users.forEach(u -> builder.user(u.name(), u.password()));
    return builder.start();
  }

  private GopherServer startGopher(int base) throws IOException {
    GopherServer.Builder builder = GopherServer.builder().bindAddress(bind).root(files());
    if (identity == null) {
      builder.tls(pki);
    } else {
      builder.tls(identity.sslContext());
    }
    return builder
        .port(portFor(base, Listener.GOPHER))
        .tlsPort(portFor(base, Listener.GOPHERS))
        .build();
  }

  private static int portFor(int base, Listener listener) {
    return base == 0 ? 0 : base + listener.offset();
  }

  /**
   * Starts all six protocols on free ports with the default users and {@link TestPki#shared()}.
   *
   * @return the running servers; close them to stop all listeners
   * @throws java.io.IOException when a listener cannot be bound or a server fails to start
   */
  public static InetkitServers start() throws IOException {
    return builder().start();
  }

  /** {@return a builder to choose protocols, ports, users and TLS material} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the mail address of user {@code name}: {@code name@inetkit.test}}
   *
   * @param name the user's login name
   */
  public static String email(String name) {
    return name + "@" + MAIL_DOMAIN;
  }

  /** {@return the protocols that were started} */
  public Set<Service> started() {
    return started;
  }

  /** {@return the listeners that were started, in {@link Listener} order} */
  public List<Listener> listeners() {
    return Stream.of(Listener.values()).filter(l -> started.contains(l.service())).toList();
  }

  /**
   * {@return the users configured on every protocol (by default {@link #ALICE} and {@link #BOB})}
   */
  public List<FtpUser> users() {
    return List.copyOf(users);
  }

  /**
   * Adds (or replaces) a user on every running protocol while the servers run: a mailbox {@code
   * name@inetkit.test} with IMAP/POP3/SMTP login {@code name}, an FTP home with {@code
   * user.access()}, and a Telnet login. {@link #reset()} keeps added users.
   *
   * @param user the user to add; one with the same name is replaced
   * @return these servers
   */
  public synchronized InetkitServers user(FtpUser user) {
    Objects.requireNonNull(user, "user");
    if (mail != null) {
      mail.user(email(user.name()), user.name(), user.password());
    }
    if (ftp != null) {
      ftp.user(user);
    }
    if (telnet != null) {
      telnet.user(user.name(), user.password());
    }
    for (int i = 0; i < users.size(); i++) {
      if (users.get(i).name().equals(user.name())) {
        users.set(i, user);
        return this;
      }
    }
    users.add(user);
    return this;
  }

  /**
   * {@return where clients on this machine connect: {@code 127.0.0.1}, or the address given to
   * {@link Builder#bindAddress(BindAddress)} ({@code 127.0.0.1} for {@code 0.0.0.0})}
   */
  public String host() {
    return bind.urlHost();
  }

  /** {@return the address every listener binds} */
  public BindAddress bindAddress() {
    return bind;
  }

  /**
   * {@return the port of a listener}
   *
   * @param listener the listener whose port is wanted
   * @throws IllegalStateException when its protocol was not started
   */
  public int port(Listener listener) {
    return switch (listener) {
      case SMTP, SMTPS, SMTP_STARTTLS, IMAP, IMAPS, IMAP_STARTTLS, POP3, POP3S, POP3_STARTTLS ->
          mailFor(listener.service()).port(MailProtocol.valueOf(listener.name()));
      case FTP -> ftp().port();
      case FTPS -> ftp().implicitTlsPort();
      case TELNET -> telnet().port();
      case GOPHER -> gopher().port();
      case GOPHERS -> gopher().tlsPort();
    };
  }

  /**
   * {@return {@code scheme://127.0.0.1:port} of a listener, with a trailing {@code /} for Gopher}
   *
   * @param listener the listener whose URL is wanted
   */
  public String url(Listener listener) {
    String url = listener.scheme() + "://" + host() + ":" + port(listener);
    return listener.service() == Service.GOPHER ? url + "/" : url;
  }

  /** {@return one {@link ServiceInfo} per started listener, logging in as the first user} */
  public List<ServiceInfo> services() {
    FtpUser first = users.get(0);
    return listeners().stream()
        .map(
            l ->
                l.service() == Service.GOPHER
                    ? new ServiceInfo(l.id(), url(l), "", "", l.note())
                    : new ServiceInfo(l.id(), url(l), first.name(), first.password(), l.note()))
        .toList();
  }

  private MailServer mailFor(Service service) {
    if (!started.contains(service)) {
      throw new IllegalStateException(service + " was not started: add it to services(...)");
    }
    return mail;
  }

  /**
   * {@return the mail server (SMTP, IMAP and POP3 share one GreenMail store)}
   *
   * @throws IllegalStateException when none of SMTP, IMAP, POP3 was started
   */
  public MailServer mail() {
    return require(mail, "SMTP, IMAP or POP3");
  }

  /** {@return the FTP server; throws {@link IllegalStateException} when FTP was not started} */
  public FtpServer ftp() {
    return require(ftp, "FTP");
  }

  /**
   * {@return the Telnet server; throws {@link IllegalStateException} when Telnet was not started}
   */
  public TelnetServer telnet() {
    return require(telnet, "TELNET");
  }

  /**
   * {@return the Gopher server; throws {@link IllegalStateException} when Gopher was not started}
   */
  public GopherServer gopher() {
    return require(gopher, "GOPHER");
  }

  private static <T> T require(T server, String what) {
    if (server == null) {
      throw new IllegalStateException(what + " was not started: add it to services(...)");
    }
    return server;
  }

  /** {@return the TLS material every listener presents} */
  public TestPki pki() {
    return pki;
  }

  /**
   * {@return the CA certificate as a PEM file: {@code curl --cacert}, {@code openssl -CAfile}, …}
   */
  public Path caPemFile() {
    return pki.caPemFile();
  }

  /** {@return the inetkit {@link Trust} that verifies every TLS listener (CA and host name)} */
  public Trust clientTrust() {
    return pki.clientTrust();
  }

  /** {@return the folder Gopher serves and Telnet's {@code cat} reads (deleted on close)} */
  public synchronized Path files() {
    if (files == null) {
      try {
        files = Files.createTempDirectory("inetkit-files-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the files folder", e);
      }
    }
    return files;
  }

  /**
   * Returns to a clean state between tests: deletes all mail (users stay), every file in the FTP
   * homes and in {@link #files()}, and the recorded Telnet connections and Gopher requests.
   */
  public void reset() {
    if (mail != null) {
      mail.purge();
    }
    if (ftp != null) {
      users.forEach(u -> deleteTree(ftp.home(u.name()), false));
    }
    if (telnet != null) {
      telnet.reset();
    }
    if (gopher != null) {
      gopher.reset();
    }
    Path folder = filesIfMade();
    if (folder != null) {
      deleteTree(folder, false);
    }
  }

  /** Stops every server and deletes {@link #files()}. Idempotent. */
  @Override
  public void close() {
    Stream.of(telnet, gopher, ftp, mail)
        .filter(Objects::nonNull)
        .forEach(InetkitServers::closeQuietly);
    deleteFiles();
  }

  private synchronized Path filesIfMade() {
    return files;
  }

  private void deleteFiles() {
    Path folder = filesIfMade();
    if (folder != null) {
      deleteTree(folder, true);
    }
  }

  private static void closeQuietly(AutoCloseable server) {
    try {
      server.close();
    } catch (Exception ignored) {
      // closing the rest matters more
    }
  }

  private static void deleteTree(Path dir, boolean includingDir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (includingDir || !p.equals(dir)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + dir, e);
    }
  }

  @Override
  public String toString() {
    return "InetkitServers" + listeners().stream().map(l -> l.id() + "=" + port(l)).toList();
  }

  /**
   * Chooses what {@link InetkitServers} starts.
   *
   * <pre>{@code
   * InetkitServers servers = InetkitServers.builder()
   *     .services(InetkitServers.Service.IMAP, InetkitServers.Service.GOPHER)
   *     .user(new FtpUser("carol", "c-secret", FtpUser.Access.READ_ONLY))
   *     .start();
   * }</pre>
   */
  public static final class Builder {
    private Set<Service> services = EnumSet.allOf(Service.class);
    private final Map<String, FtpUser> users = new LinkedHashMap<>();
    private int portBase;
    private TestPki pki;
    private BindAddress bind = BindAddress.LOOPBACK;
    private final List<String> tlsNames = new ArrayList<>();

    private Builder() {
      FtpUser.DEFAULTS.forEach(u -> users.put(u.name(), u));
    }

    /**
     * Starts only these protocols (default: all six).
     *
     * @param first the first protocol to start
     * @param more further protocols to start
     * @return this builder
     */
    public Builder services(Service first, Service... more) {
      this.services = EnumSet.of(first, more);
      return this;
    }

    /**
     * Starts only these protocols; an empty collection is refused.
     *
     * @param services the protocols to start; not empty
     * @return this builder
     */
    public Builder services(java.util.Collection<Service> services) {
      if (services.isEmpty()) {
        throw new IllegalArgumentException("at least one service is needed");
      }
      this.services = EnumSet.copyOf(services);
      return this;
    }

    /**
     * Binds every listener to {@code base + }{@link Listener#offset()} instead of a free port
     * (default 0: free ports). {@code base} must be 1024 to 65522.
     *
     * @param base the first port, 1024 to 65522, or 0 for free ports
     * @return this builder
     */
    public Builder portBase(int base) {
      int highest = Listener.values()[Listener.values().length - 1].offset();
      if (base != 0 && (base < 1024 || base > 65_535 - highest)) {
        throw new IllegalArgumentException(
            "port base must be 1024.." + (65_535 - highest) + ", was " + base);
      }
      this.portBase = base;
      return this;
    }

    /**
     * Adds (or replaces) a user on every protocol; on FTP it may write.
     *
     * @param name the login name
     * @param password the password
     * @return this builder
     */
    public Builder user(String name, String password) {
      return user(new FtpUser(name, password, FtpUser.Access.READ_WRITE));
    }

    /**
     * Adds (or replaces) a user on every protocol, with its FTP access.
     *
     * @param user the user, with its FTP access
     * @return this builder
     */
    public Builder user(FtpUser user) {
      users.put(Objects.requireNonNull(user, "user").name(), user);
      return this;
    }

    /**
     * Listens on {@code address} instead of {@code 127.0.0.1} (every listener). A specific address
     * is added to the TLS certificate's names; for {@code 0.0.0.0} add the names clients use with
     * {@link #tlsName(String)}. Anyone who can reach the address can log in with the test users.
     *
     * @param address the address every listener binds to
     * @return this builder
     */
    public Builder bindAddress(BindAddress address) {
      this.bind = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Adds a DNS name or IP literal to the TLS certificate of every listener (besides localhost,
     * 127.0.0.1 and ::1), for clients that connect by another name.
     *
     * @param name a DNS name or IP literal
     * @return this builder
     */
    public Builder tlsName(String name) {
      if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9.:-]+")) {
        throw new IllegalArgumentException("not a DNS name or IP literal: " + name);
      }
      tlsNames.add(name);
      return this;
    }

    /**
     * Uses this TLS material on every listener (default: {@link TestPki#shared()}, one CA per JVM).
     *
     * @param pki the CA and certificates to use
     * @return this builder
     */
    public Builder pki(TestPki pki) {
      this.pki = Objects.requireNonNull(pki, "pki");
      return this;
    }

    /**
     * Starts the chosen servers in parallel; every listener accepts when this returns.
     *
     * @return the running servers; close them to stop all listeners
     * @throws java.io.IOException when a listener cannot be bound or a server fails to start
     */
    public InetkitServers start() throws IOException {
      return new InetkitServers(this);
    }
  }
}
