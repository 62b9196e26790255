package io.inetkit.core;

/**
 * The server's output broke the protocol: a malformed or garbage reply, an unparseable listing,
 * an unexpected response. The message quotes (a bounded prefix of) what was received.
 */
public class ProtocolViolationException extends InetkitException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link InetkitException#InetkitException}. */
  public ProtocolViolationException(String message, Endpoint endpoint, Throwable cause) {
    super(message, endpoint, cause);
  }
}
