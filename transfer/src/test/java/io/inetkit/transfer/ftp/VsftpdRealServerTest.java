package io.inetkit.transfer.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inetkit.testkit.tls.TestPki;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proof against a stricter real server: Debian's vsftpd on loopback with {@code
 * require_ssl_reuse=YES}, which refuses data connections that do not resume the control
 * connection's TLS session ("522 SSL connection failed: session reuse required"). Runs only in the
 * {@code real-servers} Maven profile, as root (it installs vsftpd with apt-get if missing).
 */
@Tag("real-server")
class VsftpdRealServerTest {
  private static Path dir;
  private static Process vsftpd;
  private static int port;
  private static Path caPem;

  @BeforeAll
  static void startVsftpd() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "vsftpd tests need root");
    if (!Files.exists(Path.of("/usr/sbin/vsftpd"))) {
      run(List.of("apt-get", "install", "-y", "-q", "vsftpd"));
    }
    Files.createDirectories(Path.of("/var/run/vsftpd/empty"));
    dir = Files.createTempDirectory("inetkit-vsftpd-");
    Path root = Files.createDirectories(dir.resolve("anon"));
    Path incoming = Files.createDirectories(root.resolve("incoming"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-xr-x"));
    run(List.of("chown", "ftp:ftp", incoming.toString()));
    TestPki pki = TestPki.create();
    caPem = pki.caPemFile();
    Path cert = dir.resolve("server.pem");
    Path key = dir.resolve("server.key");
    writePem(pki, cert, key);
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path conf = dir.resolve("vsftpd.conf");
    Files.writeString(conf, String.join("\n",
        "listen=YES", "listen_ipv6=NO", "listen_address=127.0.0.1", "listen_port=" + port,
        "background=NO", "anonymous_enable=YES", "local_enable=NO", "write_enable=YES",
        "anon_root=" + root, "anon_upload_enable=YES", "anon_mkdir_write_enable=YES",
        "anon_other_write_enable=YES", "anon_umask=022", "no_anon_password=YES",
        "ssl_enable=YES", "allow_anon_ssl=YES", "force_anon_logins_ssl=YES",
        "force_anon_data_ssl=YES", "require_ssl_reuse=YES", "ssl_request_cert=NO",
        "ssl_ciphers=HIGH", "rsa_cert_file=" + cert, "rsa_private_key_file=" + key,
        "pasv_enable=YES", "port_enable=YES", "seccomp_sandbox=NO", "isolate_network=NO",
        "isolate=NO", "xferlog_enable=NO", "vsftpd_log_file=" + dir.resolve("vsftpd.log"),
        "dual_log_enable=YES", "debug_ssl=YES", "") );
    vsftpd = new ProcessBuilder("/usr/sbin/vsftpd", conf.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
    for (int i = 0; i < 100; i++) {
      try {
        new Socket("127.0.0.1", port).close();
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("vsftpd did not start: " + Files.readString(dir.resolve("stdout.log")));
  }

  private static void writePem(TestPki pki, Path cert, Path key) throws Exception {
    KeyStore ks = pki.server().keyStore();
    PrivateKey pk = (PrivateKey) ks.getKey("server", pki.server().keyStorePassword());
    Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    try (Writer w = Files.newBufferedWriter(key)) {
      w.write("-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(pk.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    }
    try (Writer w = Files.newBufferedWriter(cert)) {
      for (var c : ks.getCertificateChain("server")) {
        w.write("-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n");
      }
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(command + " failed: " + out);
    }
    return out;
  }

  @AfterAll
  static void stop() throws IOException {
    if (vsftpd != null) {
      vsftpd.destroy();
    }
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** TLS 1.3 (what the JDK and vsftpd on OpenSSL 3 negotiate by default) and TLS 1.2. */
  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void listPutGetWithRequiredSessionReuse(String protocol) throws Exception {
    String output = child(protocol, "-Djdk.tls.client.enableSessionTicketExtension="
        + (protocol.equals("TLSv1.2") ? "false" : "true"), 0);
    assertThat(output).contains("OK " + protocol + " " + protocol);
  }

  /** With TLS 1.2 and JDK session tickets vsftpd refuses reuse: the error says why and what to do. */
  @org.junit.jupiter.api.Test
  void tls12WithSessionTicketsFailsWithAnExplanation() throws Exception {
    String output = child("TLSv1.2", "-Djdk.tls.client.enableSessionTicketExtension=true", 1);
    assertThat(output).contains("TlsException").contains("522")
        .contains("-Djdk.tls.client.enableSessionTicketExtension=false");
  }

  private static String child(String protocol, String jvmArg, int expectedExit) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx128m", jvmArg, "-cp",
            System.getProperty("java.class.path"), VsftpdMain.class.getName(),
            Integer.toString(port), caPem.toString(), protocol))
        .redirectErrorStream(true).start();
    boolean done = p.waitFor(2, TimeUnit.MINUTES);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    String log = Files.exists(dir.resolve("vsftpd.log")) ? Files.readString(dir.resolve("vsftpd.log")) : "";
    assertThat(done).isTrue();
    assertThat(p.exitValue()).as(output + "\n--- vsftpd log ---\n" + log).isEqualTo(expectedExit);
    return output;
  }
}
