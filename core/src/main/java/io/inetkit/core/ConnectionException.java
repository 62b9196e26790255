package io.inetkit.core;

/**
 * The connection could not be made: unknown host, connection refused, network unreachable. Nothing
 * was sent to the server.
 *
 * <pre>{@code
 * catch (ConnectionException e) {
 *   System.err.println(e.getMessage()); // "connect to ftp.example.org:21 failed: Connection refused"
 *   Endpoint where = e.endpoint();
 * }
 * }</pre>
 */
public class ConnectionException extends InetkitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link InetkitException#InetkitException}.
   *
   * @param message what was attempted and what happened; must not contain a secret
   * @param endpoint the server that could not be reached
   * @param cause the underlying exception, or {@code null}
   */
  public ConnectionException(String message, Endpoint endpoint, Throwable cause) {
    super(message, endpoint, cause);
  }
}
