package io.inetkit.core;

/**
 * The connection could not be made: unknown host, connection refused, network unreachable.
 * Nothing was sent to the server.
 */
public class ConnectionException extends InetkitException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link InetkitException#InetkitException}. */
  public ConnectionException(String message, Endpoint endpoint, Throwable cause) {
    super(message, endpoint, cause);
  }
}
