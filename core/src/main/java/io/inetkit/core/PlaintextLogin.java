package io.inetkit.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a client may send a password (or token) over a connection without TLS. The default
 * everywhere is {@link #REFUSED}: with {@link TlsMode#NONE}, or when an opportunistic STARTTLS
 * found no TLS, the client fails with a {@link TlsException} before the secret leaves. {@link
 * #ALLOWED} is the explicit opt-in for test servers and trusted networks; each login in clear text
 * is then logged as a warning.
 *
 * <pre>{@code
 * SmtpClient local = SmtpClient.builder()
 *     .endpoint("127.0.0.1", 2525).tlsMode(TlsMode.NONE)
 *     .plaintextLogin(PlaintextLogin.ALLOWED)      // a test server without TLS
 *     .credentials(Credentials.password("alice", pw))
 *     .build();
 * }</pre>
 */
public enum PlaintextLogin {
  /** Never send credentials without TLS (the default). */
  REFUSED,
  /** Send credentials without TLS when the connection has none, with a logged warning. */
  ALLOWED;

  private static final Logger LOG = LoggerFactory.getLogger(PlaintextLogin.class);

  /**
   * Checks a login about to happen over a connection without TLS: throws when this policy is {@link
   * #REFUSED}, logs a warning when it is {@link #ALLOWED}. Nothing has been sent when it throws.
   *
   * @param what the login, for the message (e.g. {@code "AUTH as alice"}, {@code "login as bob"})
   * @param endpoint the server, for the message and the warning
   * @throws TlsException when credentials may not travel in clear text
   */
  public void checkCleartext(String what, Endpoint endpoint) throws TlsException {
    if (this == REFUSED) {
      throw new TlsException(
          what
              + " to "
              + endpoint
              + " refused: the connection has no TLS, so the password would"
              + " travel in clear text; use TLS, or allow it explicitly with PlaintextLogin.ALLOWED;"
              + " nothing secret was sent",
          endpoint,
          null);
    }
    LOG.warn("{} to {}: sending the password in clear text (no TLS)", what, endpoint);
  }
}
