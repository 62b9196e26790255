package io.inetkit.core;

/**
 * Observes what a session does on the wire: connecting, TLS, authentication, each command and
 * reply, transfers, and closing. Every method is a no-op here; override the ones you need.
 *
 * <p>Contract (as OkHttp's): methods are called on the thread doing the work, must be fast, must
 * not throw, and must not call back into the session. Commands arrive with secrets already redacted
 * ({@code PASS ***}, {@code AUTH PLAIN ***}, {@code LOGIN alice ***}).
 *
 * <pre>{@code
 * EventListener trace = new EventListener() {
 *   public void commandSent(Endpoint ep, String command) { System.err.println("> " + command); }
 *   public void replyReceived(Endpoint ep, String reply) { System.err.println("< " + reply); }
 * };
 * }</pre>
 *
 * @see LoggingEventListener
 */
public abstract class EventListener {

  /** A listener that ignores every event. */
  public static final EventListener NONE = new EventListener() {};

  /**
   * Called before a TCP connection is attempted.
   *
   * @param endpoint the server
   */
  public void connectStart(Endpoint endpoint) {}

  /**
   * Called when the TCP connection (and an implicit TLS handshake) succeeded.
   *
   * @param endpoint the server
   */
  public void connectEnd(Endpoint endpoint) {}

  /**
   * Called when connecting failed.
   *
   * @param endpoint the server
   * @param failure why, typically a {@link ConnectionException}, {@link TlsException} or {@link
   *     InetkitTimeoutException}
   */
  public void connectFailed(Endpoint endpoint, InetkitException failure) {}

  /**
   * Called before a TLS handshake (implicit, or after STARTTLS).
   *
   * @param endpoint the server
   */
  public void tlsStart(Endpoint endpoint) {}

  /**
   * Called after a TLS handshake succeeded, with the negotiated protocol and cipher suite.
   *
   * @param endpoint the server
   * @param protocol the negotiated protocol, e.g. {@code TLSv1.3}
   * @param cipherSuite the negotiated cipher suite, e.g. {@code TLS_AES_256_GCM_SHA384}
   */
  public void tlsEnd(Endpoint endpoint, String protocol, String cipherSuite) {}

  /**
   * Called before authenticating as {@code user} with {@code mechanism}.
   *
   * @param endpoint the server
   * @param user the login name
   * @param mechanism how, e.g. {@code PLAIN}, {@code XOAUTH2}, {@code USER/PASS}
   */
  public void authStart(Endpoint endpoint, String user, String mechanism) {}

  /**
   * Called when authentication succeeded.
   *
   * @param endpoint the server
   * @param user the login name
   */
  public void authEnd(Endpoint endpoint, String user) {}

  /**
   * Called when authentication failed.
   *
   * @param endpoint the server
   * @param user the login name
   * @param failure why, typically an {@link AuthenticationException}
   */
  public void authFailed(Endpoint endpoint, String user, InetkitException failure) {}

  /**
   * Called when a command line was sent; secrets are already redacted.
   *
   * @param endpoint the server
   * @param command the command line without its line end, secrets replaced by {@code ***}
   */
  public void commandSent(Endpoint endpoint, String command) {}

  /**
   * Called when a reply line was received.
   *
   * @param endpoint the server
   * @param reply the reply line without its line end (or a summary, such as a Gopher menu's item
   *     count)
   */
  public void replyReceived(Endpoint endpoint, String reply) {}

  /**
   * Called when a transfer starts; {@code totalBytes} is -1 when unknown.
   *
   * @param endpoint the server
   * @param name what is transferred: a file name, message UID or selector
   * @param totalBytes the expected size in bytes, or -1
   */
  public void transferStart(Endpoint endpoint, String name, long totalBytes) {}

  /**
   * Called as a transfer progresses (at most about ten times a second).
   *
   * @param endpoint the server
   * @param progress the transfer so far
   */
  public void transferProgress(Endpoint endpoint, TransferProgress progress) {}

  /**
   * Called when a transfer completed.
   *
   * @param endpoint the server
   * @param progress the whole transfer: bytes moved and time taken
   */
  public void transferEnd(Endpoint endpoint, TransferProgress progress) {}

  /**
   * Called when a transfer failed.
   *
   * @param endpoint the server
   * @param name what was being transferred
   * @param failure why
   */
  public void transferFailed(Endpoint endpoint, String name, InetkitException failure) {}

  /**
   * Called when the session's connection was closed.
   *
   * @param endpoint the server
   */
  public void closed(Endpoint endpoint) {}
}
