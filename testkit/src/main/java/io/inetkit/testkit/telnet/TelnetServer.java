package io.inetkit.testkit.telnet;

import io.inetkit.core.Endpoint;
import io.inetkit.core.internal.Connector;
import io.inetkit.testkit.BindAddress;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An embedded Telnet server on 127.0.0.1 and a free port, written on plain JDK sockets: RFC 854/855
 * option negotiation for ECHO, SUPPRESS-GO-AHEAD, TERMINAL-TYPE, NAWS and BINARY that {@linkplain
 * TelnetConnectionRecord records} what each client agreed, a {@code login:} / {@code Password:}
 * prompt for configured users, and a tiny line-oriented shell behind a {@code $ } prompt.
 *
 * <pre>{@code
 * try (TelnetServer server = TelnetServer.builder()
 *         .user("alice", "secret")
 *         .files(folder)                      // what "cat <file>" reads
 *         .start()) {
 *   // connect a client to server.port(), log in, run "echo hi", then:
 *   TelnetConnectionRecord rec = server.lastConnection();
 *   assertThat(rec.user()).contains("alice");
 *   assertThat(rec.commands()).contains("echo hi");
 * }
 * }</pre>
 *
 * <p>Shell commands: {@code echo text}, {@code cat file} (from {@link Builder#files}), {@code
 * whoami}, {@code sleep seconds} ({@code sleep 3 tick} prints a line each second), {@code flood
 * bytes} (exactly that many bytes of {@link #floodContent(long) numbered lines}, as fast as the
 * client reads) and {@code exit}. Unknown verbs print {@code sh: verb: command not found}.
 *
 * <p>Line ends from the client may be CR LF, CR NUL, bare CR or bare LF. Output is NVT text: CR LF
 * line ends, a bare CR sent as CR NUL, and IAC doubled; once the client agreed {@code DO BINARY},
 * {@code cat} sends file bytes untranslated (IAC still doubled). After connecting, the server sends
 * its option requests and waits up to {@link Builder#negotiationTimeout} for the answers (and the
 * terminal type and window size) before the first prompt, as {@code telnetd} does, so the record is
 * complete once the client has seen a prompt.
 */
public final class TelnetServer implements AutoCloseable {

  /** What every connection runs with. */
  record Settings(
      Map<String, String> users,
      Path files,
      String prompt,
      String loginPrompt,
      String passwordPrompt,
      String banner,
      Set<TelnetOptionCode> initiate,
      Duration negotiationTimeout,
      Duration idleTimeout,
      Map<String, ShellCommand> commands) {}

  private final Settings settings;
  private final BindAddress bind;
  private final ServerSocket server;
  private final List<TelnetConnectionRecord> records = new CopyOnWriteArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private TelnetServer(Settings settings, BindAddress bind, int port) throws IOException {
    this.settings = settings;
    this.bind = bind;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(bind.address(), port), 50);
    Thread acceptor = new Thread(this::acceptLoop, "telnet-server-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@return a builder: no users (no login), no files, prompt {@code "$ "}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a server with the defaults: no login, straight to the shell.
   *
   * @return the running server; close it to stop
   * @throws java.io.IOException when the listener cannot be bound
   */
  public static TelnetServer start() throws IOException {
    return builder().start();
  }

  /**
   * {@return the bytes {@code flood total} sends: 64-byte lines {@code "0000000042 abc…XY\r\n"},
   * the last one cut so the total is exact} They contain no IAC and already end lines with CR LF,
   * so a Telnet client reads exactly these bytes.
   *
   * @param total how many bytes in all; not negative
   */
  public static InputStream floodContent(long total) {
    if (total < 0) {
      throw new IllegalArgumentException("total must not be negative: " + total);
    }
    return FloodCommand.content(total);
  }

  /**
   * {@return the address clients on this machine connect to: {@code 127.0.0.1} unless bound
   * elsewhere}
   */
  public String host() {
    return bind.urlHost();
  }

  /**
   * Adds (or changes the password of) a user while the server runs; the next login may use it. A
   * server started without users asks for a login from then on.
   *
   * @param name the login name
   * @param password the password
   * @return this server
   */
  public TelnetServer user(String name, String password) {
    settings
        .users()
        .put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(password, "password"));
    return this;
  }

  /** {@return the port the server listens on} */
  public int port() {
    return server.getLocalPort();
  }

  /** {@return {@code 127.0.0.1:port}} */
  public Endpoint endpoint() {
    return Endpoint.of(host(), port());
  }

  /** {@return a record per accepted connection, oldest first} */
  public List<TelnetConnectionRecord> connections() {
    return List.copyOf(records);
  }

  /**
   * {@return the record of the most recent connection}
   *
   * @throws IllegalStateException when no client has connected yet
   */
  public TelnetConnectionRecord lastConnection() {
    if (records.isEmpty()) {
      throw new IllegalStateException("no client has connected to " + endpoint());
    }
    return records.get(records.size() - 1);
  }

  /** Forgets the records of earlier connections (for reuse between tests). */
  public void reset() {
    records.clear();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        open.add(s);
        TelnetConnectionRecord record = new TelnetConnectionRecord();
        records.add(record);
        Thread t =
            new Thread(
                () -> {
                  try {
                    new TelnetConnection(s, settings, record).run();
                  } finally {
                    open.remove(s);
                  }
                },
                "telnet-conn-" + s.getPort());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Stops accepting and closes every connection. Idempotent. */
  @Override
  public void close() {
    closed = true;
    Connector.closeQuietly(server);
    open.forEach(Connector::closeQuietly);
  }

  @Override
  public String toString() {
    return "TelnetServer[" + endpoint() + "]";
  }

  /** Configures a {@link TelnetServer}; {@link #start()} binds it. */
  public static final class Builder {
    private final Map<String, String> users = new LinkedHashMap<>();
    private BindAddress bind = BindAddress.LOOPBACK;
    private Path files;
    private String prompt = "$ ";
    private String loginPrompt = "login: ";
    private String passwordPrompt = "Password: ";
    private String banner = "";
    private Set<TelnetOptionCode> initiate =
        EnumSet.of(
            TelnetOptionCode.ECHO,
            TelnetOptionCode.SUPPRESS_GO_AHEAD,
            TelnetOptionCode.TERMINAL_TYPE,
            TelnetOptionCode.NAWS);
    private Duration negotiationTimeout = Duration.ofSeconds(1);
    private Duration idleTimeout = Duration.ofMinutes(10);
    private int port;

    private Builder() {}

    /**
     * Binds this fixed port instead of a free one (default 0: a free port).
     *
     * @param port the port, or 0 for a free port
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Listens on {@code address} instead of {@code 127.0.0.1}.
     *
     * @param address the address to listen on
     * @return this builder
     */
    public Builder bindAddress(BindAddress address) {
      this.bind = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Adds a user; with at least one user the server asks for login before the shell.
     *
     * @param name the login name
     * @param password the password
     * @return this builder
     */
    public Builder user(String name, String password) {
      users.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(password, "password"));
      return this;
    }

    /**
     * Sets the folder {@code cat} reads from.
     *
     * @param folder the folder
     * @return this builder
     */
    public Builder files(Path folder) {
      this.files = folder.toAbsolutePath().normalize();
      return this;
    }

    /**
     * Sets the shell prompt; default {@code "$ "}.
     *
     * @param prompt the prompt
     * @return this builder
     */
    public Builder prompt(String prompt) {
      this.prompt = Objects.requireNonNull(prompt, "prompt");
      return this;
    }

    /**
     * Sets the login prompt; default {@code "login: "}.
     *
     * @param loginPrompt the prompt
     * @return this builder
     */
    public Builder loginPrompt(String loginPrompt) {
      this.loginPrompt = Objects.requireNonNull(loginPrompt, "loginPrompt");
      return this;
    }

    /**
     * Sets the password prompt; default {@code "Password: "}.
     *
     * @param passwordPrompt the prompt
     * @return this builder
     */
    public Builder passwordPrompt(String passwordPrompt) {
      this.passwordPrompt = Objects.requireNonNull(passwordPrompt, "passwordPrompt");
      return this;
    }

    /**
     * Sets text sent after negotiation, before the login prompt; default none.
     *
     * @param banner the text
     * @return this builder
     */
    public Builder banner(String banner) {
      this.banner = Objects.requireNonNull(banner, "banner");
      return this;
    }

    /**
     * Sets the options the server asks for as soon as a client connects; default ECHO,
     * SUPPRESS-GO-AHEAD, TERMINAL-TYPE and NAWS. (BINARY, when listed, is asked for in both
     * directions.) Options a client asks for itself are accepted whether listed or not.
     *
     * @param options the options to ask for
     * @return this builder
     */
    public Builder initiate(Set<TelnetOptionCode> options) {
      this.initiate =
          options.isEmpty() ? EnumSet.noneOf(TelnetOptionCode.class) : EnumSet.copyOf(options);
      return this;
    }

    /**
     * Sets how long the server waits for negotiation answers before prompting; default 1 s.
     *
     * @param timeout how long to wait
     * @return this builder
     */
    public Builder negotiationTimeout(Duration timeout) {
      this.negotiationTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets how long a silent client is kept before the server hangs up; default 10 min.
     *
     * @param timeout how long to keep a silent client
     * @return this builder
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Binds 127.0.0.1 on a free port and starts accepting.
     *
     * @return the running server; close it to stop
     * @throws java.io.IOException when the listener cannot be bound
     */
    public TelnetServer start() throws IOException {
      Map<String, ShellCommand> commands = new LinkedHashMap<>();
      commands.put("echo", new EchoCommand());
      commands.put("cat", new CatCommand());
      commands.put("whoami", new WhoamiCommand());
      commands.put("sleep", new SleepCommand());
      commands.put("flood", new FloodCommand());
      commands.put("exit", new ExitCommand());
      commands.put("logout", new ExitCommand());
      return new TelnetServer(
          new Settings(
              new ConcurrentHashMap<>(users), // user(...) adds more while running
              files,
              prompt,
              loginPrompt,
              passwordPrompt,
              banner,
              Collections.unmodifiableSet(EnumSet.copyOf(initiate)),
              negotiationTimeout,
              idleTimeout,
              Map.copyOf(commands)),
          bind,
          port);
    }
  }
}
