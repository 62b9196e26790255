package io.inetkit.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The connection settings every inetkit client carries, resolved: where to connect, how TLS is used
 * and which certificates are trusted, who logs in, the time limits, whether a password may travel
 * without TLS, and who hears about events. Each client exposes its own with {@code settings()} and
 * hands exactly this value to its connection layer; protocol-specific settings (buffer sizes,
 * prompts, limits) stay on the client.
 *
 * <pre>{@code
 * ImapClient client = ImapClient.builder()
 *     .url(InetkitUrl.parse("imaps://alice@imap.example.org"))
 *     .credentials(Credentials.fromEnvironment("alice", "IMAP_PASSWORD"))
 *     .build();
 * ConnectionSettings s = client.settings();
 * s.endpoint();   // imap.example.org:993
 * s.tlsMode();    // IMPLICIT, derived from the scheme
 * }</pre>
 *
 * <p>Values are resolved: a TLS mode the builder derived (from the port or the URL's scheme) is
 * shown here as the mode that will be used. The client's {@code newBuilder()} does not copy the
 * resolved value but what was set, so a variant on another port derives its mode again.
 *
 * @param endpoint the server
 * @param tlsMode how TLS is used
 * @param trust which certificates are trusted
 * @param credentials who logs in; empty when the client does not log in (SMTP without AUTH, Telnet
 *     and Gopher)
 * @param timeouts the connect, idle-read and per-operation limits
 * @param plaintextLogin whether credentials may be sent over a connection without TLS
 * @param eventListener who is told about connections, commands and replies
 * @param proxy the proxies connections go through ({@link Proxies#NONE}: direct)
 */
public record ConnectionSettings(
    Endpoint endpoint,
    TlsMode tlsMode,
    Trust trust,
    Optional<Credentials> credentials,
    Timeouts timeouts,
    PlaintextLogin plaintextLogin,
    EventListener eventListener,
    Proxies proxy) {

  /**
   * Checks that no component is null.
   *
   * @param endpoint the server
   * @param tlsMode how TLS is used
   * @param trust which certificates are trusted
   * @param credentials who logs in; empty when the client does not log in
   * @param timeouts the connect, idle-read and per-operation limits
   * @param plaintextLogin whether credentials may be sent over a connection without TLS
   * @param eventListener who is told about connections, commands and replies
   * @param proxy the proxies connections go through ({@link Proxies#NONE}: direct)
   * @throws NullPointerException if any component is null
   */
  public ConnectionSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(tlsMode, "tlsMode");
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(plaintextLogin, "plaintextLogin");
    Objects.requireNonNull(eventListener, "eventListener");
    Objects.requireNonNull(proxy, "proxy");
  }

  /**
   * Returns a copy for another server and TLS mode (Gopher, one server per request); the other
   * components are kept.
   *
   * @param endpoint the server to connect to instead, not null
   * @param tlsMode how TLS is used with that server, not null
   * @return a copy with {@code endpoint} and {@code tlsMode} replaced
   * @throws NullPointerException if {@code endpoint} or {@code tlsMode} is null
   */
  public ConnectionSettings withTarget(Endpoint endpoint, TlsMode tlsMode) {
    return new ConnectionSettings(
        endpoint, tlsMode, trust, credentials, timeouts, plaintextLogin, eventListener, proxy);
  }

  /** Returns a description without secrets. */
  @Override
  public String toString() {
    return "ConnectionSettings["
        + endpoint
        + ", "
        + tlsMode
        + ", "
        + trust
        + credentials.map(c -> ", " + c).orElse("")
        + ", "
        + timeouts
        + "]";
  }
}
