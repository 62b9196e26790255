package io.inetkit.mail.internal;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import java.util.Locale;
import java.util.Properties;

/**
 * Applies a {@link PlaintextLogin} policy to an IMAP or POP3 session before Angus Mail connects (it
 * logs in as part of connecting, so the check cannot wait for the wire): {@link TlsMode#NONE} with
 * credentials needs {@link PlaintextLogin#ALLOWED}, and an opportunistic STARTTLS/STLS is made
 * required unless plain-text logins are allowed, so the password never follows a missing upgrade.
 * Not part of the public API.
 */
public final class CleartextLogins {
  private CleartextLogins() {}

  /**
   * Checks the policy and adjusts {@code props} (from {@link GuardedSockets#properties}).
   *
   * @throws TlsException when the login would be sent in clear text and that is not allowed
   */
  public static void apply(
      Properties props,
      AngusProtocol protocol,
      TlsMode tlsMode,
      PlaintextLogin policy,
      Credentials credentials,
      Endpoint endpoint)
      throws TlsException {
    if (tlsMode == TlsMode.NONE) {
      policy.checkCleartext("login as " + credentials.user(), endpoint);
    } else if (tlsMode == TlsMode.STARTTLS_OPPORTUNISTIC && policy == PlaintextLogin.REFUSED) {
      props.setProperty("mail." + protocol.provider(TlsMode.NONE) + ".starttls.required", "true");
    }
  }

  /**
   * Returns {@code failure} of a login over a connection without TLS as a {@link TlsException} when
   * the server refused because there is no TLS (IMAP {@code LOGINDISABLED}, which Angus reports as
   * "No login methods supported", or {@code [PRIVACYREQUIRED]}; Dovecot's "Plaintext authentication
   * disallowed"), so the user learns to use TLS rather than to check the password; any other
   * failure unchanged.
   */
  public static InetkitException explain(
      InetkitException failure, TlsMode tlsMode, String what, Endpoint endpoint) {
    if (tlsMode != TlsMode.NONE || failure instanceof TlsException) {
      return failure;
    }
    String text = String.valueOf(failure.getMessage());
    String lower = text.toLowerCase(Locale.ROOT);
    String reason =
        lower.contains("no login methods supported")
            ? "announced LOGINDISABLED"
            : lower.contains("privacyrequired")
                    || lower.contains("plaintext authentication disallowed")
                ? "said: " + text
                : null;
    if (reason == null) {
      return failure;
    }
    return new TlsException(
        what
            + ": the server takes logins only over TLS (it "
            + reason
            + "); use STARTTLS or"
            + " implicit TLS instead of no TLS (--tls none)",
        endpoint,
        failure);
  }
}
