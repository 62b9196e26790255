package io.inetkit.testkit.mail;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import io.inetkit.core.Endpoint;
import io.inetkit.core.Trust;
import io.inetkit.testkit.BindAddress;
import io.inetkit.testkit.tls.TestPki;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * An embedded mail server on 127.0.0.1 for tests: GreenMail's SMTP, IMAP and POP3 on free ports,
 * plus testkit's own TLS fronts for implicit TLS (SMTPS, IMAPS, POP3S) and for STARTTLS / STLS,
 * which GreenMail lacks. The fronts present a certificate from a {@link TestPki}, so clients verify
 * a real CA and host name ({@code 127.0.0.1} or {@code localhost}).
 *
 * <pre>{@code
 * try (MailServer mail = MailServer.start()) {
 *   mail.user("bob@example.org", "bob", "secret");
 *   // point the code under test at mail.host() and mail.port(MailProtocol.SMTP_STARTTLS),
 *   // trusting mail.clientTrust(), then:
 *   ReceivedMail got = mail.waitForMessages(1, Duration.ofSeconds(5)).get(0);
 *   assertThat(got.subject()).isEqualTo("Hello");
 *   mail.purge(); // between tests
 * }
 * }</pre>
 */
public final class MailServer implements AutoCloseable {
  private final BindAddress bind;
  private final String host;
  private final NoDelayGreenMail greenMail;
  private final TestPki pki;
  private final Map<MailProtocol, Integer> ports = new EnumMap<>(MailProtocol.class);
  private final List<FrontListener> fronts = new ArrayList<>();

  private MailServer(Builder b) throws IOException {
    this.pki = b.pki == null ? TestPki.shared() : b.pki;
    this.bind = b.bind;
    this.host = bind.urlHost();
    // Only the plain protocols in use: each TLS listener relays to its protocol's plain one.
    Set<MailProtocol> plainInUse = EnumSet.noneOf(MailProtocol.class);
    b.protocols.forEach(p -> plainInUse.add(p.plain()));
    this.greenMail =
        new NoDelayGreenMail(
            plainInUse.stream()
                .map(p -> new ServerSetup(b.port(p), bind.toString(), greenMailProtocol(p)))
                .toArray(ServerSetup[]::new));
    greenMail.start();
    try {
      Map<MailProtocol, Integer> plain = new EnumMap<>(MailProtocol.class);
      plainInUse.forEach(p -> plain.put(p, greenMail.port(greenMailProtocol(p))));
      // built on the first TLS client, not at start
      Supplier<SSLContext> tls =
          b.identity == null ? pki::serverSslContext : b.identity::sslContext;
      InetSocketAddress upstreamHost = new InetSocketAddress(bind.connectAddress(), 0);
      for (MailProtocol p : b.protocols) {
        int upstream = plain.get(p.plain());
        if (p == p.plain()) {
          ports.put(p, upstream);
        } else {
          FrontListener front =
              new FrontListener(
                  p.name().toLowerCase(),
                  handler(p, tls, new InetSocketAddress(upstreamHost.getAddress(), upstream)),
                  bind.address(),
                  b.port(p));
          fronts.add(front);
          ports.put(p, front.port());
        }
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private static String greenMailProtocol(MailProtocol plain) {
    return switch (plain) {
      case SMTP -> ServerSetup.PROTOCOL_SMTP;
      case IMAP -> ServerSetup.PROTOCOL_IMAP;
      default -> ServerSetup.PROTOCOL_POP3;
    };
  }

  private static FrontListener.Handler handler(
      MailProtocol p, Supplier<SSLContext> tls, InetSocketAddress upstream) {
    Supplier<StartTlsDialogue> dialogue =
        switch (p.plain()) {
          case SMTP -> SmtpStartTlsFront::new;
          case IMAP -> ImapStartTlsFront::new;
          default -> Pop3StartTlsFront::new;
        };
    return p.tlsMode().isImplicit()
        ? new ImplicitTlsFront(tls, upstream)
        : new StartTlsFront(dialogue, tls, upstream);
  }

  /**
   * Starts a server with every {@link MailProtocol} listener and the {@linkplain TestPki#shared()
   * shared} {@link TestPki}.
   *
   * @return the running server; close it to stop
   * @throws java.io.IOException when a listener cannot be bound
   */
  public static MailServer start() throws IOException {
    return builder().start();
  }

  /** {@return a builder to choose listeners and TLS material} */
  public static Builder builder() {
    return new Builder();
  }

  /** Chooses what a {@link MailServer} starts. */
  public static final class Builder {
    private Set<MailProtocol> protocols = EnumSet.allOf(MailProtocol.class);
    private TestPki pki;
    private TestPki.ServerIdentity identity;
    private BindAddress bind = BindAddress.LOOPBACK;
    private final Map<MailProtocol, Integer> fixedPorts = new EnumMap<>(MailProtocol.class);

    private Builder() {}

    /**
     * Binds {@code protocol}'s listener to a fixed port instead of a free one (default 0: free).
     * The plain listener of every protocol in use always runs (its TLS listeners relay to it), so a
     * fixed port for a plain protocol applies even when only its TLS variants are listed.
     *
     * @param protocol the listener
     * @param port the port, or 0 for a free port
     * @return this builder
     */
    public Builder port(MailProtocol protocol, int port) {
      Objects.requireNonNull(protocol, "protocol");
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
      fixedPorts.put(protocol, port);
      return this;
    }

    private int port(MailProtocol protocol) {
      return fixedPorts.getOrDefault(protocol, 0);
    }

    /**
     * Opens only these listeners (default: all of them).
     *
     * @param first the first listener to open
     * @param more further listeners to open
     * @return this builder
     */
    public Builder protocols(MailProtocol first, MailProtocol... more) {
      this.protocols = EnumSet.of(first, more);
      return this;
    }

    /**
     * Uses this PKI's server certificate on the TLS listeners (default: {@link TestPki#shared()}).
     *
     * @param pki the CA whose server certificate the TLS listeners present
     * @return this builder
     */
    public Builder pki(TestPki pki) {
      this.pki = Objects.requireNonNull(pki, "pki");
      return this;
    }

    /**
     * Listens on {@code address} instead of {@code 127.0.0.1} (every listener).
     *
     * @param address the address to listen on
     * @return this builder
     */
    public Builder bindAddress(BindAddress address) {
      this.bind = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Presents {@code identity} on the TLS listeners instead of the PKI's default server
     * certificate (say, one issued for the bind address).
     *
     * @param identity the certificate and key to present
     * @return this builder
     */
    public Builder identity(TestPki.ServerIdentity identity) {
      this.identity = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /**
     * Starts the server; all listeners are accepting when this returns.
     *
     * @return the running server; close it to stop
     * @throws java.io.IOException when a listener cannot be bound
     */
    public MailServer start() throws IOException {
      return new MailServer(this);
    }
  }

  /**
   * Creates (or updates) a user who can log in with {@code login} and {@code password} and whose
   * mailbox receives mail for {@code email}.
   *
   * @param email the address the mailbox receives mail for
   * @param login the login name
   * @param password the password
   * @return this server
   */
  public MailServer user(String email, String login, String password) {
    greenMail.setUser(email, login, password);
    return this;
  }

  /**
   * Creates a user whose login is the e-mail address itself.
   *
   * @param email the address, also the login name
   * @param password the password
   * @return this server
   */
  public MailServer user(String email, String password) {
    return user(email, email, password);
  }

  /**
   * {@return the address clients on this machine connect to: {@code 127.0.0.1} unless the server
   * was bound to another address}
   */
  public String host() {
    return host;
  }

  /**
   * {@return the port of a listener}
   *
   * @param protocol the listener
   * @throws IllegalStateException when the server was built without that listener
   */
  public int port(MailProtocol protocol) {
    Integer port = ports.get(Objects.requireNonNull(protocol, "protocol"));
    if (port == null) {
      throw new IllegalStateException(protocol + " listener was not started");
    }
    return port;
  }

  /** {@return the plain SMTP port} */
  public int smtpPort() {
    return port(MailProtocol.SMTP);
  }

  /** {@return the implicit-TLS SMTP port} */
  public int smtpsPort() {
    return port(MailProtocol.SMTPS);
  }

  /** {@return the SMTP port that requires STARTTLS} */
  public int smtpStartTlsPort() {
    return port(MailProtocol.SMTP_STARTTLS);
  }

  /**
   * {@return the listener's address as a core {@link Endpoint}}
   *
   * @param protocol the listener
   */
  public Endpoint endpoint(MailProtocol protocol) {
    return Endpoint.of(host, port(protocol));
  }

  /**
   * {@return {@code scheme://127.0.0.1:port}, e.g. {@code smtps://127.0.0.1:40123}}
   *
   * @param protocol the listener
   */
  public String url(MailProtocol protocol) {
    return protocol.scheme() + "://" + host + ":" + port(protocol);
  }

  /**
   * {@return {@code scheme://user@127.0.0.1:port} with the user name URL-encoded}
   *
   * @param protocol the listener
   * @param user the user name to put in the URL
   */
  public String url(MailProtocol protocol, String user) {
    return protocol.scheme()
        + "://"
        + java.net.URLEncoder.encode(user, java.nio.charset.StandardCharsets.UTF_8)
        + "@"
        + host
        + ":"
        + port(protocol);
  }

  /** {@return the TLS material the fronts present} */
  public TestPki pki() {
    return pki;
  }

  /** {@return the inetkit {@link Trust} that verifies the TLS listeners (CA and host name)} */
  public Trust clientTrust() {
    return pki.clientTrust();
  }

  /**
   * {@return every stored copy of every message, in order of arrival (one copy per recipient
   * mailbox, including mail {@link #deliver delivered} directly)}
   */
  public List<ReceivedMail> received() {
    List<Stored> all = new ArrayList<>();
    for (GreenMailUser user : greenMail.getUserManager().listUser()) {
      try {
        for (StoredMessage m :
            greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
          all.add(new Stored(user.getEmail(), m));
        }
      } catch (FolderException e) {
        throw new IllegalStateException("cannot read the mailbox of " + user.getEmail(), e);
      }
    }
    all.sort(Comparator.comparing(s -> s.message().getReceivedDate()));
    return all.stream().map(Stored::toReceived).toList();
  }

  /**
   * {@return the copies delivered to {@code email}, in order of arrival}
   *
   * @param email the recipient's address
   */
  public List<ReceivedMail> receivedBy(String email) {
    return received().stream().filter(m -> m.recipient().equalsIgnoreCase(email)).toList();
  }

  /**
   * Waits until at least {@code count} message copies are stored and returns them all.
   *
   * @param count how many copies to wait for
   * @param timeout how long to wait at most
   * @return every stored copy, in order of arrival
   * @throws AssertionError when fewer arrived within {@code timeout}
   */
  public List<ReceivedMail> waitForMessages(int count, Duration timeout) {
    return Waiting.forCount(count, timeout, this::received);
  }

  /**
   * Places a raw RFC 5322 message straight into the INBOX of {@code email} (creating that user,
   * password = address, if unknown): for testing code that reads mail.
   *
   * @param email the recipient's address
   * @param rawMessage the message bytes, headers and body
   */
  public void deliver(String email, byte[] rawMessage) {
    GreenMailUser user = greenMail.getUserManager().getUserByEmail(email);
    if (user == null) {
      user = greenMail.setUser(email, email);
    }
    try {
      user.deliver(
          new MimeMessage(
              Session.getInstance(new Properties()), new ByteArrayInputStream(rawMessage)));
    } catch (MessagingException e) {
      throw new IllegalArgumentException("not a parsable message: " + e.getMessage(), e);
    }
  }

  /** Deletes every stored message of every user; users stay. */
  public void purge() {
    try {
      greenMail.purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IllegalStateException("cannot purge mailboxes", e);
    }
  }

  /** Stops every listener and closes every connection. Idempotent. */
  @Override
  public void close() {
    fronts.forEach(FrontListener::close);
    if (greenMail.isRunning()) {
      greenMail.stop();
    }
  }

  private record Stored(String recipient, StoredMessage message) {
    ReceivedMail toReceived() {
      try {
        MimeMessage m = message.getMimeMessage();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        String[] from = m.getHeader("From");
        String decodedFrom = from == null ? "" : MimeView.decode(MimeUtility.unfold(from[0]));
        return new ReceivedMail(recipient, decodedFrom, m.getSubject(), raw.toByteArray());
      } catch (MessagingException e) {
        throw new IllegalStateException("cannot read a stored message", e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
