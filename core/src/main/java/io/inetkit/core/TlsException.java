package io.inetkit.core;

/**
 * TLS could not be established as configured: the certificate did not verify, the host name did not
 * match, the handshake failed, or the server refused or did not offer STARTTLS when the {@link
 * TlsMode} required it. When this is thrown for a required STARTTLS, no credentials and no payload
 * were sent.
 *
 * <pre>{@code
 * try (var session = client.open()) {
 *   ...
 * } catch (TlsException e) {
 *   // untrusted certificate, wrong host name, or STARTTLS refused: nothing secret was sent
 *   System.err.println(e.getMessage() + "; a private CA? use Trust.fromFile(caPem)");
 * }
 * }</pre>
 */
public class TlsException extends InetkitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link InetkitException#InetkitException}.
   *
   * @param message what was attempted and what happened; must not contain a secret
   * @param endpoint the server
   * @param cause the underlying exception, or {@code null}
   */
  public TlsException(String message, Endpoint endpoint, Throwable cause) {
    super(message, endpoint, cause);
  }
}
