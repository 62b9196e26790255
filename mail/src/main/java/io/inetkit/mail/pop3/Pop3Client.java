package io.inetkit.mail.pop3;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.InetkitException;
import io.inetkit.core.Inputs;
import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.mail.imap.ImapClient;
import java.util.Objects;

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
  private final Endpoint endpoint;
  private final TlsMode tlsMode;
  private final Trust trust;
  private final Credentials credentials;
  private final Timeouts timeouts;
  private final EventListener events;
  private final PlaintextLogin plaintextLogin;
  private final int maxLineLength;
  private final int maxMessages;

  /** The default {@link #maxMessages()}: 100,000. */
  public static final int DEFAULT_MAX_MESSAGES = 100_000;

  private Pop3Client(Builder b) {
    this.endpoint = b.endpoint;
    this.tlsMode =
        b.tlsMode != null
            ? b.tlsMode
            : b.endpoint.port() == 995 ? TlsMode.IMPLICIT : TlsMode.STARTTLS_REQUIRED;
    this.trust = b.trust;
    this.credentials = b.credentials;
    this.timeouts = b.timeouts;
    this.events = b.events;
    this.plaintextLogin = b.plaintextLogin;
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
    b.maxLineLength = maxLineLength;
    b.maxMessages = maxMessages;
    return b;
  }

  /**
   * Connects, secures (TLS or STLS) and logs in (AUTH PLAIN/LOGIN/XOAUTH2 or USER/PASS).
   *
   * @throws io.inetkit.core.TlsException when TLS fails or STLS is required but not offered
   * @throws io.inetkit.core.AuthenticationException when the login is refused
   * @throws InetkitException for other failures
   */
  public Pop3Session open() throws InetkitException {
    return new Pop3Session(this);
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

  /** Returns the longest line accepted from the server. */
  public int maxLineLength() {
    return maxLineLength;
  }

  /**
   * Returns the largest mailbox a session accepts: when STAT announces more messages, {@link
   * #open()} fails with {@link io.inetkit.core.LimitExceededException} before anything is sized by
   * the announcement. Memory grows with it: Angus Mail keeps one slot per message (4-8 bytes), and
   * {@link Pop3Session#list()} returns every message (about 150 bytes each), while {@link
   * Pop3Session#list(int)} holds only the messages it returns.
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
    return "Pop3Client[" + endpoint + ", " + tlsMode + ", " + trust + ", " + credentials + "]";
  }

  /** Builds a {@link Pop3Client}; setters validate eagerly. */
  public static final class Builder {
    private Endpoint endpoint;
    private TlsMode tlsMode;
    private Trust trust = Trust.system();
    private Credentials credentials;
    private Timeouts timeouts = Timeouts.DEFAULT;
    private EventListener events = EventListener.NONE;
    private PlaintextLogin plaintextLogin = PlaintextLogin.REFUSED;
    private int maxLineLength = ImapClient.DEFAULT_MAX_LINE;
    private int maxMessages = DEFAULT_MAX_MESSAGES;

    private Builder() {}

    /**
     * Sets the largest mailbox a session accepts (default {@value
     * Pop3Client#DEFAULT_MAX_MESSAGES}); see {@link Pop3Client#maxMessages()}.
     */
    public Builder maxMessages(int messages) {
      this.maxMessages = (int) Inputs.requireRange("maxMessages", messages, 1, Integer.MAX_VALUE);
      return this;
    }

    /** Sets the server. */
    public Builder endpoint(Endpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** Sets the server by host and port. */
    public Builder endpoint(String host, int port) {
      return endpoint(Endpoint.of(host, port));
    }

    /** Sets how to secure the connection (default: IMPLICIT on 995, else STARTTLS_REQUIRED). */
    public Builder tlsMode(TlsMode tlsMode) {
      this.tlsMode = Objects.requireNonNull(tlsMode, "tlsMode");
      return this;
    }

    /** Sets which certificates to trust (default {@link Trust#system()}). */
    public Builder trust(Trust trust) {
      this.trust = Objects.requireNonNull(trust, "trust");
      return this;
    }

    /** Sets the login. */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** Sets the time limits. */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    /** Sets the event listener. */
    public Builder events(EventListener events) {
      this.events = Objects.requireNonNull(events, "events");
      return this;
    }

    /** Sets the longest line accepted from the server, 8 KiB to 64 MiB (default 1 MiB). */
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
    public Pop3Client build() {
      if (endpoint == null) {
        throw new IllegalStateException("endpoint is required");
      }
      if (credentials == null) {
        throw new IllegalStateException("credentials are required");
      }
      return new Pop3Client(this);
    }
  }
}
