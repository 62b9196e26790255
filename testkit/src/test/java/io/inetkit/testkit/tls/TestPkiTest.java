package io.inetkit.testkit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsException;
import io.inetkit.core.Trust;
import io.inetkit.core.internal.Connector;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the test PKI with real handshakes: verification passes for the right names only. */
class TestPkiTest {
  private static final TestPki PKI = TestPki.create();

  /** Starts a one-shot TLS echo server presenting {@code ctx}; returns its port. */
  private static int oneShotTlsServer(SSLContext ctx) throws Exception {
    SSLServerSocket server =
        (SSLServerSocket)
            ctx.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
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
          Connector.connect(
              Endpoint.of(host, port),
              true,
              PKI.clientTrust(),
              Timeouts.DEFAULT,
              EventListener.NONE)) {
        InputStream in = s.getInputStream();
        assertThat(new String(in.readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("hello\n");
      }
    }
  }

  @Test
  void wrongHostNameIsRejected() throws Exception {
    assertRefusedBy127001(PKI.issue("wrong.example"));
  }

  /**
   * Asserts that a client trusting {@link #PKI} refuses {@code identity} when it dials 127.0.0.1.
   */
  private static void assertRefusedBy127001(TestPki.ServerIdentity identity) throws Exception {
    int port = oneShotTlsServer(identity.sslContext());
    assertThatThrownBy(
            () ->
                Connector.connect(
                    Endpoint.of("127.0.0.1", port),
                    true,
                    PKI.clientTrust(),
                    Timeouts.DEFAULT,
                    EventListener.NONE))
        .isInstanceOf(TlsException.class)
        .hasMessageContaining("127.0.0.1:" + port);
  }

  @Test
  void otherCaIsRejected() throws Exception {
    int port = oneShotTlsServer(TestPki.create().serverSslContext());
    assertThatThrownBy(
            () ->
                Connector.connect(
                    Endpoint.of("127.0.0.1", port),
                    true,
                    PKI.clientTrust(),
                    Timeouts.DEFAULT,
                    EventListener.NONE))
        .isInstanceOf(TlsException.class);
  }

  @Test
  void caPemFileIsReadableByCoreTrust() throws Exception {
    assertThat(Files.readString(PKI.caPemFile())).startsWith("-----BEGIN CERTIFICATE-----");
    int port = oneShotTlsServer(PKI.serverSslContext());
    try (Socket s =
        Connector.connect(
            Endpoint.of("localhost", port),
            true,
            Trust.fromFile(PKI.caPemFile()),
            Timeouts.DEFAULT,
            EventListener.NONE)) {
      assertThat(s.getInputStream().read()).isEqualTo('h');
    }
  }

  @Test
  void serverCertificateIsAnX509v3LeafWithTheExtensionsTlsClientsCheck() throws Exception {
    X509Certificate cert = PKI.server().certificate();
    assertThat(cert.getVersion()).isEqualTo(3);
    assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
    cert.verify(PKI.caCertificate().getPublicKey());
    assertThat(cert.getIssuerX500Principal())
        .isEqualTo(PKI.caCertificate().getSubjectX500Principal());
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    assertThat(cert.getSubjectAlternativeNames())
        .containsExactly(
            List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getKeyUsage()).startsWith(true, false, false, false, true, false, false);
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(cert.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
    assertThat(cert.getNonCriticalExtensionOIDs())
        .containsExactlyInAnyOrder("2.5.29.14", "2.5.29.35", "2.5.29.37", "2.5.29.17");
    cert.checkValidity();
    assertThat(cert.getNotBefore()).isBefore(new Date());
  }

  @Test
  void caCertificateIsASelfSignedCaAllowedToSignCertificatesOnly() throws Exception {
    X509Certificate ca = PKI.caCertificate();
    ca.verify(ca.getPublicKey());
    assertThat(ca.getVersion()).isEqualTo(3);
    assertThat(ca.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    assertThat(ca.getKeyUsage()).startsWith(false, false, false, false, false, true, true);
    assertThat(ca.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
  }

  @Test
  void opensslAcceptsTheChainForTheLoopbackNamesAsATlsServer(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(onPath("openssl"), "openssl not installed");
    Path chain = dir.resolve("chain.pem");
    Path key = dir.resolve("key.pem");
    PKI.server().writePem(chain, key);
    for (String check :
        new String[] {"-verify_hostname=localhost", "-verify_ip=127.0.0.1", "-verify_ip=::1"}) {
      String[] flag = check.split("=", 2);
      assertThat(
              run(
                  "openssl",
                  "verify",
                  "-purpose",
                  "sslserver",
                  flag[0],
                  flag[1],
                  "-CAfile",
                  PKI.caPemFile().toString(),
                  chain.toString()))
          .endsWith(": OK");
    }
    assertThat(
            run(
                "openssl",
                "verify",
                "-verify_hostname",
                "wrong.example",
                "-CAfile",
                PKI.caPemFile().toString(),
                chain.toString()))
        .containsIgnoringCase("hostname mismatch");
    assertThat(run("openssl", "pkey", "-in", key.toString(), "-noout", "-text"))
        .contains("NIST CURVE: P-256");
  }

  @Test
  void expiredAndNotYetValidCertificatesAreRefusedByClients() throws Exception {
    Instant now = Instant.now();
    TestPki.ServerIdentity expired =
        PKI.issue(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), "127.0.0.1");
    TestPki.ServerIdentity early =
        PKI.issue(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), "127.0.0.1");
    assertRefusedBy127001(expired);
    assertRefusedBy127001(early);
  }

  @Test
  void validityDatesAreEncodedExactlyIncludingGeneralizedTimeFrom2050() {
    Instant before = Instant.parse("2049-12-31T23:59:59Z");
    Instant after = Instant.parse("2051-06-01T12:00:00Z");
    X509Certificate cert = PKI.issue(before, after, "localhost").certificate();
    assertThat(cert.getNotBefore().toInstant()).isEqualTo(before);
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(after);
    assertThatThrownBy(() -> PKI.issue(after, before, "localhost"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PKI.issue(before, after)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void privateKeyPemIsPkcs8ReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
    Path chain = dir.resolve("chain.pem");
    Path key = dir.resolve("key.pem");
    PKI.server().writePem(chain, key);
    String pem = Files.readString(key);
    assertThat(pem)
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    assertThat(
            KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(der))
                .getAlgorithm())
        .isEqualTo("EC");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(chain).split("-----BEGIN CERTIFICATE-----", -1)).hasSize(3);
  }

  @Test
  void sharedIsOnePkiPerJvmAndCreateMakesAnotherCa() {
    assertThat(TestPki.shared()).isSameAs(TestPki.shared()).isNotSameAs(TestPki.create());
    assertThat(TestPki.shared().serverSslContext()).isSameAs(TestPki.shared().serverSslContext());
    assertThat(TestPki.create().caCertificate()).isNotEqualTo(TestPki.shared().caCertificate());
  }

  private static boolean onPath(String tool) {
    return java.util.stream.Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  private static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
