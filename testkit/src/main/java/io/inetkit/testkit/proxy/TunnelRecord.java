package io.inetkit.testkit.proxy;

import java.util.concurrent.atomic.AtomicLong;

/** A tunnel's live byte counts, snapshot by {@link ProxyServer#tunnels()}. */
final class TunnelRecord {
  private final String host;
  private final int port;
  private final String user;
  final AtomicLong toServer = new AtomicLong();
  final AtomicLong toClient = new AtomicLong();

  TunnelRecord(String host, int port, String user) {
    this.host = host;
    this.port = port;
    this.user = user;
  }

  ProxyTunnel snapshot() {
    return new ProxyTunnel(host, port, user, toServer.get(), toClient.get());
  }
}
