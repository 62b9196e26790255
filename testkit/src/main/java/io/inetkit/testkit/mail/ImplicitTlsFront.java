package io.inetkit.testkit.mail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Implicit TLS (SMTPS, IMAPS, POP3S): terminates TLS with the test PKI's server certificate and
 * relays the decrypted bytes to GreenMail's plain listener, greeting included.
 */
final class ImplicitTlsFront implements FrontListener.Handler {
  private final Supplier<SSLContext> context; // made on the first TLS client, then cached
  private final InetSocketAddress upstream;

  ImplicitTlsFront(Supplier<SSLContext> context, InetSocketAddress upstream) {
    this.context = context;
    this.upstream = upstream;
  }

  @Override
  public void handle(Socket client) throws IOException {
    client.setSoTimeout(30_000); // bound the handshake
    SSLSocket tls = Upstream.serverTls(client, context.get());
    tls.setSoTimeout(0);
    Relay.start(tls, Upstream.connect(upstream), "implicit-tls-relay");
  }
}
