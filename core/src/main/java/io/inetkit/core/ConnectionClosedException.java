package io.inetkit.core;

/**
 * The server closed the connection (or it was reset) before the operation finished. Whatever the
 * operation had sent may or may not have taken effect; the message says which step was under way.
 *
 * <pre>{@code
 * try {
 *   session.send(message);
 * } catch (ConnectionClosedException e) {
 *   // the server hung up mid-way: the message may or may not have been accepted
 * }
 * }</pre>
 */
public class ConnectionClosedException extends InetkitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link InetkitException#InetkitException}.
   *
   * @param message what was attempted and what happened; must not contain a secret
   * @param endpoint the server
   * @param cause the underlying exception, or {@code null}
   */
  public ConnectionClosedException(String message, Endpoint endpoint, Throwable cause) {
    super(message, endpoint, cause);
  }
}
