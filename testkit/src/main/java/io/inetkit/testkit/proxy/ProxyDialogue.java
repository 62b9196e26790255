package io.inetkit.testkit.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The proxy side of one client's handshake: authenticates, reads the target, connects to it (on
 * loopback only) and answers. Subclasses speak SOCKS5 or HTTP CONNECT.
 */
abstract class ProxyDialogue {
  /** How long the proxy waits for a target to accept a connection. */
  static final int TARGET_CONNECT_MILLIS = 5_000;

  final Socket client;
  final ProxyServer.Rules rules;
  private String host;
  private int port;
  private String user;

  ProxyDialogue(Socket client, ProxyServer.Rules rules) {
    this.client = client;
    this.rules = rules;
  }

  /**
   * Runs the handshake; returns the connection to the target, or null when the proxy refused (its
   * answer has been sent).
   */
  abstract Socket negotiate() throws IOException;

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  String user() {
    return user;
  }

  void authenticated(String user) {
    this.user = user;
  }

  /** Whether the proxy demands credentials. */
  boolean requiresCredentials() {
    return rules.user() != null;
  }

  /** Whether {@code user} and {@code password} are the proxy's. */
  boolean accepts(String user, String password) {
    return rules.user().equals(user) && rules.password().equals(password);
  }

  /**
   * Connects to the target the client asked for, or returns null when it is not on loopback, cannot
   * be resolved or refuses.
   */
  Socket connectTarget(String host, int port) {
    this.host = host;
    this.port = port;
    try {
      InetAddress address = rules.resolve(host);
      if (!address.isLoopbackAddress()) {
        return null;
      }
      Socket upstream = new Socket();
      try {
        upstream.setTcpNoDelay(true);
        upstream.connect(new InetSocketAddress(address, port), TARGET_CONNECT_MILLIS);
      } catch (IOException e) {
        upstream.close();
        return null;
      }
      return upstream;
    } catch (IOException e) {
      return null;
    }
  }
}
