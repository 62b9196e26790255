package io.inetkit.core;

/**
 * The server refused the credentials (or the offered mechanisms did not fit). Carries the server's
 * reply when there was one; never the password or token.
 *
 * <pre>{@code
 * catch (AuthenticationException e) {
 *   System.err.println(e.getMessage()); // "AUTH PLAIN as alice: 535 5.7.8 Authentication failed ..."
 *   Reply refusal = e.reply();          // null when the server said nothing
 * }
 * }</pre>
 */
public class AuthenticationException extends InetkitException {
  private static final long serialVersionUID = 1L;

  /** The server's refusal, or {@code null} when there was none (a failed SASL exchange). */
  private final Reply reply;

  /**
   * @param message what was attempted, e.g. {@code "AUTH PLAIN as alice"}
   * @param endpoint the server
   * @param reply the server's refusal, or {@code null} when none was received
   * @param cause the underlying exception, or {@code null}
   */
  public AuthenticationException(String message, Endpoint endpoint, Reply reply, Throwable cause) {
    super(reply == null ? message : message + ": " + reply, endpoint, cause);
    this.reply = reply;
  }

  /** {@return the server's refusal, or {@code null} when none was received} */
  public Reply reply() {
    return reply;
  }
}
