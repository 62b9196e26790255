package io.inetkit.it;

import io.inetkit.core.TlsMode;
import io.inetkit.testkit.mail.Postfix;

/**
 * The three ways the real-server mail journeys send into Postfix: the library's TLS mode and login,
 * the CLI's {@code --server} scheme, and the short name of the recipient each route's messages go
 * to (so every journey reads a mailbox of its own).
 */
enum PostfixRoute {
  /** MX-style port, STARTTLS, no login. */
  SMTP_STARTTLS(Postfix.Listener.SMTP, TlsMode.STARTTLS_REQUIRED, "smtp", false, "mx"),
  /** Implicit TLS, with login. */
  SMTPS(Postfix.Listener.SMTPS, TlsMode.IMPLICIT, "smtps", true, "smtps"),
  /** Submission: STARTTLS, then AUTH required. */
  SUBMISSION_STARTTLS_AUTH(
      Postfix.Listener.SUBMISSION, TlsMode.STARTTLS_REQUIRED, "smtp", true, "sub");

  final Postfix.Listener listener;
  final TlsMode tls;
  final String scheme;
  final boolean login;
  final String recipient;

  PostfixRoute(
      Postfix.Listener listener, TlsMode tls, String scheme, boolean login, String recipient) {
    this.listener = listener;
    this.tls = tls;
    this.scheme = scheme;
    this.login = login;
    this.recipient = recipient;
  }

  /**
   * The CLI's {@code --server} URL for {@code port}, with user {@code alice} when the route logs
   * in.
   */
  String server(int port) {
    return scheme + "://" + (login ? "alice@" : "") + "127.0.0.1:" + port;
  }
}
