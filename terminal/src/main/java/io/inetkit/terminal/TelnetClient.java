package io.inetkit.terminal;

import io.inetkit.core.ConnectionSettings;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.Proxies;
import io.inetkit.core.Proxy;
import io.inetkit.core.Scheme;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.core.internal.Deadline;
import io.inetkit.core.internal.Inputs;
import io.inetkit.core.internal.SettingsBuilder;
import io.inetkit.terminal.internal.CommonsNetTelnet;
import io.inetkit.terminal.internal.ControlSequences;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Immutable Telnet configuration: where to connect, the options to negotiate, the prompts to
 * recognise and the limits to keep. Thread-safe and cheap to share; {@link #open()} makes a {@link
 * TelnetSession}.
 *
 * <pre>{@code
 * TelnetClient client = TelnetClient.builder()
 *     .endpoint("127.0.0.1", 2323)
 *     .windowSize(new WindowSize(132, 43))
 *     .build();
 * try (TelnetSession s = client.open()) {
 *   s.login("alice", "secret".toCharArray());
 *   String files = s.run("ls");
 * }
 * }</pre>
 *
 * <p>Defaults: {@link Timeouts#DEFAULT}, 30 s for each expect/run/login, terminal type {@code dumb}
 * ({@link #SCRIPTED_TERMINAL_TYPE}; set the user's real one for interactive use), 80x24, options
 * SUPPRESS-GO-AHEAD, ECHO, TERMINAL-TYPE and NAWS (add BINARY for 8-bit data), shell prompt {@code
 * [$#>%] \z} (a prompt character and a space at the end of what has arrived), UTF-8, an expect
 * buffer of 256 KiB and a transcript of the last 64 KiB.
 */
public final class TelnetClient {
  /** Terminal control sequences a prompt may end with, then the end of what has arrived. */
  private static final String TRAILING_CONTROLS = "(?:" + ControlSequences.CSI + ")*\\z";

  /**
   * Default shell prompt: {@code $}, {@code #}, {@code >} or {@code %} and a space, at the end,
   * followed by nothing but terminal control sequences (bash writes {@code ESC[K} or
   * bracketed-paste switches there on some terminals).
   */
  public static final Pattern DEFAULT_PROMPT = Pattern.compile("[$#>%] " + TRAILING_CONTROLS);

  /** Default login prompt: {@code login:}, {@code Username:}, at the end. */
  public static final Pattern DEFAULT_LOGIN_PROMPT =
      Pattern.compile("(?i)(login|user ?name)[ \\t]*:[ \\t]*" + TRAILING_CONTROLS);

  /** Default password prompt: {@code Password:}, at the end. */
  public static final Pattern DEFAULT_PASSWORD_PROMPT =
      Pattern.compile("(?i)password[ \\t]*:[ \\t]*" + TRAILING_CONTROLS);

  /**
   * The terminal type scripted sessions announce by default: {@code dumb}, which shells and
   * readline treat as a terminal without cursor control, so they send no bracketed-paste switches,
   * colours or line editing, and {@code run} gets the command's plain output. Interactive sessions
   * should announce the user's real terminal ({@code $TERM}).
   */
  public static final String SCRIPTED_TERMINAL_TYPE = "dumb";

  /** Default text that tells a login was refused. */
  public static final Pattern DEFAULT_LOGIN_FAILURE =
      Pattern.compile(
          "(?i)(login incorrect|incorrect password|authentication failed|access denied|permission denied)");

  private final SettingsBuilder requested;
  private final ConnectionSettings settings;
  private final Duration expectTimeout;
  private final String terminalType;
  private final WindowSize windowSize;
  private final Set<TelnetOption> options;
  private final Pattern prompt;
  private final Pattern loginPrompt;
  private final Pattern passwordPrompt;
  private final Pattern loginFailure;
  private final int expectBufferLimit;
  private final int transcriptLimit;
  private final Charset charset;

  private TelnetClient(Builder b) {
    this.requested = b.conn.copy();
    this.settings = b.conn.build((endpoint, login) -> TlsMode.NONE);
    this.expectTimeout = b.expectTimeout;
    this.terminalType = b.terminalType;
    this.windowSize = b.windowSize;
    this.options = Set.copyOf(b.options);
    this.prompt = b.prompt;
    this.loginPrompt = b.loginPrompt;
    this.passwordPrompt = b.passwordPrompt;
    this.loginFailure = b.loginFailure;
    this.expectBufferLimit = b.expectBufferLimit;
    this.transcriptLimit = b.transcriptLimit;
    this.charset = b.charset;
  }

  /** {@return a builder with the defaults; {@link Builder#endpoint} must be set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this client's settings, to make a variant} */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * Connects and returns a session; option negotiation starts at once and completes as the session
   * reads (see {@link TelnetSession#negotiatedOptions()}).
   *
   * @return the open session; close it when done
   * @throws InetkitException typed: {@link io.inetkit.core.ConnectionException} when refused or the
   *     host is unknown, {@link io.inetkit.core.InetkitTimeoutException} when connecting took
   *     longer than the connect timeout
   */
  public TelnetSession open() throws InetkitException {
    Endpoint endpoint = settings.endpoint();
    Timeouts timeouts = settings.timeouts();
    // connecting is one operation under the overall limit, like each session call after it
    Deadline deadline = new Deadline(endpoint);
    deadline.start(timeouts.overall(), "connect");
    Timeouts bounded =
        timeouts.withConnect(Duration.ofMillis(deadline.clamp(timeouts.connectMillis())));
    try {
      CommonsNetTelnet connection =
          CommonsNetTelnet.connect(
              endpoint,
              settings.proxy().select(Scheme.TELNET, endpoint.host()).orElse(null),
              bounded,
              terminalType,
              windowSize,
              options,
              settings.eventListener());
      deadline.clear();
      return new TelnetSession(this, connection, deadline);
    } catch (InetkitException e) {
      InetkitException failure = (InetkitException) deadline.explain(e);
      deadline.close();
      throw failure;
    }
  }

  /**
   * {@return the connection settings, resolved: server, TLS mode (always {@link TlsMode#NONE}:
   * Telnet is plain text), timeouts, event listener, and the URL's login if a {@code telnet://} URL
   * carried one (for {@link TelnetSession#login}; Telnet itself has no login command)}
   */
  public ConnectionSettings settings() {
    return settings;
  }

  /** {@return the server} */
  public Endpoint endpoint() {
    return settings.endpoint();
  }

  /** {@return the connect and idle-read timeouts} */
  public Timeouts timeouts() {
    return settings.timeouts();
  }

  /** {@return the time limit of {@code expect}, {@code run} and {@code login} calls without one} */
  public Duration expectTimeout() {
    return expectTimeout;
  }

  /** {@return the terminal type sent when the server asks} */
  public String terminalType() {
    return terminalType;
  }

  /** {@return the window size reported when NAWS is agreed} */
  public WindowSize windowSize() {
    return windowSize;
  }

  /** {@return the options this client agrees to} */
  public Set<TelnetOption> options() {
    return options;
  }

  /** {@return the shell prompt {@code run} waits for} */
  public Pattern prompt() {
    return prompt;
  }

  /** {@return the login prompt {@code login} waits for} */
  public Pattern loginPrompt() {
    return loginPrompt;
  }

  /** {@return the password prompt {@code login} waits for} */
  public Pattern passwordPrompt() {
    return passwordPrompt;
  }

  /** {@return the text that tells {@code login} the server refused} */
  public Pattern loginFailure() {
    return loginFailure;
  }

  /** {@return the most bytes an expect holds while looking for a match} */
  public int expectBufferLimit() {
    return expectBufferLimit;
  }

  /** {@return how many characters of transcript a session keeps} */
  public int transcriptLimit() {
    return transcriptLimit;
  }

  /** {@return the charset text is encoded and decoded with} */
  public Charset charset() {
    return charset;
  }

  /** {@return the event listener} */
  public EventListener eventListener() {
    return settings.eventListener();
  }

  /** {@return which proxy connections go through (default {@link Proxies#NONE}: directly)} */
  public Proxies proxy() {
    return settings.proxy();
  }

  @Override
  public String toString() {
    return "TelnetClient[" + endpoint() + ", options=" + options + "]";
  }

  /** Builds a {@link TelnetClient}; setters validate at once. */
  public static final class Builder {
    private final SettingsBuilder conn;
    private Duration expectTimeout = Duration.ofSeconds(30);
    private String terminalType = SCRIPTED_TERMINAL_TYPE;
    private WindowSize windowSize = WindowSize.DEFAULT;
    private Set<TelnetOption> options =
        EnumSet.of(
            TelnetOption.SUPPRESS_GO_AHEAD,
            TelnetOption.ECHO,
            TelnetOption.TERMINAL_TYPE,
            TelnetOption.NAWS);
    private Pattern prompt = DEFAULT_PROMPT;
    private Pattern loginPrompt = DEFAULT_LOGIN_PROMPT;
    private Pattern passwordPrompt = DEFAULT_PASSWORD_PROMPT;
    private Pattern loginFailure = DEFAULT_LOGIN_FAILURE;
    private int expectBufferLimit = 256 * 1024;
    private int transcriptLimit = 64 * 1024;
    private Charset charset = StandardCharsets.UTF_8;

    private Builder() {
      conn = new SettingsBuilder();
    }

    private Builder(TelnetClient c) {
      conn = c.requested.copy();
      expectTimeout = c.expectTimeout;
      terminalType = c.terminalType;
      windowSize = c.windowSize;
      options = EnumSet.noneOf(TelnetOption.class);
      options.addAll(c.options);
      prompt = c.prompt;
      loginPrompt = c.loginPrompt;
      passwordPrompt = c.passwordPrompt;
      loginFailure = c.loginFailure;
      expectBufferLimit = c.expectBufferLimit;
      transcriptLimit = c.transcriptLimit;
      charset = c.charset;
    }

    /**
     * Takes the server from a {@code telnet://host[:port]} URL (port 23 unless it names another); a
     * user and password in it are kept in {@link TelnetClient#settings()} for the caller's {@link
     * TelnetSession#login}.
     *
     * @param url the server's URL, e.g. {@code telnet://host.example:2323}
     * @return this builder
     * @throws InvalidInputException when {@code url} is not a telnet URL
     */
    public Builder url(InetkitUrl url) {
      conn.url(url, true, Scheme.TELNET);
      return this;
    }

    /**
     * Sets the server.
     *
     * @param endpoint the server
     * @return this builder
     */
    public Builder endpoint(Endpoint endpoint) {
      conn.endpoint(endpoint);
      return this;
    }

    /**
     * Sets the server by host and port (validated).
     *
     * @param host the server's host name or address
     * @param port its port, 1 to 65535
     * @return this builder
     */
    public Builder endpoint(String host, int port) {
      return endpoint(Endpoint.of(host, port));
    }

    /**
     * Sets the connect and idle-read timeouts; the overall limit is not used by Telnet.
     *
     * @param timeouts the connect and read timeouts
     * @return this builder
     */
    public Builder timeouts(Timeouts timeouts) {
      conn.timeouts(timeouts);
      return this;
    }

    /**
     * Sets the limit of {@code expect}, {@code run} and {@code login} calls without one.
     *
     * @param timeout how long those calls wait; positive
     * @return this builder
     */
    public Builder expectTimeout(Duration timeout) {
      this.expectTimeout = positive("expectTimeout", timeout);
      return this;
    }

    /**
     * Sets the terminal type (RFC 1091: printable ASCII, at most 40 characters).
     *
     * @param terminalType the type announced, e.g. {@code xterm-256color}
     * @return this builder
     */
    public Builder terminalType(String terminalType) {
      Inputs.requireToken("terminalType", terminalType, 40);
      if (!terminalType.chars().allMatch(c -> c < 0x7f)) {
        throw new InvalidInputException(
            "terminalType", "must be ASCII: " + Inputs.quote(terminalType));
      }
      this.terminalType = terminalType;
      return this;
    }

    /**
     * Sets the window size reported when the server agrees to NAWS.
     *
     * @param windowSize columns and rows
     * @return this builder
     */
    public Builder windowSize(WindowSize windowSize) {
      this.windowSize = Objects.requireNonNull(windowSize, "windowSize");
      return this;
    }

    /**
     * Sets the options this client agrees to; the others are refused.
     *
     * @param options the options to accept (copied)
     * @return this builder
     */
    public Builder options(Set<TelnetOption> options) {
      this.options = EnumSet.noneOf(TelnetOption.class);
      this.options.addAll(Objects.requireNonNull(options, "options"));
      return this;
    }

    /**
     * Sets the shell prompt that ends the output of {@code run}.
     *
     * @param prompt a pattern matching the end of the shell prompt
     * @return this builder
     */
    public Builder prompt(Pattern prompt) {
      this.prompt = Objects.requireNonNull(prompt, "prompt");
      return this;
    }

    /**
     * Sets the login prompt.
     *
     * @param loginPrompt a pattern matching the prompt for the user name
     * @return this builder
     */
    public Builder loginPrompt(Pattern loginPrompt) {
      this.loginPrompt = Objects.requireNonNull(loginPrompt, "loginPrompt");
      return this;
    }

    /**
     * Sets the password prompt.
     *
     * @param passwordPrompt a pattern matching the prompt for the password
     * @return this builder
     */
    public Builder passwordPrompt(Pattern passwordPrompt) {
      this.passwordPrompt = Objects.requireNonNull(passwordPrompt, "passwordPrompt");
      return this;
    }

    /**
     * Sets the text that tells a login was refused.
     *
     * @param loginFailure a pattern matching the server's refusal, e.g. {@code Login incorrect}
     * @return this builder
     */
    public Builder loginFailure(Pattern loginFailure) {
      this.loginFailure = Objects.requireNonNull(loginFailure, "loginFailure");
      return this;
    }

    /**
     * Sets the most bytes an expect holds without a match (1 KiB to 64 MiB).
     *
     * @param bytes the limit in bytes
     * @return this builder
     */
    public Builder expectBufferLimit(int bytes) {
      this.expectBufferLimit =
          (int) Inputs.requireRange("expectBufferLimit", bytes, 1024, 64 << 20);
      return this;
    }

    /**
     * Sets how many characters of transcript a session keeps (0 keeps none).
     *
     * @param chars the most characters kept; the oldest are dropped first
     * @return this builder
     */
    public Builder transcriptLimit(int chars) {
      this.transcriptLimit = (int) Inputs.requireRange("transcriptLimit", chars, 0, 64 << 20);
      return this;
    }

    /**
     * Sets the charset for text sent and received; default UTF-8.
     *
     * @param charset the charset
     * @return this builder
     */
    public Builder charset(Charset charset) {
      this.charset = Objects.requireNonNull(charset, "charset");
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
     * Sets the event listener; default {@link EventListener#NONE}.
     *
     * @param eventListener receives the session's events
     * @return this builder
     */
    public Builder eventListener(EventListener eventListener) {
      conn.eventListener(eventListener);
      return this;
    }

    /**
     * {@return the client}
     *
     * @throws IllegalStateException when no endpoint was set
     */
    public TelnetClient build() {
      return new TelnetClient(this);
    }

    private static Duration positive(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new InvalidInputException(name, "must be positive, was " + d);
      }
      return d;
    }
  }
}
