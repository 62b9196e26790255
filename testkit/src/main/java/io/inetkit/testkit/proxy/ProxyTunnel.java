package io.inetkit.testkit.proxy;

/**
 * One tunnel a {@link ProxyServer} opened, as recorded: the target the client asked for and the
 * bytes carried each way so far.
 *
 * @param host the target host as the client sent it: a name (SOCKS5 with remote resolution, HTTP
 *     CONNECT) or an address literal (SOCKS5 with local resolution)
 * @param port the target port
 * @param user the user name the client authenticated with, or null
 * @param bytesToServer bytes the client sent through the tunnel
 * @param bytesToClient bytes the server sent back through the tunnel
 */
public record ProxyTunnel(
    String host, int port, String user, long bytesToServer, long bytesToClient) {

  /** {@return {@code host:port}} */
  public String target() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
