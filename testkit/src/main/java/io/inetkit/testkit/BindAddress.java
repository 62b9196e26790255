package io.inetkit.testkit;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The IPv4 address a testkit server listens on: {@link #LOOPBACK} ({@code 127.0.0.1}) unless a test
 * or {@code inetkit serve --bind} asks for another, such as {@code 0.0.0.0} to be reachable from a
 * container next to it.
 *
 * <pre>{@code
 * BindAddress any = BindAddress.of("0.0.0.0");
 * any.urlHost();        // "127.0.0.1": where a client on this machine connects
 * any.isLoopback();     // false: reachable from other hosts
 * }</pre>
 *
 * @param address the IPv4 address to bind
 */
public record BindAddress(InetAddress address) {
  /** {@code 127.0.0.1}, the default of every testkit server. */
  public static final BindAddress LOOPBACK = of("127.0.0.1");

  /**
   * Checks that the address is IPv4.
   *
   * @param address the IPv4 address to bind; not null
   */
  public BindAddress {
    Objects.requireNonNull(address, "address");
    if (!(address instanceof Inet4Address)) {
      throw new IllegalArgumentException(
          "only IPv4 addresses can be bound, not " + address.getHostAddress());
    }
  }

  /**
   * Parses an IPv4 literal such as {@code 127.0.0.1}, {@code 0.0.0.0} or {@code 192.168.1.20}
   * (never a host name: no lookup).
   *
   * @param literal the IPv4 address as text
   * @return the bind address for {@code literal}
   * @throws IllegalArgumentException when {@code literal} is not an IPv4 address
   */
  public static BindAddress of(String literal) {
    Objects.requireNonNull(literal, "literal");
    if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      throw new IllegalArgumentException("not an IPv4 address: " + literal);
    }
    try {
      return new BindAddress(InetAddress.getByName(literal)); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IPv4 address: " + literal, e);
    }
  }

  /**
   * Whether only this machine can connect ({@code 127.x.x.x}).
   *
   * @return whether the address is a loopback address ({@code 127.x.x.x})
   */
  public boolean isLoopback() {
    return address.isLoopbackAddress();
  }

  /**
   * The address a client on this machine connects to: {@code 127.0.0.1} for {@code 0.0.0.0}.
   *
   * @return the address to connect to: this address, or {@code 127.0.0.1} for {@code 0.0.0.0}
   */
  public InetAddress connectAddress() {
    return address.isAnyLocalAddress() ? LOOPBACK.address() : address;
  }

  /**
   * {@link #connectAddress()} as text, for URLs and endpoints: {@code 127.0.0.1}, {@code
   * 192.168.1.20}.
   *
   * @return the connect address as an IPv4 literal
   */
  public String urlHost() {
    return connectAddress().getHostAddress();
  }

  @Override
  public String toString() {
    return address.getHostAddress();
  }
}
