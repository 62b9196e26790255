package io.inetkit.mail.imap;

import io.inetkit.core.ConnectionSettings;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.Proxies;
import io.inetkit.core.Proxy;
import io.inetkit.core.Scheme;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.core.internal.Inputs;
import io.inetkit.core.internal.SettingsBuilder;
import java.util.function.Consumer;

/**
 * An immutable, thread-safe IMAP4 client configuration: server, TLS, trust, credentials, timeouts
 * and limits. It holds no connection; {@link #open()} returns an {@link ImapSession}.
 *
 * <p>Defaults are safe: implicit TLS on port 993 and STARTTLS required elsewhere, the system trust
 * store with host-name verification, finite {@link Timeouts#DEFAULT timeouts}, and bounds on what a
 * server may send (a line of 1 MiB, a literal of the fetch size or 1 MiB, whichever is larger, plus
 * 64 KiB), so a hostile server cannot exhaust memory.
 *
 * <pre>{@code
 * ImapClient client = ImapClient.builder()
 *     .endpoint("imap.example.org", 993)                 // IMPLICIT TLS by default on 993
 *     .credentials(Credentials.fromEnvironment("alice", "IMAP_PASSWORD"))
 *     .build();
 * try (ImapSession imap = client.open()) {
 *   for (MessageRef ref : imap.search("INBOX", SearchCriteria.unseen())) {
 *     imap.download(ref, Path.of("mail", ref.uid() + ".eml"));
 *   }
 * }
 * }</pre>
 */
public final class ImapClient {
  /** Default bytes per partial FETCH when downloading; see {@link Builder#fetchSize}. */
  public static final int DEFAULT_FETCH_SIZE = 1024 * 1024;

  /** Default longest response line outside literals. */
  public static final int DEFAULT_MAX_LINE = 1024 * 1024;

  /** The default {@link #maxMessages()}: 1,000,000. */
  public static final int DEFAULT_MAX_MESSAGES = 1_000_000;

  private final SettingsBuilder requested;
  private final ConnectionSettings settings;
  private final int fetchSize;
  private final int maxLineLength;
  private final int maxMessages;

  private ImapClient(Builder b) {
    this.requested = b.conn.copy();
    this.settings = b.conn.build((endpoint, login) -> defaultTlsMode(endpoint));
    this.fetchSize = b.fetchSize;
    this.maxLineLength = b.maxLineLength;
    this.maxMessages = b.maxMessages;
  }

  /**
   * {@return a builder with safe defaults; {@code endpoint} and {@code credentials} are required}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The TLS mode used when none is set: {@link TlsMode#IMPLICIT} on port 993, {@link
   * TlsMode#STARTTLS_REQUIRED} elsewhere; derived again by every {@link Builder#build()}.
   */
  private static TlsMode defaultTlsMode(Endpoint endpoint) {
    return endpoint.port() == 993 ? TlsMode.IMPLICIT : TlsMode.STARTTLS_REQUIRED;
  }

  /**
   * {@return a builder holding this client's settings as they were set; a TLS mode derived from the
   * port is derived again for the variant's port}
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.conn = requested.copy();
    b.fetchSize = fetchSize;
    b.maxLineLength = maxLineLength;
    b.maxMessages = maxMessages;
    return b;
  }

  /**
   * Connects, secures and logs in.
   *
   * @return the logged-in session
   * @throws io.inetkit.core.ConnectionException when the server cannot be reached
   * @throws io.inetkit.core.TlsException when TLS fails or STARTTLS is required but not offered; no
   *     credentials were sent
   * @throws io.inetkit.core.AuthenticationException when the server refuses the login
   * @throws io.inetkit.core.InetkitTimeoutException when a timeout expires
   */
  public ImapSession open() throws InetkitException {
    return new ImapSession(this);
  }

  /**
   * Starts watching {@code folder} on a connection of its own: {@code listener} receives each new
   * message (and expunges) until {@link ImapWatch#close()}. Returns once the folder is selected and
   * its baseline recorded: every message that arrives after this returns is reported.
   *
   * @param folder the folder to watch, e.g. {@code INBOX}
   * @param options how to watch: IDLE or polling, intervals, back-off
   * @param listener receives the events, on the watch's own thread
   * @return the running watch; close it to stop
   * @throws InetkitException when the first connection fails
   */
  public ImapWatch watch(String folder, WatchOptions options, Consumer<WatchEvent> listener)
      throws InetkitException {
    return ImapWatch.start(this, ImapNames.folder("folder", folder), options, listener);
  }

  /**
   * {@return the connection settings, resolved: server, TLS mode, trust, login, timeouts,
   * plaintext-login policy and event listener}
   */
  public ConnectionSettings settings() {
    return settings;
  }

  /** {@return the server} */
  public Endpoint endpoint() {
    return settings.endpoint();
  }

  /** {@return how the connection is secured (default: IMPLICIT on 993, else STARTTLS_REQUIRED)} */
  public TlsMode tlsMode() {
    return settings.tlsMode();
  }

  /** {@return which certificates are trusted} */
  public Trust trust() {
    return settings.trust();
  }

  /** {@return the login} */
  public Credentials credentials() {
    return settings.credentials().orElseThrow();
  }

  /** {@return the time limits} */
  public Timeouts timeouts() {
    return settings.timeouts();
  }

  /** {@return the event listener (default {@link EventListener#NONE})} */
  public EventListener eventListener() {
    return settings.eventListener();
  }

  /** {@return which proxy connections go through (default {@link Proxies#NONE}: directly)} */
  public Proxies proxy() {
    return settings.proxy();
  }

  /** {@return the bytes fetched per partial FETCH when downloading} */
  public int fetchSize() {
    return fetchSize;
  }

  /** {@return the longest response line accepted outside literals} */
  public int maxLineLength() {
    return maxLineLength;
  }

  /**
   * {@return the largest folder a session accepts, and the most UIDs one search returns} A server
   * announcing more ({@code * N EXISTS}) fails the command with {@link
   * io.inetkit.core.LimitExceededException} before anything is sized by the announcement (Angus
   * Mail keeps 8-12 bytes per message of the selected folder); so does a search matching more.
   */
  public int maxMessages() {
    return maxMessages;
  }

  /**
   * {@return whether the login may be sent without TLS (default {@link PlaintextLogin#REFUSED})}
   */
  public PlaintextLogin plaintextLogin() {
    return settings.plaintextLogin();
  }

  @Override
  public String toString() {
    return SettingsBuilder.describe("ImapClient", settings);
  }

  /** Builds an {@link ImapClient}; setters validate eagerly. */
  public static final class Builder {
    private SettingsBuilder conn = new SettingsBuilder();
    private int fetchSize = DEFAULT_FETCH_SIZE;
    private int maxLineLength = DEFAULT_MAX_LINE;
    private int maxMessages = DEFAULT_MAX_MESSAGES;

    private Builder() {}

    /**
     * Takes server, TLS and login from an {@code imap://} or {@code imaps://} URL: {@code imaps}
     * means {@link TlsMode#IMPLICIT} (port 993 unless the URL names another), {@code imap} STARTTLS
     * required; a URL with user and password sets the login. {@link #tlsMode} and {@link
     * #credentials} still win. The URL's mailbox or message is not a setting: read it with {@link
     * io.inetkit.core.ImapUrl}.
     *
     * @param url the {@code imap://} or {@code imaps://} URL
     * @return this builder
     * @throws io.inetkit.core.InvalidInputException when {@code url} is not a imap URL
     */
    public Builder url(InetkitUrl url) {
      conn.url(url, true, Scheme.IMAP, Scheme.IMAPS);
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
     * Sets the server by host and port.
     *
     * @param host the host name or address
     * @param port the TCP port
     * @return this builder
     */
    public Builder endpoint(String host, int port) {
      return endpoint(Endpoint.of(host, port));
    }

    /**
     * Sets how to secure the connection (default: IMPLICIT on 993, else STARTTLS_REQUIRED, derived
     * again for each variant's port).
     *
     * @param tlsMode the TLS mode
     * @return this builder
     */
    public Builder tlsMode(TlsMode tlsMode) {
      conn.tlsMode(tlsMode);
      return this;
    }

    /**
     * Sets which certificates to trust (default: {@link Trust#system()}).
     *
     * @param trust the trusted certificates
     * @return this builder
     */
    public Builder trust(Trust trust) {
      conn.trust(trust);
      return this;
    }

    /**
     * Sets the login: a password or an OAuth2 token (AUTH XOAUTH2).
     *
     * @param credentials the login
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      conn.credentials(credentials);
      return this;
    }

    /**
     * Sets the time limits (default {@link Timeouts#DEFAULT}).
     *
     * @param timeouts the time limits
     * @return this builder
     */
    public Builder timeouts(Timeouts timeouts) {
      conn.timeouts(timeouts);
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
     * Sets the event listener (default {@link EventListener#NONE}).
     *
     * @param eventListener the listener
     * @return this builder
     */
    public Builder eventListener(EventListener eventListener) {
      conn.eventListener(eventListener);
      return this;
    }

    /**
     * Sets whether the login may be sent over a connection without TLS ({@link TlsMode#NONE}).
     * Default {@link PlaintextLogin#REFUSED}: {@code open()} then fails with a {@link
     * io.inetkit.core.TlsException} before connecting, and an opportunistic STARTTLS is treated as
     * required; {@link PlaintextLogin#ALLOWED} sends the login in clear text with a logged warning.
     *
     * @param plaintextLogin the policy
     * @return this builder
     */
    public Builder plaintextLogin(PlaintextLogin plaintextLogin) {
      conn.plaintextLogin(plaintextLogin);
      return this;
    }

    /**
     * Sets the bytes asked for per partial FETCH when downloading, 16 KiB to 16 MiB (default 1
     * MiB). Larger means fewer round trips; each chunk is held in memory once while it is written
     * out.
     *
     * @param bytes the chunk size in bytes
     * @return this builder
     */
    public Builder fetchSize(int bytes) {
      this.fetchSize = (int) Inputs.requireRange("fetchSize", bytes, 16 * 1024, 16 * 1024 * 1024);
      return this;
    }

    /**
     * Sets the largest folder accepted and the most UIDs one search returns (default {@value
     * ImapClient#DEFAULT_MAX_MESSAGES}); see {@link ImapClient#maxMessages()}.
     *
     * @param messages the limit, in messages
     * @return this builder
     */
    public Builder maxMessages(int messages) {
      this.maxMessages = (int) Inputs.requireRange("maxMessages", messages, 1, Integer.MAX_VALUE);
      return this;
    }

    /**
     * Sets the longest response line accepted outside literals, 8 KiB to 64 MiB (default 1 MiB).
     *
     * @param bytes the limit in bytes
     * @return this builder
     */
    public Builder maxLineLength(int bytes) {
      this.maxLineLength =
          (int) Inputs.requireRange("maxLineLength", bytes, 8 * 1024, 64L * 1024 * 1024);
      return this;
    }

    /**
     * {@return the client}
     *
     * @throws IllegalStateException when endpoint or credentials are missing
     */
    public ImapClient build() {
      if (conn.endpoint().isEmpty()) {
        throw new IllegalStateException("endpoint is required");
      }
      if (conn.credentials().isEmpty()) {
        throw new IllegalStateException("credentials are required");
      }
      return new ImapClient(this);
    }
  }
}
