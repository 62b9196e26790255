package io.inetkit.core;

/**
 * The server's output broke the protocol: a malformed or garbage reply, an unparseable listing, an
 * unexpected response. The message quotes (a bounded prefix of) what was received.
 *
 * <pre>{@code
 * catch (LimitExceededException e) {      // a line or listing over the configured limit
 *   log.warn("{} sent too much: {}", e.endpoint(), e.getMessage());
 * } catch (ProtocolViolationException e) { // garbage where a reply was expected
 *   log.warn("{} broke the protocol: {}", e.endpoint(), e.getMessage());
 * }
 * }</pre>
 */
public class ProtocolViolationException extends InetkitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link InetkitException#InetkitException}.
   *
   * @param message what was attempted and what happened; must not contain a secret
   * @param endpoint the server
   * @param cause the underlying exception, or {@code null}
   */
  public ProtocolViolationException(String message, Endpoint endpoint, Throwable cause) {
    super(message, endpoint, cause);
  }
}
