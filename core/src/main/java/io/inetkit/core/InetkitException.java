package io.inetkit.core;

import java.io.IOException;

/**
 * Root of every checked failure inetkit reports: something went wrong on the network, at the
 * server, or in the conversation between the two.
 *
 * <p>Messages name what was attempted and against which {@code host:port}, and include the server's
 * reply where there was one. They never contain a password or token. The underlying library's
 * exception (Jakarta Mail, Commons Net, JDK) is kept as the {@link #getCause() cause}.
 *
 * <pre>{@code
 * try (FtpSession ftp = client.open()) {
 *   ftp.get("/pub/file.iso", Path.of("file.iso"));
 * } catch (AuthenticationException e) {
 *   // wrong user or password
 * } catch (InetkitException e) {
 *   System.err.println(e.getMessage()); // what, where, and what the server said
 * }
 * }</pre>
 *
 * <p>Programmer errors (a bad argument, a closed session) are unchecked JDK exceptions instead;
 * values rejected before anything was sent are {@link InvalidInputException}.
 */
public class InetkitException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Endpoint endpoint;

  /**
   * @param message what was attempted and what happened; must not contain a secret
   * @param endpoint where it happened, or {@code null} when no connection was involved
   * @param cause the underlying exception, or {@code null}
   */
  public InetkitException(String message, Endpoint endpoint, Throwable cause) {
    super(withEndpoint(message, endpoint), cause);
    this.endpoint = endpoint;
  }

  /** {@return the server this failure concerns, or {@code null} when there was none} */
  public Endpoint endpoint() {
    return endpoint;
  }

  private static String withEndpoint(String message, Endpoint endpoint) {
    if (endpoint == null || message == null || message.contains(endpoint.toString())) {
      return message;
    }
    return message + " [" + endpoint + "]";
  }
}
