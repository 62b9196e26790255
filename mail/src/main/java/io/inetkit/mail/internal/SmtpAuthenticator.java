package io.inetkit.mail.internal;

import io.inetkit.core.AuthenticationException;
import io.inetkit.core.Credentials;
import io.inetkit.core.InetkitException;
import io.inetkit.core.Reply;
import io.inetkit.core.TlsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * SMTP AUTH (RFC 4954) with PLAIN, LOGIN or XOAUTH2. An OAuth2 token is asked of the {@link
 * Credentials} afresh for each attempt, and once more when the server refuses the first (the usual
 * sign of an expired token). Secrets never reach events or error messages.
 */
final class SmtpAuthenticator {
  private SmtpAuthenticator() {}

  static void login(SmtpConnection c, Credentials credentials) throws InetkitException {
    Set<String> offered = c.capabilities().authMechanisms();
    String user = credentials.user();
    String mechanism = choose(credentials, offered);
    if (!c.isTls() && offered.isEmpty() && c.capabilities().supports("STARTTLS")) {
      // A submission port that takes logins only after STARTTLS (Postfix smtpd_tls_auth_only).
      throw new TlsException(
          "AUTH as "
              + user
              + ": the server offers no AUTH mechanism without TLS but offers"
              + " STARTTLS, so it takes logins only over TLS: use STARTTLS instead of no TLS (--tls none);"
              + " nothing secret was sent",
          c.endpoint(),
          null);
    }
    if (mechanism == null) {
      throw new AuthenticationException(
          "AUTH as " + user + ": the server offers no usable mechanism (offered " + offered + ")",
          c.endpoint(),
          null,
          null);
    }
    if (!c.isTls()) {
      c.settings()
          .plaintextLogin()
          .checkCleartext("AUTH as " + user, c.endpoint()); // opportunistic without TLS
    }
    c.settings().events().authStart(c.endpoint(), user, mechanism);
    try {
      Reply r =
          switch (mechanism) {
            case "XOAUTH2" -> xoauth2(c, credentials);
            case "PLAIN" -> plain(c, credentials);
            default -> loginMechanism(c, credentials);
          };
      if (r.code() != 235) {
        throw new AuthenticationException(
            "AUTH " + mechanism + " as " + user, c.endpoint(), r, null);
      }
      c.settings().events().authEnd(c.endpoint(), user);
    } catch (InetkitException e) {
      c.settings().events().authFailed(c.endpoint(), user, e);
      throw e;
    }
  }

  private static String choose(Credentials credentials, Set<String> offered) {
    if (credentials.kind() == Credentials.Kind.OAUTH2_TOKEN) {
      return offered.contains("XOAUTH2") ? "XOAUTH2" : null;
    }
    return offered.contains("PLAIN") ? "PLAIN" : offered.contains("LOGIN") ? "LOGIN" : null;
  }

  private static Reply xoauth2(SmtpConnection c, Credentials credentials) throws InetkitException {
    Reply r = null;
    for (int attempt = 1; attempt <= 2; attempt++) {
      String token = credentials.secretAsString();
      String response =
          "user=" + credentials.user() + "\u0001auth=Bearer " + token + "\u0001\u0001";
      r = c.command("AUTH XOAUTH2 " + base64(response), "AUTH XOAUTH2 ***");
      if (r.code() == 334) {
        // The server sent a JSON error; the client answers with an empty line and gets the 5xx.
        r = c.command("", "(XOAUTH2 error acknowledged)");
      }
      if (r.code() == 235 || c.isBroken()) {
        return r;
      }
    }
    return r;
  }

  private static Reply plain(SmtpConnection c, Credentials credentials) throws InetkitException {
    char[] secret = credentials.secret();
    try {
      String response = "\0" + credentials.user() + "\0" + new String(secret);
      return c.command("AUTH PLAIN " + base64(response), "AUTH PLAIN ***");
    } finally {
      java.util.Arrays.fill(secret, '\0');
    }
  }

  private static Reply loginMechanism(SmtpConnection c, Credentials credentials)
      throws InetkitException {
    Reply r = c.command("AUTH LOGIN");
    if (r.code() != 334) {
      return r;
    }
    r = c.command(base64(credentials.user()), "(user name)");
    if (r.code() != 334) {
      return r;
    }
    return c.command(base64(credentials.secretAsString()), "***");
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
