package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Trust#withSessionIdResumption()}: its connections offer no TLS 1.2 session-ticket
 * extension (so an OpenSSL server such as vsftpd resumes them by session ID), while the plain
 * trust's do; read from the ClientHello the client really sends. The JVM-wide property is left as
 * it was.
 */
@Timeout(60)
class TrustSessionResumptionTest {
  private static final int SESSION_TICKET = 0x0023;

  @Test
  void derivedTrustOffersNoSessionTicketExtension() throws Exception {
    assertThat(System.getProperty(Trust.TICKETS_PROPERTY)).isNull();
    Trust plain = Trust.fromKeyStore(emptyStore());
    assertThat(clientHelloExtensions(plain)).contains(SESSION_TICKET);

    Trust derived = plain.withSessionIdResumption();
    assertThat(derived).isNotSameAs(plain);
    assertThat(derived.verifiesHostname()).isTrue();
    assertThat(clientHelloExtensions(derived)).doesNotContain(SESSION_TICKET);
    assertThat(clientHelloExtensions(Trust.system().withSessionIdResumption()))
        .doesNotContain(SESSION_TICKET);
    assertThat(System.getProperty(Trust.TICKETS_PROPERTY)).isNull();
  }

  @Test
  void callersContextIsKeptAsIs() throws Exception {
    Trust custom = Trust.fromSslContext(javax.net.ssl.SSLContext.getDefault());
    assertThat(custom.withSessionIdResumption()).isSameAs(custom);
  }

  private static KeyStore emptyStore() throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    return store;
  }

  /** Starts a handshake against a raw socket and returns the extension types of its ClientHello. */
  private static List<Integer> clientHelloExtensions(Trust trust) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> client =
          CompletableFuture.runAsync(
              () -> {
                try (SSLSocket s =
                    (SSLSocket)
                        trust
                            .sslContext()
                            .getSocketFactory()
                            .createSocket("127.0.0.1", server.getLocalPort())) {
                  trust.configure(s, "127.0.0.1");
                  s.startHandshake();
                } catch (IOException expected) {
                  // the raw server hangs up after reading the ClientHello
                }
              });
      List<Integer> types = new ArrayList<>();
      try (Socket raw = server.accept()) {
        DataInputStream in = new DataInputStream(raw.getInputStream());
        assertThat(in.readUnsignedByte()).as("handshake record").isEqualTo(22);
        in.skipNBytes(2 + 2); // record version, record length
        assertThat(in.readUnsignedByte()).as("ClientHello").isEqualTo(1);
        in.skipNBytes(3 + 2 + 32); // length, client version, random
        in.skipNBytes(in.readUnsignedByte()); // session id
        in.skipNBytes(in.readUnsignedShort()); // cipher suites
        in.skipNBytes(in.readUnsignedByte()); // compression methods
        int left = in.readUnsignedShort();
        while (left > 0) {
          int type = in.readUnsignedShort();
          int length = in.readUnsignedShort();
          in.skipNBytes(length);
          types.add(type);
          left -= 4 + length;
        }
      }
      client.get(30, TimeUnit.SECONDS);
      return types;
    }
  }
}
