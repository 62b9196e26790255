package io.inetkit.core;

/**
 * A value given by the caller was rejected before anything was sent: CR, LF or NUL in an address,
 * path, mailbox, selector or header; an empty or over-long token; an out-of-range number. The
 * message names the parameter and shows the offending value with control characters escaped.
 *
 * <pre>{@code
 * try {
 *   Endpoint.of("mail.example.org\r\nRCPT TO:<x>", 25);
 * } catch (InvalidInputException e) {
 *   e.parameter();  // "host"
 *   e.getMessage(); // host: must not contain CR, LF or NUL (at index 16): "mail.example.org\r\n..."
 * }
 * }</pre>
 */
public class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The name of the rejected parameter. */
  private final String parameter;

  /**
   * @param parameter the name of the rejected parameter, e.g. {@code "selector"}
   * @param message why it was rejected
   */
  public InvalidInputException(String parameter, String message) {
    super(parameter + ": " + message);
    this.parameter = parameter;
  }

  /**
   * Like {@link #InvalidInputException(String, String)}, keeping what made the input unusable (the
   * {@link java.io.IOException} of a file that could not be read, say) as the cause.
   *
   * @param parameter the name of the rejected parameter, e.g. {@code "caFile"}
   * @param message why it was rejected
   * @param cause the underlying failure, or null
   */
  public InvalidInputException(String parameter, String message, Throwable cause) {
    super(parameter + ": " + message, cause);
    this.parameter = parameter;
  }

  /** {@return the name of the rejected parameter, e.g. {@code "caFile"}} */
  public String parameter() {
    return parameter;
  }
}
