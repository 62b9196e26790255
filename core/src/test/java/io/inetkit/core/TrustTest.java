package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.internal.BoundedLineReader;
import io.inetkit.core.internal.Connector;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class TrustTest {
  private static final Timeouts SHORT =
      new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(1));

  @TempDir static Path dir;
  static TestCerts.Cert good;
  static TestCerts.Cert wrongName;
  static ServerSocket goodServer;
  static ServerSocket wrongServer;

  @BeforeAll
  static void servers() throws Exception {
    List<TestCerts.Cert> certs =
        TestCerts.create(dir, "loopback=ip:127.0.0.1,dns:localhost", "wrong=dns:wrong.example");
    good = certs.get(0);
    wrongName = certs.get(1);
    goodServer = TestCerts.tlsServer(good.serverContext(), "hello\r\n");
    wrongServer = TestCerts.tlsServer(wrongName.serverContext(), "hello\r\n");
  }

  @AfterAll
  static void stop() throws Exception {
    goodServer.close();
    wrongServer.close();
  }

  private static String greeting(ServerSocket server, Trust trust) throws Exception {
    Endpoint ep = Endpoint.of("127.0.0.1", server.getLocalPort());
    try (Socket s = Connector.connect(ep, true, trust, SHORT, EventListener.NONE)) {
      assertThat(s).isInstanceOf(SSLSocket.class);
      return new BoundedLineReader(s.getInputStream(), 100, ep).readLine();
    }
  }

  @Test
  void pemFileTrustsItsCertificateWithHostNameVerification() throws Exception {
    Trust trust = Trust.fromFile(good.pem());
    assertThat(trust.verifiesHostname()).isTrue();
    assertThat(trust.isInsecure()).isFalse();
    assertThat(trust).hasToString("Trust[CA file " + good.pem() + "]");
    assertThat(greeting(goodServer, trust)).isEqualTo("hello");
  }

  @Test
  void systemTrustRefusesSelfSigned() {
    assertThatThrownBy(() -> greeting(goodServer, Trust.system()))
        .isInstanceOf(TlsException.class)
        .hasMessageContaining(
            "TLS handshake with 127.0.0.1:" + goodServer.getLocalPort() + " failed");
  }

  @Test
  void hostNameMismatchIsRefusedEvenWhenTheCertificateIsTrusted() {
    assertThatThrownBy(() -> greeting(wrongServer, Trust.fromFile(wrongName.pem())))
        .isInstanceOf(TlsException.class)
        .hasMessageContaining("127.0.0.1");
  }

  @Test
  void insecureAcceptsAnythingAndWarns() throws Exception {
    Trust insecure = Trust.insecure();
    assertThat(insecure.isInsecure()).isTrue();
    assertThat(insecure.verifiesHostname()).isFalse();
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    String line;
    try {
      line = greeting(wrongServer, insecure);
    } finally {
      System.setErr(old);
    }
    assertThat(line).isEqualTo("hello");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("WARN", "insecure trust");
  }

  @Test
  void keyStoreAndPkcs12FileWithoutPassword() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (var in = Files.newInputStream(good.pem())) {
      store.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    assertThat(greeting(goodServer, Trust.fromKeyStore(store))).isEqualTo("hello");
    Path p12 = dir.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(p12)) {
      store.store(out, new char[0]);
    }
    assertThat(greeting(goodServer, Trust.fromFile(p12))).isEqualTo("hello");
  }

  @Test
  void passwordProtectedJavaTrustStoreNeedsItsPassword() throws Exception {
    Path store = dir.resolve("truststore.p12"); // as keytool -importcert makes a Java trust store
    Process keytool =
        TestCerts.keytool(
            "-importcert",
            "-noprompt",
            "-alias",
            "ca",
            "-file",
            good.pem().toString(),
            "-keystore",
            store.toString(),
            "-storetype",
            "PKCS12",
            "-storepass",
            "changeit");
    assertThat(keytool.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).isZero();

    assertThat(greeting(goodServer, Trust.fromFile(store, "changeit".toCharArray())))
        .isEqualTo("hello");
    assertThatThrownBy(() -> Trust.fromFile(store))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("truststore.p12")
        .hasMessageContaining("password-protected");
    assertThatThrownBy(() -> Trust.fromFile(store, "wrong".toCharArray()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("wrong password")
        .hasMessageNotContaining("changeit");
    assertThatThrownBy(() -> Trust.fromFile(good.pem(), "changeit".toCharArray()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("PEM");
  }

  @Test
  void anUnreadableCaFileKeepsTheIoErrorAsTheCause() {
    Path missing = dir.resolve("no-such-ca.pem");

    assertThatThrownBy(() -> Trust.fromFile(missing))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no-such-ca.pem")
        .hasCauseInstanceOf(java.nio.file.NoSuchFileException.class);
  }

  @Test
  void customSslContextKeepsHostNameVerification() throws Exception {
    SSLContext ctx = Trust.fromFile(wrongName.pem()).sslContext();
    Trust custom = Trust.fromSslContext(ctx);
    assertThat(custom.verifiesHostname()).isTrue();
    assertThat(custom.sslContext()).isSameAs(ctx);
    assertThatThrownBy(() -> greeting(wrongServer, custom)).isInstanceOf(TlsException.class);
  }

  @Test
  void systemIsTheJdkTrustStoreAndExplainsWhatItRefuses() throws Exception {
    assertThat(Trust.system().sslContext()).isSameAs(Trust.system().sslContext());
    assertThat(Trust.system()).hasToString("Trust[system]");
    assertThat(Trust.system().verifiesHostname()).isTrue();
    // the JDK's CAs do not include a self-signed test certificate, and the refusal says why and
    // what to do
    assertThatThrownBy(() -> greeting(goodServer, Trust.system()))
        .isInstanceOf(TlsException.class)
        .hasMessageContaining("the server's certificate (CN=loopback, issued by CN=loopback)")
        .hasMessageContaining(
            "is not signed by a CA this client trusts: trust that CA with --cacert FILE");
  }

  @Test
  void hostNameMismatchListsTheNamesTheCertificateHolds() {
    assertThatThrownBy(() -> greeting(wrongServer, Trust.fromFile(wrongName.pem())))
        .isInstanceOf(TlsException.class)
        .hasMessageContaining(
            "the server's certificate is issued for wrong.example, not 127.0.0.1");
  }

  @Test
  void unreadableOrEmptyFilesRejected() throws Exception {
    assertThatThrownBy(() -> Trust.fromFile(dir.resolve("missing.pem")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("caFile: cannot read CA certificates from ");
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
    assertThatThrownBy(() -> Trust.fromFile(garbage))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("garbage.pem");
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    assertThatThrownBy(() -> Trust.fromFile(empty))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty.pem");
  }
}
