package io.inetkit.mail.internal;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.PlaintextLogin;
import io.inetkit.core.TlsException;
import io.inetkit.core.TlsMode;
import java.util.Properties;

/**
 * Applies a {@link PlaintextLogin} policy to an IMAP or POP3 session before Angus Mail connects
 * (it logs in as part of connecting, so the check cannot wait for the wire): {@link TlsMode#NONE}
 * with credentials needs {@link PlaintextLogin#ALLOWED}, and an opportunistic STARTTLS/STLS is
 * made required unless plain-text logins are allowed, so the password never follows a missing
 * upgrade. Not part of the public API.
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
}
