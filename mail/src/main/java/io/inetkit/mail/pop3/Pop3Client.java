package io.inetkit.mail.pop3;

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
import io.inetkit.mail.imap.ImapClient;

/**
 * An immutable, thread-safe POP3 client configuration; {@link #open()} returns a {@link
 * Pop3Session}. Safe defaults as for {@link ImapClient}: implicit TLS on port 995, STARTTLS (STLS)
 * required elsewhere, system trust with host-name verification, finite timeouts, bounded lines.
 *
 * <pre>{@code
 * Pop3Client client = Pop3Client.builder()
 *     .endpoint("pop.example.org", 995)
 *     .credentials(Credentials.fromEnvironment("alice", "POP3_PASSWORD"))
 *     .build();
 * try (Pop3Session pop3 = client.open()) {
 *   pop3.syncTo(Maildir.open(Path.of("Mail/inbox")), AfterDownload.DELETE_FROM_SERVER);
 * }
 * }</pre>
 */
public final class Pop3Client {
  private final SettingsBuilder requested;
  private final ConnectionSettings settings;
  private final int maxLineLength;
  private final int maxMessages;

  /** The default {@link #maxMessages()}: 100,000. */
  public static final int DEFAULT_MAX_MESSAGES = 100_000;

  private Pop3Client(Builder b) {
    this.requested = b.conn.copy();
    this.settings = b.conn.build((endpoint, login) -> defaultTlsMode(endpoint));
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
   * The TLS mode used when none is set: {@link TlsMode#IMPLICIT} on port 995, {@link
   * TlsMode#STARTTLS_REQUIRED} elsewhere; derived again by every {@link Builder#build()}.
   */
  private static TlsMode defaultTlsMode(Endpoint endpoint) {
    return endpoint.port() == 995 ? TlsMode.IMPLICIT : TlsMode.STARTTLS_REQUIRED;
  }

  /**
   * {@return a builder holding this client's settings as they were set; a TLS mode derived from the
   * port is derived again for the variant's port}
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.conn = requested.copy();
    b.maxLineLength = maxLineLength;
    b.maxMessages = maxMessages;
    return b;
  }

  /**
   * Connects, secures (TLS or STLS) and logs in (AUTH PLAIN/LOGIN/XOAUTH2 or USER/PASS).
   *
   * @return the logged-in session
   * @throws io.inetkit.core.TlsException when TLS fails or STLS is required but not offered
   * @throws io.inetkit.core.AuthenticationException when the login is refused
   * @throws InetkitException for other failures
   */
  public Pop3Session open() throws InetkitException {
    return new Pop3Session(this);
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

  /** {@return how the connection is secured (default: IMPLICIT on 995, else STARTTLS_REQUIRED)} */
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

  /** {@return the longest line accepted from the server} */
  public int maxLineLength() {
    return maxLineLength;
  }

  /**
   * {@return the largest mailbox a session accepts: when STAT announces more messages, {@link
   * #open()} fails with {@link io.inetkit.core.LimitExceededException} before anything is sized by
   * the announcement} Memory grows with it: Angus Mail keeps one slot per message (4-8 bytes), and
   * {@link Pop3Session#list()} returns every message (about 150 bytes each), while {@link
   * Pop3Session#list(int)} holds only the messages it returns.
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
    return SettingsBuilder.describe("Pop3Client", settings);
  }

  /** Builds a {@link Pop3Client}; setters validate eagerly. */
  public static final class Builder {
    private SettingsBuilder conn = new SettingsBuilder();
    private int maxLineLength = ImapClient.DEFAULT_MAX_LINE;
    private int maxMessages = DEFAULT_MAX_MESSAGES;

    private Builder() {}

    /**
     * Takes server, TLS and login from an {@code pop3://} or {@code pop3s://} URL: {@code pop3s}
     * means {@link TlsMode#IMPLICIT} (port 995 unless the URL names another), {@code pop3} STARTTLS
     * required; a URL with user and password sets the login. {@link #tlsMode} and {@link
     * #credentials} still win. The URL's mailbox or message is not a setting: read it with {@link
     * io.inetkit.core.Pop3Url}.
     *
     * @param url the {@code pop3://} or {@code pop3s://} URL
     * @return this builder
     * @throws io.inetkit.core.InvalidInputException when {@code url} is not a pop3 URL
     */
    public Builder url(InetkitUrl url) {
      conn.url(url, true, Scheme.POP3, Scheme.POP3S);
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
     * Sets how to secure the connection (default: IMPLICIT on 995, else STARTTLS_REQUIRED, derived
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
     * Sets the largest mailbox a session accepts (default {@value
     * Pop3Client#DEFAULT_MAX_MESSAGES}); see {@link Pop3Client#maxMessages()}.
     *
     * @param messages the limit, in messages
     * @return this builder
     */
    public Builder maxMessages(int messages) {
      this.maxMessages = (int) Inputs.requireRange("maxMessages", messages, 1, Integer.MAX_VALUE);
      return this;
    }

    /**
     * Sets the longest line accepted from the server, 8 KiB to 64 MiB (default 1 MiB).
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
    public Pop3Client build() {
      if (conn.endpoint().isEmpty()) {
        throw new IllegalStateException("endpoint is required");
      }
      if (conn.credentials().isEmpty()) {
        throw new IllegalStateException("credentials are required");
      }
      return new Pop3Client(this);
    }
  }
}
