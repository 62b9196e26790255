package io.inetkit.core;

import java.time.Duration;

/**
 * A configured {@link Timeouts timeout} expired: connecting, waiting for a reply, or waiting for
 * the next bytes of a transfer. The server may have acted on what was already sent.
 *
 * <pre>{@code
 * catch (InetkitTimeoutException e) {
 *   System.err.println(e.getMessage()); // "RETR 1 to mail.example.org:995 (timed out after 60 s)"
 *   Duration limit = e.timeout();       // raise Timeouts.read() if the server is just slow
 * }
 * }</pre>
 */
public class InetkitTimeoutException extends InetkitException {
  private static final long serialVersionUID = 1L;

  private final Duration timeout;

  /**
   * @param message what was being waited for
   * @param endpoint the server
   * @param timeout the limit that expired
   * @param cause the underlying exception, or {@code null}
   */
  public InetkitTimeoutException(
      String message, Endpoint endpoint, Duration timeout, Throwable cause) {
    super(message + " (timed out after " + Timeouts.format(timeout) + ")", endpoint, cause);
    this.timeout = timeout;
  }

  /** Returns the limit that expired. */
  public Duration timeout() {
    return timeout;
  }
}
