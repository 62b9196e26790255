package io.inetkit.mail.smtp;

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
import io.inetkit.mail.OutgoingMessage;
import io.inetkit.mail.internal.SmtpConnection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, thread-safe SMTP client: where to submit mail and how. Holds no connection; {@link
 * #open()} makes one, {@link #send} opens, sends and closes.
 *
 * <p>Safe by default: STARTTLS is required on every port except 465 (implicit TLS), plain text only
 * when {@link TlsMode#NONE} is asked for, and a password in plain text only with {@link
 * Builder#plaintextLogin PlaintextLogin.ALLOWED} as well; certificates and host names are verified
 * with {@link Trust#system()}; timeouts are {@link Timeouts#DEFAULT}.
 *
 * <pre>{@code
 * SmtpClient client = SmtpClient.builder()
 *     .endpoint("smtp.example.org", 587)                 // STARTTLS required
 *     .credentials(Credentials.fromEnvironment("alice@example.org", "SMTP_PASSWORD"))
 *     .build();
 * SendReceipt receipt = client.send(MailMessage.builder()
 *     .from("alice@example.org").to("bob@example.org")
 *     .subject("Hello").text("Hi Bob").build());
 * System.out.println(receipt.finalReply());              // 250 2.0.0 Ok: queued as ...
 * }</pre>
 */
public final class SmtpClient {
  /** The submission port (RFC 6409), used when none is given. */
  public static final int SUBMISSION_PORT = 587;

  /** The implicit-TLS submission port (RFC 8314). */
  public static final int SUBMISSIONS_PORT = 465;

  /** The most sessions {@link #sendAll(List, int)} opens at once. */
  public static final int MAX_PARALLELISM = 64;

  private final SettingsBuilder requested;
  private final ConnectionSettings settings;
  private final String ehloName;

  private SmtpClient(Builder b) {
    this.requested = b.conn.copy();
    this.settings = b.conn.build(SmtpClient::defaultTlsMode);
    this.ehloName = b.ehloName;
  }

  /**
   * The TLS mode used when none is set: {@link TlsMode#IMPLICIT} on port 465, {@link
   * TlsMode#STARTTLS_REQUIRED} on every other port. Recomputed by every {@link Builder#build()}, so
   * a variant on another port gets its own.
   */
  private static TlsMode defaultTlsMode(Endpoint endpoint, Optional<Credentials> login) {
    return endpoint.port() == SUBMISSIONS_PORT ? TlsMode.IMPLICIT : TlsMode.STARTTLS_REQUIRED;
  }

  /** {@return a new builder (no endpoint yet)} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a builder holding this client's settings as they were set, to make a variant; a TLS
   * mode derived from the port is derived again for the variant's port}
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.conn = requested.copy();
    b.ehloName = ehloName;
    return b;
  }

  /**
   * {@return the connection settings, resolved: server, TLS mode, trust, login (empty when the
   * client does not log in), timeouts, plaintext-login policy and event listener}
   */
  public ConnectionSettings settings() {
    return settings;
  }

  /** {@return the server} */
  public Endpoint endpoint() {
    return settings.endpoint();
  }

  /** {@return how TLS is used (default: IMPLICIT on 465, STARTTLS_REQUIRED elsewhere)} */
  public TlsMode tlsMode() {
    return settings.tlsMode();
  }

  /** {@return which certificates are trusted} */
  public Trust trust() {
    return settings.trust();
  }

  /** {@return the credentials; empty when the client does not log in (no AUTH)} */
  public Optional<Credentials> credentials() {
    return settings.credentials();
  }

  /** {@return the time limits} */
  public Timeouts timeouts() {
    return settings.timeouts();
  }

  /** {@return the name sent with EHLO} */
  public String ehloName() {
    return ehloName;
  }

  /** {@return the event listener (default {@link EventListener#NONE})} */
  public EventListener eventListener() {
    return settings.eventListener();
  }

  /** {@return which proxy connections go through (default {@link Proxies#NONE}: directly)} */
  public Proxies proxy() {
    return settings.proxy();
  }

  /**
   * {@return whether credentials may be sent without TLS (default {@link PlaintextLogin#REFUSED})}
   */
  public PlaintextLogin plaintextLogin() {
    return settings.plaintextLogin();
  }

  /**
   * Connects, says EHLO, upgrades to TLS as configured and logs in.
   *
   * @return the open session
   * @throws io.inetkit.core.TlsException when TLS is required but not offered, refused or not
   *     verifiable; when there are credentials but no TLS and {@link #plaintextLogin()} is {@link
   *     PlaintextLogin#REFUSED}; or when the server offers no AUTH mechanism without TLS (a
   *     submission port that wants STARTTLS first). No credentials and no message were sent
   * @throws io.inetkit.core.AuthenticationException when the server refuses the credentials
   * @throws InetkitException for connection failures and timeouts
   */
  public SmtpSession open() throws InetkitException {
    return new SmtpSession(new SmtpConnection.Settings(settings, ehloName));
  }

  /**
   * Opens a session, sends one message and closes; see {@link SmtpSession#send}.
   *
   * @param message the message
   * @return the Message-ID, the accepted and the rejected recipients
   * @throws InetkitException when connecting, logging in or sending fails
   */
  public SendReceipt send(OutgoingMessage message) throws InetkitException {
    return send(message, DsnOptions.NONE);
  }

  /**
   * Like {@link #send(OutgoingMessage)} with delivery status notification options.
   *
   * @param message the message
   * @param dsn the delivery status notification options
   * @return the Message-ID, the accepted and the rejected recipients
   * @throws InetkitException when connecting, logging in or sending fails
   */
  public SendReceipt send(OutgoingMessage message, DsnOptions dsn) throws InetkitException {
    Objects.requireNonNull(message, "message");
    try (SmtpSession session = open()) {
      return session.send(message, dsn);
    }
  }

  /**
   * Opens a session, sends every message over it and closes; see {@link SmtpSession#sendAll}.
   *
   * @param messages the messages, sent in order
   * @return one outcome per message, at its message's position
   * @throws InetkitException when the session cannot be opened
   */
  public List<SendOutcome> sendAll(List<? extends OutgoingMessage> messages)
      throws InetkitException {
    try (SmtpSession session = open()) {
      return session.sendAll(messages);
    }
  }

  /**
   * Sends every message over up to {@code parallelism} sessions at once, for bulk sending; each
   * session works as {@link SmtpSession#sendAll} does (pipelined where the server offers it,
   * reconnecting after a 421 or a drop). Sessions take the next message from {@code messages} as
   * they finish one, so nothing is queued or copied and a slow session does not hold up the rest;
   * each outcome is at its message's position. The overall timeout applies to each message, and an
   * enclosing deadline of the calling thread (the CLI's {@code --timeout}) to every session.
   *
   * <p>A session that cannot be opened, or cannot connect again after its connection broke, takes
   * no more messages (the message it held is reported failed); the others carry on. Messages that
   * no session took, because every session stopped or the calling thread was interrupted (its
   * interrupt status is kept), are reported {@link SendOutcome.Failed} with an error that says they
   * were not sent. Every session is closed and every thread ended before this returns.
   *
   * <pre>{@code
   * List<SendOutcome> outcomes = client.sendAll(newsletter, 4);   // four connections
   * long sent = outcomes.stream().filter(o -> o instanceof SendOutcome.Sent).count();
   * }</pre>
   *
   * @param messages the messages
   * @param parallelism the number of sessions, 1 to {@value #MAX_PARALLELISM}; fewer are opened
   *     when there are fewer messages
   * @return one outcome per message, at its message's position
   * @throws io.inetkit.core.InvalidInputException when {@code parallelism} is out of range
   * @throws InetkitException when no session could be opened (nothing was sent); the failure of the
   *     first one
   */
  public List<SendOutcome> sendAll(List<? extends OutgoingMessage> messages, int parallelism)
      throws InetkitException {
    Objects.requireNonNull(messages, "messages");
    Inputs.requireRange("parallelism", parallelism, 1, MAX_PARALLELISM);
    if (messages.isEmpty()) {
      return List.of();
    }
    if (parallelism == 1 || messages.size() == 1) {
      return sendAll(messages);
    }
    return new SmtpPool(this, messages, Math.min(parallelism, messages.size())).run();
  }

  @Override
  public String toString() {
    return SettingsBuilder.describe("SmtpClient", settings);
  }

  /** Configures an {@link SmtpClient}; every setter validates at once. */
  public static final class Builder {
    private SettingsBuilder conn = new SettingsBuilder();
    private String ehloName = "localhost";

    private Builder() {}

    /**
     * Takes server, TLS and login from an {@code smtp://} or {@code smtps://} URL: {@code smtps}
     * means {@link TlsMode#IMPLICIT} (port 465 unless the URL names another), {@code smtp} STARTTLS
     * required (port 587); a URL with user and password sets the login. {@link #tlsMode} and {@link
     * #credentials} still win.
     *
     * @param url the {@code smtp://} or {@code smtps://} URL
     * @return this builder
     * @throws io.inetkit.core.InvalidInputException when {@code url} is not an SMTP URL
     */
    public Builder url(InetkitUrl url) {
      conn.url(url, true, Scheme.SMTP, Scheme.SMTPS);
      return this;
    }

    /**
     * Sets the server; port 465 means implicit TLS unless {@link #tlsMode} says otherwise.
     *
     * @param host the host name or address
     * @param port the TCP port
     * @return this builder
     */
    public Builder endpoint(String host, int port) {
      return endpoint(Endpoint.of(host, port));
    }

    /**
     * Sets the server on the submission port 587 (STARTTLS required).
     *
     * @param host the host name or address
     * @return this builder
     */
    public Builder endpoint(String host) {
      return endpoint(Endpoint.of(host, SUBMISSION_PORT));
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
     * Sets how TLS is used (default: IMPLICIT on 465, STARTTLS_REQUIRED elsewhere, derived again
     * for each variant's port).
     *
     * @param tlsMode the TLS mode
     * @return this builder
     */
    public Builder tlsMode(TlsMode tlsMode) {
      conn.tlsMode(tlsMode);
      return this;
    }

    /**
     * Sets which certificates are trusted (default {@link Trust#system()}).
     *
     * @param trust the trusted certificates
     * @return this builder
     */
    public Builder trust(Trust trust) {
      conn.trust(trust);
      return this;
    }

    /**
     * Sets the credentials: a password (AUTH PLAIN or LOGIN) or an OAuth2 token (XOAUTH2).
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
     * Sets the name sent with EHLO (default {@code localhost}).
     *
     * @param ehloName the EHLO name
     * @return this builder
     */
    public Builder ehloName(String ehloName) {
      this.ehloName = Inputs.requireToken("ehloName", ehloName, 255);
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
     * Sets whether credentials may be sent over a connection without TLS ({@link TlsMode#NONE}, or
     * an opportunistic STARTTLS the server did not offer). Default {@link PlaintextLogin#REFUSED}:
     * such a login fails with a {@link io.inetkit.core.TlsException} before the password leaves;
     * {@link PlaintextLogin#ALLOWED} sends it with a logged warning.
     *
     * @param plaintextLogin the policy
     * @return this builder
     */
    public Builder plaintextLogin(PlaintextLogin plaintextLogin) {
      conn.plaintextLogin(plaintextLogin);
      return this;
    }

    /**
     * {@return the client}
     *
     * @throws IllegalStateException when no endpoint was set
     */
    public SmtpClient build() {
      return new SmtpClient(this);
    }
  }
}
