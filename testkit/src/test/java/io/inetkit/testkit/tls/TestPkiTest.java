package io.inetkit.testkit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.TlsException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.Trust;
import io.inetkit.core.internal.Connector;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.Test;

/** Proves the test PKI with real handshakes: verification passes for the right names only. */
class TestPkiTest {
  private static final TestPki PKI = TestPki.create();

  /** Starts a one-shot TLS echo server presenting {@code ctx}; returns its port. */
  private static int oneShotTlsServer(SSLContext ctx) throws Exception {
    SSLServerSocket server =
        (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              try (server;
                  Socket s = server.accept()) {
                OutputStream out = s.getOutputStream();
                out.write("hello\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                s.getInputStream().read();
              } catch (Exception ignored) {
                // the client may reject the handshake: that is what some tests prove
              }
            });
    t.setDaemon(true);
    t.start();
    return server.getLocalPort();
  }

  @Test
  void clientTrustVerifiesServerCertificateForLoopbackNames() throws Exception {
    for (String host : new String[] {"127.0.0.1", "localhost"}) {
      int port = oneShotTlsServer(PKI.serverSslContext());
      try (Socket s =
          Connector.connect(Endpoint.of(host, port), true, PKI.clientTrust(), Timeouts.DEFAULT, EventListener.NONE)) {
        InputStream in = s.getInputStream();
        assertThat(new String(in.readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("hello\n");
      }
    }
  }

  @Test
  void wrongHostNameIsRejected() throws Exception {
    int port = oneShotTlsServer(PKI.issue("wrong.example").sslContext());
    assertThatThrownBy(
            () ->
                Connector.connect(
                    Endpoint.of("127.0.0.1", port), true, PKI.clientTrust(), Timeouts.DEFAULT, EventListener.NONE))
        .isInstanceOf(TlsException.class)
        .hasMessageContaining("127.0.0.1:" + port);
  }

  @Test
  void otherCaIsRejected() throws Exception {
    int port = oneShotTlsServer(TestPki.create().serverSslContext());
    assertThatThrownBy(
            () ->
                Connector.connect(
                    Endpoint.of("127.0.0.1", port), true, PKI.clientTrust(), Timeouts.DEFAULT, EventListener.NONE))
        .isInstanceOf(TlsException.class);
  }

  @Test
  void caPemFileIsReadableByCoreTrust() throws Exception {
    assertThat(Files.readString(PKI.caPemFile())).startsWith("-----BEGIN CERTIFICATE-----");
    int port = oneShotTlsServer(PKI.serverSslContext());
    try (Socket s =
        Connector.connect(
            Endpoint.of("localhost", port), true, Trust.fromFile(PKI.caPemFile()), Timeouts.DEFAULT, EventListener.NONE)) {
      assertThat(s.getInputStream().read()).isEqualTo('h');
    }
  }
}
