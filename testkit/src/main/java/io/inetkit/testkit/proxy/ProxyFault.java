package io.inetkit.testkit.proxy;

/**
 * How a {@link ProxyServer} misbehaves, so tests can prove a client fails cleanly and in time.
 * Credentials that do not match the server's are answered as the protocol says (SOCKS5 status 1,
 * HTTP 407) without any fault.
 */
public enum ProxyFault {
  /** A well-behaved proxy. */
  NONE,
  /** Completes the greeting, then refuses the tunnel (SOCKS5 reply 5, HTTP 403 Forbidden). */
  REFUSE_TUNNEL,
  /** Answers the client's first bytes with text that is not the proxy protocol. */
  GARBAGE,
  /** Accepts the connection, reads what the client sends and never answers. */
  STALL,
  /** Accepts the connection and closes it at once. */
  CLOSE
}
