package io.inetkit.mail.imap;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.Inputs;
import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import java.util.Objects;
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

  private final Endpoint endpoint;
  private final TlsMode tlsMode;
  private final Trust trust;
  private final Credentials credentials;
  private final Timeouts timeouts;
  private final EventListener events;
  private final PlaintextLogin plaintextLogin;
  private final int fetchSize;
  private final int maxLineLength;
  private final int maxMessages;

  private ImapClient(Builder b) {
    this.endpoint = b.endpoint;
    this.tlsMode =
        b.tlsMode != null
            ? b.tlsMode
            : b.endpoint.port() == 993 ? TlsMode.IMPLICIT : TlsMode.STARTTLS_REQUIRED;
    this.trust = b.trust;
    this.credentials = b.credentials;
    this.timeouts = b.timeouts;
    this.events = b.events;
    this.plaintextLogin = b.plaintextLogin;
    this.fetchSize = b.fetchSize;
    this.maxLineLength = b.maxLineLength;
    this.maxMessages = b.maxMessages;
  }

  /**
   * Returns a builder with safe defaults; {@code endpoint} and {@code credentials} are required.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this client's settings. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.endpoint = endpoint;
    b.tlsMode = tlsMode;
    b.trust = trust;
    b.credentials = credentials;
    b.timeouts = timeouts;
    b.events = events;
    b.plaintextLogin = plaintextLogin;
    b.fetchSize = fetchSize;
    b.maxLineLength = maxLineLength;
    b.maxMessages = maxMessages;
    return b;
  }

  /**
   * Connects, secures and logs in.
   *
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
   * @throws InetkitException when the first connection fails
   */
  public ImapWatch watch(String folder, WatchOptions options, Consumer<WatchEvent> listener)
      throws InetkitException {
    return ImapWatch.start(this, ImapNames.folder("folder", folder), options, listener);
  }

  /** Returns the server. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** Returns how the connection is secured. */
  public TlsMode tlsMode() {
    return tlsMode;
  }

  /** Returns which certificates are trusted. */
  public Trust trust() {
    return trust;
  }

  /** Returns the login. */
  public Credentials credentials() {
    return credentials;
  }

  /** Returns the time limits. */
  public Timeouts timeouts() {
    return timeouts;
  }

  /** Returns the event listener. */
  public EventListener events() {
    return events;
  }

  /** Returns the bytes fetched per partial FETCH when downloading. */
  public int fetchSize() {
    return fetchSize;
  }

  /** Returns the longest response line accepted outside literals. */
  public int maxLineLength() {
    return maxLineLength;
  }

  /**
   * Returns the largest folder a session accepts, and the most UIDs one search returns. A server
   * announcing more ({@code * N EXISTS}) fails the command with {@link
   * io.inetkit.core.LimitExceededException} before anything is sized by the announcement (Angus
   * Mail keeps 8-12 bytes per message of the selected folder); so does a search matching more.
   */
  public int maxMessages() {
    return maxMessages;
  }

  /** Returns whether the login may be sent without TLS (default {@link PlaintextLogin#REFUSED}). */
  public PlaintextLogin plaintextLogin() {
    return plaintextLogin;
  }

  @Override
  public String toString() {
    return "ImapClient[" + endpoint + ", " + tlsMode + ", " + trust + ", " + credentials + "]";
  }

  /** Builds an {@link ImapClient}; setters validate eagerly. */
  public static final class Builder {
    private Endpoint endpoint;
    private TlsMode tlsMode;
    private Trust trust = Trust.system();
    private Credentials credentials;
    private Timeouts timeouts = Timeouts.DEFAULT;
    private EventListener events = EventListener.NONE;
    private PlaintextLogin plaintextLogin = PlaintextLogin.REFUSED;
    private int fetchSize = DEFAULT_FETCH_SIZE;
    private int maxLineLength = DEFAULT_MAX_LINE;
    private int maxMessages = DEFAULT_MAX_MESSAGES;

    private Builder() {}

    /** Sets the server. */
    public Builder endpoint(Endpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** Sets the server by host and port. */
    public Builder endpoint(String host, int port) {
      return endpoint(Endpoint.of(host, port));
    }

    /** Sets how to secure the connection (default: IMPLICIT on 993, else STARTTLS_REQUIRED). */
    public Builder tlsMode(TlsMode tlsMode) {
      this.tlsMode = Objects.requireNonNull(tlsMode, "tlsMode");
      return this;
    }

    /** Sets which certificates to trust (default: {@link Trust#system()}). */
    public Builder trust(Trust trust) {
      this.trust = Objects.requireNonNull(trust, "trust");
      return this;
    }

    /** Sets the login: a password (LOGIN, AUTH PLAIN) or an OAuth2 token (AUTH XOAUTH2). */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** Sets the time limits (default {@link Timeouts#DEFAULT}). */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    /** Sets the event listener (default {@link EventListener#NONE}). */
    public Builder events(EventListener events) {
      this.events = Objects.requireNonNull(events, "events");
      return this;
    }

    /**
     * Sets the bytes asked for per partial FETCH when downloading, 16 KiB to 16 MiB (default 1
     * MiB). Larger means fewer round trips; each chunk is held in memory once while it is written
     * out.
     */
    public Builder fetchSize(int bytes) {
      this.fetchSize = (int) Inputs.requireRange("fetchSize", bytes, 16 * 1024, 16 * 1024 * 1024);
      return this;
    }

    /**
     * Sets the largest folder accepted and the most UIDs one search returns (default {@value
     * ImapClient#DEFAULT_MAX_MESSAGES}); see {@link ImapClient#maxMessages()}.
     */
    public Builder maxMessages(int messages) {
      this.maxMessages = (int) Inputs.requireRange("maxMessages", messages, 1, Integer.MAX_VALUE);
      return this;
    }

    /**
     * Sets the longest response line accepted outside literals, 8 KiB to 64 MiB (default 1 MiB).
     */
    public Builder maxLineLength(int bytes) {
      this.maxLineLength =
          (int) Inputs.requireRange("maxLineLength", bytes, 8 * 1024, 64L * 1024 * 1024);
      return this;
    }

    /**
     * Sets whether the login may be sent over a connection without TLS ({@link TlsMode#NONE}).
     * Default {@link PlaintextLogin#REFUSED}: {@code open()} then fails with a {@link
     * io.inetkit.core.TlsException} before connecting, and an opportunistic STARTTLS is treated as
     * required; {@link PlaintextLogin#ALLOWED} sends the login in clear text with a logged warning.
     */
    public Builder plaintextLogin(PlaintextLogin plaintextLogin) {
      this.plaintextLogin = Objects.requireNonNull(plaintextLogin, "plaintextLogin");
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException when endpoint or credentials are missing
     */
    public ImapClient build() {
      if (endpoint == null) {
        throw new IllegalStateException("endpoint is required");
      }
      if (credentials == null) {
        throw new IllegalStateException("credentials are required");
      }
      return new ImapClient(this);
    }
  }
}
