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

  /** Called before a TCP connection is attempted. */
  public void connectStart(Endpoint endpoint) {}

  /** Called when the TCP connection (and an implicit TLS handshake) succeeded. */
  public void connectEnd(Endpoint endpoint) {}

  /** Called when connecting failed. */
  public void connectFailed(Endpoint endpoint, InetkitException failure) {}

  /** Called before a TLS handshake (implicit, or after STARTTLS). */
  public void tlsStart(Endpoint endpoint) {}

  /** Called after a TLS handshake succeeded, with the negotiated protocol and cipher suite. */
  public void tlsEnd(Endpoint endpoint, String protocol, String cipherSuite) {}

  /** Called before authenticating as {@code user} with {@code mechanism}. */
  public void authStart(Endpoint endpoint, String user, String mechanism) {}

  /** Called when authentication succeeded. */
  public void authEnd(Endpoint endpoint, String user) {}

  /** Called when authentication failed. */
  public void authFailed(Endpoint endpoint, String user, InetkitException failure) {}

  /** Called when a command line was sent; secrets are already redacted. */
  public void commandSent(Endpoint endpoint, String command) {}

  /** Called when a reply line was received. */
  public void replyReceived(Endpoint endpoint, String reply) {}

  /** Called when a transfer starts; {@code totalBytes} is -1 when unknown. */
  public void transferStart(Endpoint endpoint, String name, long totalBytes) {}

  /** Called as a transfer progresses (at most about ten times a second). */
  public void transferProgress(Endpoint endpoint, TransferProgress progress) {}

  /** Called when a transfer completed. */
  public void transferEnd(Endpoint endpoint, TransferProgress progress) {}

  /** Called when a transfer failed. */
  public void transferFailed(Endpoint endpoint, String name, InetkitException failure) {}

  /** Called when the session's connection was closed. */
  public void closed(Endpoint endpoint) {}
}
