package io.inetkit.core;

import io.inetkit.core.internal.Inputs;
import java.net.InetSocketAddress;

/**
 * Where a server listens: a host name or IP literal and a TCP port.
 *
 * <pre>{@code
 * Endpoint smtp = Endpoint.of("mail.example.org", 587);
 * Endpoint v6 = Endpoint.parse("[::1]:2121");
 * }</pre>
 *
 * @param host a host name, IPv4 literal, or IPv6 literal without brackets
 * @param port 1 to 65535
 */
public record Endpoint(String host, int port) {

  /**
   * Validates host and port.
   *
   * @param host a host name, IPv4 literal, or IPv6 literal without brackets
   * @param port 1 to 65535
   * @throws InvalidInputException if {@code host} is null, empty, longer than 253 characters or
   *     holds white space, a control character or a character no host name contains, or {@code
   *     port} is outside 1 to 65535
   */
  public Endpoint {
    host = Inputs.requireHost("host", host);
    if (port < 1 || port > 65535) {
      throw new InvalidInputException("port", "must be between 1 and 65535, was " + port);
    }
  }

  /**
   * {@return the endpoint {@code host:port}}
   *
   * @param host a host name, IPv4 literal, or IPv6 literal without brackets
   * @param port 1 to 65535
   * @throws InvalidInputException when the host or port is not valid
   */
  public static Endpoint of(String host, int port) {
    return new Endpoint(host, port);
  }

  /**
   * Parses {@code host:port}, {@code [v6]:port}, or a bare host with {@code defaultPort}.
   *
   * @param text {@code host:port}, {@code [v6]:port}, {@code host} or {@code v6}
   * @param defaultPort the port when the text names none
   * @return the endpoint
   * @throws InvalidInputException when the text is not a valid endpoint
   */
  public static Endpoint parse(String text, int defaultPort) {
    Inputs.requireNoControl("endpoint", text);
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new InvalidInputException("endpoint", "unclosed '[' in " + Inputs.quote(text));
      }
      String host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (rest.isEmpty()) {
        return new Endpoint(host, defaultPort);
      }
      if (!rest.startsWith(":")) {
        throw new InvalidInputException(
            "endpoint", "expected ':port' after ']' in " + Inputs.quote(text));
      }
      return new Endpoint(host, parsePort(rest.substring(1)));
    }
    int colon = text.lastIndexOf(':');
    if (colon < 0 || text.indexOf(':') != colon) {
      return new Endpoint(text, defaultPort);
    }
    return new Endpoint(text.substring(0, colon), parsePort(text.substring(colon + 1)));
  }

  /** Parses a decimal port number, throwing {@link InvalidInputException} when invalid. */
  static int parsePort(String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
      throw new InvalidInputException("port", "not a port number: " + Inputs.quote(text));
    }
    int port = Integer.parseInt(text);
    if (port < 1 || port > 65535) {
      throw new InvalidInputException("port", "must be between 1 and 65535, was " + port);
    }
    return port;
  }

  /** {@return whether the host is an IPv6 literal} */
  public boolean isIpv6Literal() {
    return host.indexOf(':') >= 0;
  }

  /** {@return an unresolved socket address for this endpoint} */
  public InetSocketAddress toSocketAddress() {
    return InetSocketAddress.createUnresolved(host, port);
  }

  /** {@return {@code host:port}, with brackets around an IPv6 literal} */
  @Override
  public String toString() {
    return (isIpv6Literal() ? "[" + host + "]" : host) + ":" + port;
  }
}
