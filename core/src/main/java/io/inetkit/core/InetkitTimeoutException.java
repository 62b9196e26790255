package io.inetkit.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A configured {@link Timeouts timeout} expired: connecting, waiting for a reply, waiting for the
 * next bytes of a transfer, or the overall time limit of the operation. The message names the phase
 * (connect, greeting, TLS handshake, login, the command, the transfer) and the limit in force. The
 * server may have acted on what was already sent.
 *
 * <pre>{@code
 * catch (InetkitTimeoutException e) {
 *   System.err.println(e.getMessage());
 *   // "RETR /big.iso (transfer) with ftp.example.org:21 (timed out after 3 s, the overall time limit)"
 *   Duration limit = e.timeout();       // raise it if the server is just slow
 *   e.limit();                          // Optional[OVERALL]
 * }
 * }</pre>
 */
public class InetkitTimeoutException extends InetkitException {
  private static final long serialVersionUID = 1L;

  /** Which of the {@link Timeouts} expired. */
  public enum Limit {
    /**
     * {@link Timeouts#connect()}: connecting (and, where the protocol says so, the greeting and
     * TLS).
     */
    CONNECT("the connect timeout"),
    /** {@link Timeouts#read()}: the server stayed silent too long. */
    READ("the read timeout"),
    /** {@link Timeouts#overall()}: the whole operation took too long. */
    OVERALL("the overall time limit");

    private final String description;

    Limit(String description) {
      this.description = description;
    }

    /** {@return the limit in words, e.g. {@code "the overall time limit"}} */
    public String description() {
      return description;
    }
  }

  /** The limit that expired. */
  private final Duration timeout;

  /** Which limit expired. */
  private final Limit limit;

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
    this.limit = null;
  }

  /**
   * @param message what was being waited for (the phase: connect, greeting, the command, …)
   * @param endpoint the server
   * @param timeout the value of the limit that expired
   * @param limit which limit it was
   * @param cause the underlying exception, or {@code null}
   */
  public InetkitTimeoutException(
      String message, Endpoint endpoint, Duration timeout, Limit limit, Throwable cause) {
    super(
        message
            + " (timed out after "
            + Timeouts.format(timeout)
            + ", "
            + limit.description()
            + ")",
        endpoint,
        cause);
    this.timeout = timeout;
    this.limit = limit;
  }

  /** {@return the limit that expired} */
  public Duration timeout() {
    return timeout;
  }

  /** {@return which of the {@link Timeouts} expired, when the code that raised this knows it} */
  public Optional<Limit> limit() {
    return Optional.ofNullable(limit);
  }
}
